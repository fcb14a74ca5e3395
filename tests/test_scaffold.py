"""`invoke new`: every field present and explained, placeholders refused, nothing overwritten."""

from __future__ import annotations

import json
import re

import pytest
from breaking import messages
from conftest import ROOT, build_into, parse, text_of
from sammelan.tools import scaffold

# the files `invoke new conclave test-conclave` writes
NEW = "data/conclaves/test-conclave.yaml"
NEW_HI, NEW_EN = (f"content/conclaves/test-conclave.{lang}.md" for lang in ("hi", "en"))

FILLED = [  # what an organizer types over the placeholders of a new conclave, in file order
    ("TODO हिन्दी में", "परीक्षण सम्मेलन"), ("TODO in English", "Test conclave"),
    ("status: TODO", "status: scheduled"), ("TODO YYYY-MM-DD", "2026-12-10"),
    ("TODO YYYY-MM-DD", "2026-12-10"), ("venue: TODO", "venue: parwanoo"),
    ("organization: TODO", "organization: ministry-of-msme"), ("- TODO", "- host"),
    ("id: TODO", "id: opening"),
    ("    title:\n      hi: TODO हिन्दी में\n      en: TODO in English",
     "    title:\n      hi: उद्घाटन\n      en: Opening"),
    ("kind: TODO", "kind: inauguration"),
]


@pytest.mark.parametrize("kind", scaffold.KINDS)
def test_every_field_of_the_schema_is_in_the_scaffold_with_its_comment(kind):
    text = scaffold.yaml_text(kind)
    assert text.startswith(f"# yaml-language-server: $schema=../../schemas/{kind}.schema.json")
    schema = json.loads((ROOT / "schemas" / f"{kind}.schema.json").read_text())
    comments = " ".join(re.sub(r"\n\s*#", " ", text).split())  # wrapped lines joined
    for name, field in schema["properties"].items():
        assert f"{name}:" in text, name
        assert field["description"] in comments, name


def test_new_conclave_is_refused_until_filled_then_builds(project, tmp_path):
    written = scaffold.write(project, "conclave", "test-conclave")
    assert [p.relative_to(project).as_posix() for p in written] == [NEW, NEW_HI, NEW_EN]
    found = messages(project)
    assert found[0] == (f"{NEW}:9:7: error [title.hi]: `TODO हिन्दी "
                        "में` is a placeholder — fix: replace it with the real value (the "
                        "comment above the field says what goes there)")
    yaml_file = written[0]
    text = yaml_file.read_text(encoding="utf-8")
    for old, new in FILLED:
        text = text.replace(old, new, 1)
    yaml_file.write_text(text, encoding="utf-8")
    assert [m.split(": error")[0] for m in messages(project)] == [
        f"{NEW_EN}:1:1", f"{NEW_HI}:1:1"]
    written[1].write_text("एक परीक्षण।\n", encoding="utf-8")
    written[2].write_text("A test.\n", encoding="utf-8")
    assert messages(project) == []
    assert build_into(tmp_path / "out", root=project) == 0
    page = tmp_path / "out/en/conclaves/test-conclave/index.html"
    assert "Test conclave" in text_of(page) and "Opening" in text_of(page)


def test_new_refuses_to_overwrite_and_writes_nothing(project):
    (project / "content/speakers/sanjay-seth.en.md").write_text("Bio.\n", encoding="utf-8")
    before = (project / "data/speakers/sanjay-seth.yaml").read_bytes()
    with pytest.raises(scaffold.ScaffoldError, match="sanjay-seth.yaml already exists"):
        scaffold.write(project, "speaker", "sanjay-seth")
    assert (project / "data/speakers/sanjay-seth.yaml").read_bytes() == before
    assert not (project / "content/speakers/sanjay-seth.hi.md").exists()


@pytest.mark.parametrize(("kind", "slug", "message"), [
    ("person", "a", "`person` is not a kind"), ("venue", "Hotel Taj", "is not a valid slug")])
def test_new_refuses_bad_kinds_and_slugs(project, kind, slug, message):
    with pytest.raises(scaffold.ScaffoldError, match=message):
        scaffold.write(project, kind, slug)


# news and the site's settings --------------------------------------------------------------

NEWS = "data/news/venue-announced.yaml"


def test_new_news_is_refused_until_filled_then_builds_in_both_languages(project, tmp_path):
    written = scaffold.write(project, "news", "venue-announced")
    assert [p.relative_to(project).as_posix() for p in written] == [
        NEWS, "content/news/venue-announced.hi.md", "content/news/venue-announced.en.md"]
    assert messages(project)[:3] == [
        f"{NEWS}:9:7: error [title.hi]: `TODO हिन्दी में` is a placeholder — fix: replace it "
        "with the real value (the comment above the field says what goes there)",
        f"{NEWS}:10:7: error [title.en]: `TODO in English` is a placeholder — fix: replace it "
        "with the real value (the comment above the field says what goes there)",
        f"{NEWS}:12:12: error [published]: `TODO YYYY-MM-DD` is a placeholder — fix: replace "
        "it with the real value (the comment above the field says what goes there)"]
    text = written[0].read_text(encoding="utf-8")
    for old, new in [("TODO हिन्दी में", "स्थल घोषित"), ("TODO in English", "Venue announced"),
                     ("TODO YYYY-MM-DD", "2025-12-20"),
                     ("# conclave: TODO", "conclave: msme-defence-conclave-2026")]:
        text = text.replace(old, new, 1)
    written[0].write_text(text, encoding="utf-8")
    written[1].write_text("आयोजन स्थल तय हो गया है।\n", encoding="utf-8")
    written[2].write_text("The venue has been chosen.\n", encoding="utf-8")
    assert messages(project) == []
    assert build_into(tmp_path / "out", root=project) == 0
    for prefix, title, body in (("", "स्थल घोषित", "आयोजन स्थल तय हो गया है।"),
                                ("en/", "Venue announced", "The venue has been chosen.")):
        page = text_of(tmp_path / "out" / prefix / "news/venue-announced/index.html")
        assert title in page and body in page
        conclave = tmp_path / "out" / prefix / "conclaves/msme-defence-conclave-2026/index.html"
        assert title in text_of(conclave)


def test_new_site_writes_settings_that_build_as_they_are(project, tmp_path):
    (project / "data/site.yaml").unlink()
    (written,) = scaffold.write_site(project)
    assert written == project / "data/site.yaml"
    text = written.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/site.schema.json")
    schema = json.loads((ROOT / "schemas/site.schema.json").read_text())
    comments = " ".join(re.sub(r"\n\s*#", " ", text).split())
    for name, field in schema["properties"].items():
        assert f"{name}:" in text and field["description"] in comments, name
    assert messages(project) == []  # the defaults need no change
    text = text.replace("# statement:\n#   hi: TODO हिन्दी में\n#   en: TODO in English",
                        "statement:\n  hi: तथ्य आयोजकों के हैं।\n  en: The facts are ours.")
    written.write_text(text, encoding="utf-8")
    assert build_into(tmp_path / "out", root=project) == 0
    for prefix, name, statement in (("", "सम्मेलन", "तथ्य आयोजकों के हैं।"),
                                    ("en/", "Sammelan", "The facts are ours.")):
        page = tmp_path / "out" / prefix / "index.html"
        # the statement ends the footer's first paragraph (then come when the page last
        # changed and the links about the site)
        first = " ".join(parse(page).find(".//footer/p").text_content().split())
        assert first.endswith(statement) and f"· {name}" in text_of(page)


def test_new_site_never_overwrites_and_site_is_not_a_kind(project):
    before = (project / "data/site.yaml").read_bytes()
    with pytest.raises(scaffold.ScaffoldError, match="data/site.yaml already exists"):
        scaffold.write_site(project)
    assert (project / "data/site.yaml").read_bytes() == before
    with pytest.raises(scaffold.ScaffoldError) as refused:
        scaffold.write(project, "site", "x")
    assert str(refused.value) == "the site's settings have no slug: run `invoke new-site`"
    assert refused.value.args[0].render("hi") == (
        "साइट की सेटिंग्स का कोई स्लग नहीं होता: `invoke new-site` चलाएं")

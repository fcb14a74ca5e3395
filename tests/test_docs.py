"""The organizer guide: its worked example builds, its sample error is real, and its field
reference matches the schemas."""

from __future__ import annotations

import re

import pytest
from breaking import messages
from conftest import ROOT, build_into, text_of
from sammelan.tools import reference, scaffold

GUIDES = ["docs/guide.en.md", "docs/guide.hi.md"]
# A YAML block names its file in a comment; a Markdown block on the line above it (a comment
# in Markdown would be an error: it would not appear on the page).
FILE_BLOCK = re.compile(r"(?:^`(\S+)`:\n\n)?```(?:yaml|markdown)\n(.*?)```", re.S | re.M)
FILE_NAME = re.compile(r"^# file: (\S+)$", re.M)
CONCLAVE = "data/conclaves/vendor-meet-adityapur-2027.yaml"


def example_files(guide: str) -> dict[str, str]:
    """The complete files the guide shows, by path (blocks without a `file:` line are
    excerpts)."""
    found = {}
    for above, block in FILE_BLOCK.findall((ROOT / guide).read_text(encoding="utf-8")):
        name = above or (FILE_NAME.search(block) or [None, None])[1]
        if name:
            found[name] = block
    return found


def test_field_reference_is_generated_from_the_current_schemas():
    assert (ROOT / "docs/fields.md").read_text(encoding="utf-8") == reference.markdown(), \
        "docs/fields.md is stale: run `invoke docs`"


def test_both_guides_show_the_same_example():
    assert example_files(GUIDES[0]) == example_files(GUIDES[1])


@pytest.mark.parametrize("guide", GUIDES)
def test_following_the_guide_adds_a_conclave_that_builds(project, tmp_path, guide):
    files = example_files(guide)
    assert len(files) == 13
    for kind, slug in [("conclave", "vendor-meet-adityapur-2027"),
                       ("speaker", "priya-sharma-example"), ("scheme", "zed-certification"),
                       ("news", "vendor-meet-announced-example")]:
        scaffold.write(project, kind, slug)  # step by step, as the guide says
    (project / "data/site.yaml").unlink()  # the seeded site's own settings
    scaffold.write_site(project)
    for relative, text in files.items():
        (project / relative).write_text(text, encoding="utf-8")
    assert build_into(tmp_path / "out", root=project) == 0
    page = text_of(tmp_path / "out/en/conclaves/vendor-meet-adityapur-2027/index.html")
    assert "Vendor development meet, Adityapur (example)" in page
    assert "Hall A" in page and "Hall B" in page
    assert "Vendor development meet announced in Adityapur (example)" in page
    # the site's settings, in both languages: its name and the footer's statement
    assert "Adityapur Industry Forum (example)" in page
    # the footer: the statement, publisher and contact, then the page's last change
    assert ("Every fact on this site is the organizers' own (example). Publisher: "
            "Adityapur Small Industries Association (ASIA) · Contact: "
            "events@example.org, +91 657 000 0000 Last updated: ") in page
    hindi = text_of(tmp_path / "out/conclaves/vendor-meet-adityapur-2027/index.html")
    assert "आदित्यपुर उद्योग मंच (उदाहरण)" in hindi
    assert "सारी जानकारी आयोजकों की अपनी है (उदाहरण)। प्रकाशक: आदित्यपुर स्मॉल" in hindi


def test_the_guides_sample_error_is_what_the_check_says(project):
    for relative, text in example_files(GUIDES[0]).items():
        (project / relative).write_text(text, encoding="utf-8")
    path = project / CONCLAVE
    path.write_text(path.read_text(encoding="utf-8").replace(
        '    end: "11:00"\n',
        '    end: "11:00"\n    speakers:\n      - speaker: priya-sharma-exampel\n'
        '        role: chair\n', 1), encoding="utf-8")
    for guide, lang in zip(GUIDES, ("en", "hi"), strict=True):
        text = (ROOT / guide).read_text(encoding="utf-8")
        sample = text.split("## When something is wrong" if lang == "en" else
                            "## जब कुछ गलत हो")[1].split("```text\n")[1].split("\n")[0]
        assert messages(project, strict=False, lang=lang) == [sample]


def layout_section() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index("## Layout")
    return readme[start:readme.index("\n## ", start + 1)]


def test_the_readme_layout_names_every_module_and_nothing_that_is_gone():
    section = layout_section()
    package = ROOT / "plugins" / "sammelan"
    modules = {p.name for p in package.rglob("*.py") if p.name != "__init__.py"}
    folders = {f"{p.name}/" for p in package.rglob("*") if p.is_dir() and p.name != "__pycache__"
               and any(p.glob("*.py"))}
    missing = sorted(n for n in modules | folders if n not in section)
    assert missing == [], f"the README's layout section does not mention {missing}"
    named = set(re.findall(r"\b([a-z_]+\.py)\b", section))
    project = {p.name for p in ROOT.glob("*.py")} | {p.name for p in (ROOT / "tests").glob("*.py")}
    assert sorted(named - modules - project) == []


def test_no_guide_and_no_scaffold_asks_for_a_step_to_update_calendars(project):
    # calendars follow committed changes by themselves (render/calendar/sequences.py)
    for guide in GUIDES:
        assert "calendar-sequences" not in (ROOT / guide).read_text(encoding="utf-8")
    (written, *_) = scaffold.write(project, "conclave", "new-conclave")
    text = written.read_text(encoding="utf-8")
    comment = text[:text.index("# sequence:")].rsplit("# status: TODO\n", 1)[1]
    assert "Leave it out: calendars update by themselves" in comment

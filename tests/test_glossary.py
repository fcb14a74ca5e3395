"""The Hindi glossary (docs/glossary.md) and its check (checks/glossary.py, `invoke
glossary`): every unapproved spelling is named where it is, with the approved form, in both
languages; whole words only; never an error."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from breaking import TODAY
from conftest import ROOT, copy_project
from sammelan.__main__ import check as check_command
from sammelan.checks import glossary
from sammelan.i18n import messages
from sammelan.i18n.catalog import catalog_path
from sammelan.options import BuildOptions

SINGHBHUM = "data/organizations/singhbhum-chamber-of-commerce-and-industry.yaml"


def with_glossary(project: Path, rows: str | None = None) -> Path:
    """The project with the live glossary, or with one of these rows only."""
    (project / "docs").mkdir(exist_ok=True)
    if rows is None:
        shutil.copy(ROOT / glossary.GLOSSARY, project / glossary.GLOSSARY)
    else:
        (project / glossary.GLOSSARY).write_text(
            "| approved | not approved | English |\n| --- | --- | --- |\n" + rows,
            encoding="utf-8")
    return project


def found(project: Path, lang: str = "en") -> list[str]:
    return [p.render(lang) for p in glossary.check(project, catalog_path("hi"))]


def test_the_catalog_uses_the_approved_forms():
    """The interface's Hindi is the project's own (the live content is checked in
    test_live_content.py, with the rest of what holds for any content)."""
    assert [p for p in found(ROOT) if "messages.po" in p] == []


def test_the_glossary_reads_whole():
    terms, problems = glossary.read(ROOT)
    assert problems == []
    by_form = {t.approved: t for t in terms}
    assert by_form["चैंबर"].variants == ("चेंबर",)
    assert by_form["बी2बी बैठकें"].english == "B2B meetings"
    assert len(by_form["RAMP"].variants) == 3


@pytest.fixture
def seeded(tmp_path) -> Path:
    """The seeded content as first written, which mixes the forms, with the glossary."""
    return with_glossary(copy_project(tmp_path / "project"))


def test_a_variant_is_named_where_it_is_with_the_approved_form(seeded):
    problems = found(seeded)
    assert (f"{SINGHBHUM}:3:15: warning: `चेंबर` is not the glossary's spelling of “chamber "
            "(of commerce)” — fix: write `चैंबर` (docs/glossary.md)") in problems
    assert all(p.split(":", 1)[0].startswith(("content/", "data/")) for p in problems)


def test_the_message_is_in_hindi_for_a_hindi_reader(seeded):
    assert (f"{SINGHBHUM}:3:15: चेतावनी: `चेंबर` शब्दावली में “chamber (of commerce)” की "
            "स्वीकृत वर्तनी नहीं है — सुधार: `चैंबर` लिखें (docs/glossary.md)") in found(seeded, "hi")


def test_every_form_of_the_seeds_the_issue_names_is_found(seeded):
    variants = {p.split("`")[1] for p in found(seeded)}
    assert {"चेंबर", "ज़िला", "वर्कशॉप", "बी2बी मीटिंग", "रिटायर्ड", "आर.ए.एम.पी.",
            "कंसलटेंट"} <= variants


def test_only_whole_words_are_variants(project):
    with_glossary(project, "| जिला | ज़िला | district |\n| कार्यशाला | वर्कशॉप | workshop |\n")
    relative = "content/conclaves/msme-for-bharat-jhansi-2025.en.md"
    # the variant inside longer words, then alone: precomposed (U+095B), and as ज + nukta;
    # the file is this test's own three lines
    (project / relative).write_text(
        "ज़िलाधिकारी, उपज़िला, वर्कशॉपों।\n\u095bिला।\nसोलन ज\u093cिला के\n", encoding="utf-8")
    shown = [p for p in found(project) if p.startswith(relative)]
    assert [p.split(": ", 1)[0] for p in shown] == [f"{relative}:2:1", f"{relative}:3:6"]


def test_yaml_comments_and_catalog_ids_are_left_as_written(project):
    with_glossary(project, "| जिला | ज़िला | district |\n")
    venue = project / "data/venues/parwanoo.yaml"
    venue.write_text("# The report says: सोलन ज़िला\n" + venue.read_text(encoding="utf-8")
                     + "# ज़िला\n", encoding="utf-8")
    catalog = project / "messages.po"
    catalog.write_text('msgid "ज़िला"\nmsgstr ""\n"ज़िला"\n\nmsgid "x"\nmsgstr "जिला"\n',
                       encoding="utf-8")
    problems = [p.render("en") for p in glossary.check(project, catalog)]
    assert [p.split(": ", 1)[0] for p in problems if p.startswith("data/venues/parwanoo")] == []
    assert [p.split(": ", 1)[0] for p in problems if p.startswith("messages.po")] == [
        "messages.po:3:2"]


def test_a_row_without_its_variants_is_named(project):
    with_glossary(project, "| जिला | ज़िला | district |\n| चैंबर | | chamber |\n")
    assert [p for p in found(project) if p.startswith("docs/")] == [
        "docs/glossary.md:4:1: error: this row does not give a term's approved form, its "
        "unapproved forms and its English — fix: write `| approved | variant; other variant | "
        "English |`"]


def test_a_project_without_a_glossary_is_not_checked(project):
    assert found(project) == []


def test_check_lists_variants_as_advice_that_never_fails_it(seeded, capsys):
    noon = dt.datetime.combine(TODAY, dt.time(12), tzinfo=dt.UTC)  # every conclave is over
    messages.choose("en")
    try:
        status = check_command(seeded, BuildOptions(strict=True, epoch=int(noon.timestamp())))
    finally:
        messages.choose(None)
    said = capsys.readouterr().err
    assert status == 0
    assert f"{SINGHBHUM}:3:15: warning: `चेंबर` is not the glossary's spelling" in said

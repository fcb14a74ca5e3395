"""`invoke translations` lists what exists in one language only."""

from __future__ import annotations

from breaking import JHANSI, edit
from conftest import ROOT, SEEDED
from sammelan.tools.translations import gaps, interface_gaps


def test_nothing_is_missing_in_the_seeded_content(pot):
    assert [p.render() for p in gaps(SEEDED, pot)] == []


def test_missing_prose_and_untranslated_texts_are_listed(project, pot):
    (project / "content/speakers/rakesh-bala.hi.md").unlink()
    edit(project, JHANSI, "  hi: एमएसएमई फॉर भारत कॉन्क्लेव, झांसी",
         "  hi: MSME for Bharat Conclave, Jhansi")
    found = [p.render() for p in gaps(project, pot)]
    assert found == [
        "content/speakers/rakesh-bala.hi.md: warning [text]: the Hindi text is missing — fix: "
        "translate it into content/speakers/rakesh-bala.hi.md",
        f"{JHANSI}:5:7: warning [title.hi]: the Hindi `MSME for Bharat Conclave, Jhansi` looks "
        "untranslated — fix: write it in Hindi (Devanagari)"]


def test_interface_string_without_hindi_is_listed(tmp_path, pot):
    extended = tmp_path / "messages.pot"
    extended.write_text(pot.read_text(encoding="utf-8")
                        + '\nmsgid "A brand new string"\nmsgstr ""\n', encoding="utf-8")
    found = [p.message.render("en") for p in interface_gaps(ROOT, extended)]
    assert found == ['no Hindi for "A brand new string"']

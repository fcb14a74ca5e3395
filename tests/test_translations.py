"""`invoke translations` lists what exists in one language only."""

from __future__ import annotations

import ast
import re

from breaking import JHANSI, edit
from conftest import ROOT, SEEDED
from sammelan.i18n.catalog import Gettext
from sammelan.tools.translations import gaps, interface_gaps

DEVANAGARI = re.compile("[\u0900-\u097f]")


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


def test_every_message_in_the_code_has_hindi():
    """Whatever the extraction misses (a message inside an f-string, one written in a new
    way), each literal given to msg(), N_() or _() in the code has its Hindi."""
    catalog = Gettext("hi").translations
    missing = []
    for path in sorted((ROOT / "plugins" / "sammelan").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id in ("msg", "N_", "_") and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str) and node.args[0].value.strip()):
                text = node.args[0].value
                words = re.sub(r"%\(\w+\)s|`[^`]*`", "", text)  # fields and code stay as they are
                if (catalog.gettext(text) == text and DEVANAGARI.search(text) is None
                        and re.search("[A-Za-z]", words)):
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}")
    assert missing == []

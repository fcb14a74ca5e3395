"""Text written to break the reader or an output is refused where it is written.

Each case here once gave a traceback, a hang, or a build that wrote malformed XML, JSON or
iCalendar. Now each is a located message (file:line:column, field, what, fix) before any
renderer runs, and a build that meets one exits 1 and leaves the last good output alone.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from breaking import ARUP, JAMSHEDPUR, JHANSI, JHANSI_EN, RAKESH, edit, messages
from conftest import ROOT, SEEDED, build_into, digest
from sammelan.checks import unsafe
from sammelan.sources import prose

SLUG = "msme-for-bharat-jhansi-2025"
VENUE = "data/venues/parwanoo.yaml"
DEEP_FILE = "data/venues/deep.yaml"  # a venue the tests write
SEQUENCES = "data/calendar-sequences.json"
TITLE_EN = "en: MSME for Bharat Conclave, Jhansi"
NAME_EN = "en: Rakesh Bala"
PARAGRAPH = "Jhansi, the industrial"  # starts line 5 of the English Jhansi description
DEEP = "the fields need only a few levels: look for a stray `[`, `{` or `-`, and check the " \
       "indentation"
DELETE_ESCAPE = "delete it, or the `\\` escape that writes it"
COPIED = "delete it (it often comes from copying out of a PDF or a chat)"
SEQUENCE_FIX = "run `invoke calendar-sequences` to write it anew (delete the file first if " \
               "it is damaged)"
PLAIN = "write plain text and Markdown here: paragraphs, lists, headings, quotes, emphasis " \
        "and links"


def broken_markdown(project: Path, inserted: str) -> list[str]:
    edit(project, JHANSI_EN, PARAGRAPH, inserted + PARAGRAPH)
    return messages(project)


def sequences_file(project: Path, text: str) -> list[str]:
    (project / SEQUENCES).write_text(text, encoding="utf-8")
    return messages(project)


# YAML structure: depth, aliases, numbers ---------------------------------------------------

@pytest.mark.parametrize(("value", "column"), [("[" * 2000 + "]" * 2000, 50),
                                               ("{a: " * 2000 + "1" + "}" * 2000, 167)])
def test_nesting_is_bounded(project, value, column):
    edit(project, JHANSI, "schemes: [odop]", f"schemes: {value}")
    assert messages(project) == [
        f"{JHANSI}:14:{column}: error: values nested more than 40 levels deep — fix: {DEEP}"]


def test_deep_block_mappings_are_bounded(project):
    nested = "".join(f"{'  ' * i}k{i}:\n" for i in range(60)) + "  " * 60 + "x: 1\n"
    (project / DEEP_FILE).write_text(nested, encoding="utf-8")
    assert messages(project) == [
        f"{DEEP_FILE}:41:81: error: values nested more than 40 levels deep — "
        f"fix: {DEEP}"]


@pytest.mark.parametrize("value", ["&r [*r]", "&r {a: [1, *r]}"])
def test_an_alias_inside_its_own_value(project, value):
    edit(project, JHANSI, "schemes: [odop]", f"schemes: {value}")
    found = messages(project)
    assert len(found) == 1 and found[0].startswith(f"{JHANSI}:14:")
    assert found[0].endswith(
        "error: the alias `*r` is inside the value `&r` that it repeats, so it would never end "
        "— fix: write the values out instead of repeating them with *aliases")


def test_aliases_cannot_nest_past_the_bound(project):
    deep = "[" * 30 + "x" + "]" * 30
    edit(project, JHANSI, "schemes: [odop]", f"a: &a {deep}\nb: [{'[' * 30}*a{']' * 30}]")
    found = messages(project)
    assert found == [f"{JHANSI}:14:16: error: values nested more than 40 levels deep once "
                     "aliases are expanded — fix: write the values out instead of repeating "
                     "them with *aliases"]


def test_an_absurdly_long_number(project):
    edit(project, JHANSI, "    kind: discussion\n",
         "    kind: discussion\n    sequence: " + "9" * 5000 + "\n")
    assert messages(project) == [
        f"{JHANSI}:53:15: error [sessions.0.sequence]: the number `999999999999…` is 5000 "
        "characters long, more than 30 — fix: write a shorter number, or put the text in "
        "quotes if it is not a number"]


@pytest.mark.parametrize(("geo", "where", "written"), [
    ("{lat: .nan, lon: 77}", "12:12: error [geo.lat]", ".nan"),
    ("{lat: 30, lon: .inf}", "12:21: error [geo.lon]", ".inf"),
    ("{lat: -.inf, lon: 77}", "12:12: error [geo.lat]", "-.inf"),
    ("{lat: 1.0e+999, lon: 77}", "12:12: error [geo.lat]", "1.0e+999"),
])
def test_numbers_that_are_not_finite(project, geo, where, written):
    edit(project, VENUE, "state:", f"geo: {geo}\nstate:")
    assert messages(project) == [
        f"{VENUE}:{where}: `{written}` is not an ordinary number: YAML reads it as infinity or "
        "as “not a number” — fix: write a number such as 25.45, or leave the field out"]


# YAML text: escapes that write what the file cannot hold ----------------------------------

def test_a_lone_surrogate(project):
    edit(project, RAKESH, NAME_EN, 'en: "Rakesh \\uD800Bala"')
    assert messages(project) == [
        f"{RAKESH}:4:7: error [name.en]: U+D800 after `Rakesh`, half of a two-part character "
        "that cannot stand alone — fix: write the character itself instead of its escape"]


def test_an_escape_past_the_last_character(project):
    edit(project, RAKESH, NAME_EN, 'en: "Rakesh \\U00110000"')
    assert messages(project) == [
        f"{RAKESH}:4:17: error: a `\\U` escape names no character (the last one is "
        f"\\U0010FFFF) — fix: check its eight digits, or write the character itself"]


@pytest.mark.parametrize(("escape", "code"), [("\\x07", "0007"), ("\\x00", "0000"),
                                              ("\\r", "000D"), ("\\x1b", "001B"),
                                              ("\\u0085", "0085"), ("\\e", "001B"),
                                              ("\\L", "2028"), ("\\uFFFE", "FFFE")])
def test_control_characters_written_as_escapes(project, escape, code):
    edit(project, JHANSI, TITLE_EN, f'en: "MSME for Bharat{escape} Conclave, Jhansi"')
    what = {"FFFE": "U+FFFE after `MSME for Bharat`, which is not a character",
            "2028": "line separator U+2028 after `MSME for Bharat`, which not every program "
                    "reads as a line break"
            }.get(code, f"invisible control character U+{code} after `MSME for Bharat`")
    assert messages(project) == [f"{JHANSI}:6:7: error [title.en]: {what} — fix: "
                                 f"{DELETE_ESCAPE}"]


def test_a_control_character_in_a_field_name(project):
    edit(project, RAKESH, "status: confirmed", 'status: confirmed\n"sta\\x1btus": x')
    assert messages(project) == [
        f"{RAKESH}:10:1: error: invisible control character U+001B after `sta` — fix: "
        f"{DELETE_ESCAPE}"]


def test_every_problem_of_a_file_at_once(project):
    edit(project, JHANSI, TITLE_EN, 'en: "MSME\\x07"')
    edit(project, JHANSI, "      en: New funding options", '      en: "New\\u202E options"')
    found = messages(project)
    assert len(found) == 2
    assert found[0].startswith(f"{JHANSI}:6:7: error [title.en]: invisible control character")
    assert found[1].startswith(f"{JHANSI}:62:11: error [sessions.1.title.en]: invisible "
                               "character U+202E")


# line breaks --------------------------------------------------------------------------------

LINE_BREAK = "in a field of one line — fix: write it on one line"


def test_a_title_on_two_lines(project):
    edit(project, JHANSI, "  " + TITLE_EN, "  en: |\n    MSME for Bharat\n    Conclave, Jhansi")
    assert messages(project) == [
        f"{JHANSI}:6:7: error [title.en]: a line break after `MSME for Bharat`, {LINE_BREAK}"]


def test_a_title_with_crlf_in_an_escape(project):
    edit(project, JHANSI, TITLE_EN, 'en: "MSME for Bharat\\r\\nConclave, Jhansi"')
    assert messages(project) == [
        f"{JHANSI}:6:7: error [title.en]: invisible control character U+000D after `MSME for "
        f"Bharat` — fix: {DELETE_ESCAPE}"]


def test_a_trailing_line_break_passes_a_pattern_no_more(project):
    edit(project, JHANSI, "  - id: msme-prospects-and-challenges",
         '  - id: "msme-prospects-and-challenges\\n"')
    assert messages(project) == [
        f"{JHANSI}:48:9: error [sessions.0.id]: a line break after `…pects-and-challenges`, "
        f"{LINE_BREAK}"]


def test_the_line_break_that_ends_a_block_is_dropped(project):
    edit(project, JHANSI, "  " + TITLE_EN, "  en: |+\n    MSME for Bharat Conclave, Jhansi\n\n")
    assert messages(project) == []


def test_a_summary_may_hold_several_lines(project):
    edit(project, JHANSI, "      en: A special session on new funding options.",
         "      en: |\n        A special session\n        on new funding options.")
    assert messages(project) == []


# invisible characters -----------------------------------------------------------------------

@pytest.mark.parametrize(("char", "name", "effect"), [
    ("\u202e", "RIGHT-TO-LEFT OVERRIDE", "which changes the order in which the text is shown"),
    ("\u2066", "LEFT-TO-RIGHT ISOLATE", "which changes the order in which the text is shown"),
    ("\u200b", "ZERO WIDTH SPACE", "which makes the text differ from what it looks like"),
    ("\u2060", "WORD JOINER", "which makes the text differ from what it looks like"),
    ("\ufeff", "ZERO WIDTH NO-BREAK SPACE", "which makes the text differ from what it looks like"),
])
def test_invisible_characters_in_a_name(project, char, name, effect):
    edit(project, RAKESH, NAME_EN, f"en: Rakesh{char} Bala")
    assert messages(project) == [
        f"{RAKESH}:4:7: error [name.en]: invisible character U+{ord(char):04X} {name} after "
        f"`Rakesh`, {effect} — fix: {COPIED}"]


@pytest.mark.parametrize("joiner", ["\u200c", "\u200d"])
def test_joiners_belong_after_devanagari_only(project, joiner):
    edit(project, RAKESH, "hi: राकेश बाला", f"hi: राकेश{joiner} बाला")
    assert messages(project) == []
    edit(project, RAKESH, NAME_EN, f"en: Rakesh{joiner}Bala")
    name = "ZERO WIDTH NON-JOINER" if joiner == "\u200c" else "ZERO WIDTH JOINER"
    assert messages(project) == [
        f"{RAKESH}:4:7: error [name.en]: invisible character U+{ord(joiner):04X} {name} after "
        "`Rakesh`, which belongs only right after a Devanagari letter — fix: delete it"]


# a build with what is allowed ---------------------------------------------------------------

def test_valid_tricky_text_builds_and_every_output_parses(project, tmp_path):
    """What is allowed really is harmless: a block scalar's own line break, a summary on
    several lines, a joiner in Devanagari."""
    edit(project, JHANSI, "  " + TITLE_EN, "  en: |\n    MSME for Bharat Conclave, Jhansi\n")
    edit(project, JHANSI, "      en: Experts will share their views on key issues such as",
         "      en: >-\n        Experts will share their views on key issues\n\n        such as")
    edit(project, JHANSI, "hi: एमएसएमई फॉर भारत", "hi: एमएसएमई फॉर भा\u200dरत")
    output = tmp_path / "output"
    assert build_into(output, root=project) == 0
    folder = output / "en/conclaves" / SLUG
    assert ET.parse(folder / "schedule.xml").getroot().findtext("conference/title") == \
        "MSME for Bharat Conclave, Jhansi"
    ET.parse(output / "feed.atom.xml")
    ET.parse(folder / "qr.svg")
    calendar = (folder / "calendar.ics").read_bytes()
    assert b"\r" not in calendar.replace(b"\r\n", b"")
    assert b"views on key issues\\nsuch as digital" in calendar.replace(b"\r\n ", b"")


# data/calendar-sequences.json ---------------------------------------------------------------

@pytest.mark.parametrize("number", ["Infinity", "-Infinity", "NaN", "1e400", "9" * 5000, "-1",
                                    "2.5", "true", '"3"', "2147483648"])
def test_a_sequence_that_is_not_a_whole_number(project, number):
    assert sequences_file(project, f'{{\n  "a": {{"sequence": 1, "state": "x"}},\n'
                                   f'  "b": {{"sequence": {number}, "state": "x"}}\n}}\n') == [
        f'{SEQUENCES}:3:3: error: the entry "b" needs a whole-number `sequence` and a `state` '
        f"— fix: {SEQUENCE_FIX}"]


@pytest.mark.parametrize(("text", "message"), [
    ("[" * 100_000, "1:21: error: values nested more than 20 levels deep"),
    ('"just text"', "1:1: error: the file must hold one object, `{…}`, of calendar entries"),
    ('{"x": {"sequence": 0, "state": "a"}, "a": 1, "b": []}',
     '1:38: error: the entry "a" needs a whole-number `sequence` and a `state` (and 1 more)'),
    ('{"a": {"sequence": 1, "state": "x"}}\x1b', "1:37: error: invisible control character "
                                                 "U+001B"),
])
def test_damaged_sequence_records(project, text, message):
    found = sequences_file(project, text)
    assert len(found) == 1 and found[0].startswith(f"{SEQUENCES}:{message} — fix: ")


# Markdown: what Python-Markdown and the sanitizer read differently --------------------------

def link(line: int, column: int, url: str) -> str:
    return (f"{JHANSI_EN}:{line}:{column}: error [link]: the link `{url}` uses `javascript:`, "
            "which the site does not allow — fix: link only to http://, https://, mailto: or "
            "tel: addresses")


@pytest.mark.parametrize(("inserted", "expected"), [
    ("[x](java&#x73;cript:alert(1)) ", link(5, 5, "java&#x73;cript:alert(1)")),
    ("[x](javascript&colon;alert(1)) ", link(5, 5, "javascript&colon;alert(1)")),
    ("[x](\njavascript:alert(1)) ", link(6, 1, "javascript:alert(1)")),
    ("[x][r]\n\n[r]: java&#x09;script:alert(1)\n\n", link(7, 6, "java&#x09;script:alert(1)")),
    ('<a title="`"><script>x</script>`">y</a> ',
     f"{JHANSI_EN}:5:14: error [html]: `<script>` is not allowed in the text — fix: remove it; "
     "pages carry no scripts, styles or embedded content"),
    ("<!-- a note --> ", f"{JHANSI_EN}:5:1: error [html]: `<!-- a note -->` would not appear "
                         "on the page — fix: delete it, or write its text without `<!--` and "
                         "`-->`"),
    ("x <![CDATA[hidden]]> ", f"{JHANSI_EN}:5:3: error [html]: `<![CDATA[hidden]]>` would not "
                              "appear on the page — fix: delete it, or write its text as plain "
                              "text"),
    ("<!DOCTYPE html>\n", f"{JHANSI_EN}:5:1: error [html]: `<!DOCTYPE html>` would not appear "
                          "on the page — fix: delete it"),
    ("<?php echo 1 ?> ", f"{JHANSI_EN}:5:1: error [html]: `<?php echo 1 ?>` would not appear "
                         "on the page — fix: delete it"),
])
def test_markdown_the_sanitizer_would_change(project, inserted, expected):
    assert broken_markdown(project, inserted) == [expected]


@pytest.mark.parametrize(("reference", "what"), [
    ("&#x1b;", "writes invisible control character U+001B"),
    ("&#0;", "names no character"),
    ("&#99999999;", "names no character"),
    ("&#xD800;", "writes U+D800, half of a two-part character that cannot stand alone"),
    ("&#x202E;", "writes invisible character U+202E RIGHT-TO-LEFT OVERRIDE, which changes the "
                 "order in which the text is shown"),
    ("&ZeroWidthSpace;", "writes invisible character U+200B ZERO WIDTH SPACE, which makes the "
                         "text differ from what it looks like"),
])
def test_character_references_to_what_no_output_may_hold(project, reference, what):
    assert broken_markdown(project, f"x{reference} ") == [
        f"{JHANSI_EN}:5:2: error [text]: the character reference `{reference}` {what} — fix: "
        "delete it, or write the character itself"]


def test_invisible_characters_in_markdown(project):
    assert broken_markdown(project, "A \u202espoof and x\u200dy ") == [
        f"{JHANSI_EN}:5:3: error [text]: invisible character U+202E RIGHT-TO-LEFT OVERRIDE, "
        f"which changes the order in which the text is shown — fix: {COPIED}",
        f"{JHANSI_EN}:5:15: error [text]: invisible character U+200D ZERO WIDTH JOINER, which "
        "belongs only right after a Devanagari letter — fix: delete it"]


def test_markdown_that_stays_as_it_was(project):
    path = project / JHANSI_EN
    path.write_text("\ufeff" + path.read_text(encoding="utf-8"), encoding="utf-8")  # a BOM
    assert broken_markdown(project, "क्\u200dष `<!-- shown as code -->` a &amp; b &#x915; "
                                    "&nbsp; ") == []


@pytest.mark.parametrize(("inserted", "expected"), [
    ("***\n\n", "5:1: error [html]: a line of `***`, `---` or `___` makes `<hr>`, which the "
                "page leaves out — fix: delete the line; paragraphs are set apart without it"),
    ("[TOC]\n\n", "5:1: error [html]: `[TOC]` makes a `<div>`, which the page leaves out — "
                  "fix: delete it"),
    ("    indented code\n\n", "5:5: error [html]: text indented by four spaces makes `<pre>`, "
                              "which the page leaves out — fix: start the line at the margin"),
    ("x <em>a<strong>b</em>c</strong> ", "5:1: error [html]: `bc Jhansi, the industrial face "
                                        f"of Bunde…` would not appear on the page as written "
                                        f"— fix: {PLAIN}"),
])
def test_the_safety_net_names_what_no_check_foresaw(project, inserted, expected):
    assert broken_markdown(project, inserted) == [f"{JHANSI_EN}:{expected}"]


@pytest.mark.parametrize("root", [ROOT, SEEDED], ids=["live", "seeded"])
def test_the_safety_net_is_quiet_on_real_content(root):
    """Every Markdown file the project ships renders to the same text before and after the
    sanitizer, as far as a reader can tell."""
    files = sorted((root / "content").rglob("*.md"))
    assert files
    for path in files:
        raw = path.read_text(encoding="utf-8")
        rendered = prose._markdown(raw.strip())
        assert unsafe.dropped(raw, rendered, prose._clean(rendered), path.name) == [], path


# a build with what is refused ---------------------------------------------------------------

def test_hostile_text_stops_the_build_and_keeps_the_last_output(project, tmp_path, capsys):
    output = tmp_path / "output"
    assert build_into(output, root=project) == 0
    before = digest(output)
    edit(project, VENUE, "state:", "geo: {lat: .nan, lon: 77}\nstate:")
    edit(project, JAMSHEDPUR, "en: MSME Defence Conclave 2026", 'en: "MSME\\x1b Conclave"')
    edit(project, ARUP, "status:", "links: &r [*r]\nstatus:")
    (project / DEEP_FILE).write_text("name: " + "[" * 2000, encoding="utf-8")
    edit(project, RAKESH, NAME_EN, "en: Rakesh\u202e Bala")
    edit(project, JHANSI_EN, PARAGRAPH, "[x](java&#x73;cript:alert(1)) <!-- x --> " + PARAGRAPH)
    (project / SEQUENCES).write_text('{"a": {"sequence": Infinity, "state": "x"}}')
    assert build_into(output, root=project) == 1
    assert digest(output) == before
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for where in [f"{VENUE}:12:12: error [geo.lat]: `.nan`", f"{JAMSHEDPUR}:6:7: error [title.en]",
                  f"{JHANSI_EN}:5:5: error [link]", f"{JHANSI_EN}:5:31: error [html]",
                  f"{RAKESH}:4:7: error [name.en]", f'{SEQUENCES}:1:2: error: the entry "a"',
                  f"{ARUP}:", "the alias `*r`", f"{DEEP_FILE}:1:47: error: values nested"]:
        assert where in err, where

"""What the commands say, in the organizer's language: Hindi under a Hindi locale or `--lang hi`,
English otherwise; one message per mistake, with no knock-on messages after it."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po
from breaking import JAMSHEDPUR, JHANSI, edit, messages
from conftest import BUILD_EPOCH, LOCALE_VARIABLES
from sammelan.i18n import messages as i18n
from sammelan.i18n.catalog import catalog_path

DEVANAGARI = re.compile("[\u0900-\u097f]")
FIELD = re.compile(r"%\((\w+)\)s")


def run(project, *args: str, **locale: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in LOCALE_VARIABLES}
    env.update(locale, PYTHONPATH=str(project / "plugins"), SOURCE_DATE_EPOCH=BUILD_EPOCH)
    return subprocess.run([sys.executable, "-m", "sammelan", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(("environment", "expected"), [
    ({}, "en"),
    ({"LANG": "hi_IN.UTF-8"}, "hi"),
    ({"LANG": "en_IN.UTF-8"}, "en"),
    ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "hi_IN"}, "hi"),
    ({"LANG": "hi_IN.UTF-8", "LC_ALL": "C"}, "en"),  # LC_ALL overrides LANG
    ({"LANG": "C", "LANGUAGE": "hi:en"}, "hi"),  # LANGUAGE is a list of preferences
    ({"LANGUAGE": "fr:hi"}, "hi"),
    ({"LANGUAGE": "fr", "LANG": "hi_IN"}, "hi"),  # no usable preference: the next variable
])
def test_the_language_follows_gettexts_environment(environment, expected):
    assert i18n.from_environment(environment) == expected


def test_a_mistake_is_told_in_hindi_under_a_hindi_locale_and_lang_overrides_it(project):
    edit(project, JAMSHEDPUR, "venue: adityapur-auto-cluster", "venue: adityapur-auto-clustr")
    hindi = run(project, "check", LANG="hi_IN.UTF-8")
    english = run(project, "check", "--lang", "en", LANG="hi_IN.UTF-8")
    plain = run(project, "check")
    assert hindi.returncode == english.returncode == plain.returncode == 1
    assert english.stderr == plain.stderr
    where = f"{JAMSHEDPUR}:10:8: "
    assert (where + "error [venue]: no venue with the slug `adityapur-auto-clustr` in "
            "data/venues/ — fix: did you mean `adityapur-auto-cluster`?") in plain.stderr
    first = next(line for line in hindi.stderr.splitlines() if line.startswith(where))
    assert first.startswith(where) and "[venue]" in first
    # the field, the slugs and the command stay as written; the words are Hindi
    assert "`adityapur-auto-clustr`" in first and "`adityapur-auto-cluster`" in first
    assert len(DEVANAGARI.findall(first)) > 20 and " error " not in first and "fix:" not in first
    assert run(project, "check", "--lang", "hi").stderr == hindi.stderr


def test_build_output_is_the_same_in_either_language(project):
    assert run(project, "build", "--output", "hi-out", LANG="hi_IN.UTF-8").returncode == 0
    assert run(project, "build", "--output", "en-out").returncode == 0
    hi, en = project / "hi-out", project / "en-out"
    assert sorted(p.relative_to(hi) for p in hi.rglob("*")) == sorted(
        p.relative_to(en) for p in en.rglob("*"))
    page = "conclaves/msme-defence-conclave-2026/index.html"
    assert (hi / page).read_bytes() == (en / page).read_bytes()
    again = run(project, "build", "--output", "hi-out", LANG="hi_IN.UTF-8")
    assert DEVANAGARI.search(again.stderr), again.stderr  # "nothing changed", in Hindi


def test_every_catalog_entry_keeps_the_fields_of_its_message():
    with catalog_path("hi").open("rb") as handle:
        catalog = read_po(handle, locale="hi")
    wrong = []
    for message in catalog:
        if not message.id or not message.string or isinstance(message.id, tuple):
            continue
        fields = {name: "x" for name in FIELD.findall(message.id)}
        try:
            message.string % fields if ("%" in message.id) else None
        except (KeyError, ValueError, TypeError) as error:
            wrong.append(f"{message.id!r}: {error!r}")
        if sorted(FIELD.findall(message.id)) != sorted(FIELD.findall(message.string)):
            wrong.append(f"{message.id!r}: fields differ in {message.string!r}")
    assert wrong == []


# Each case of a hurried edit: the one message it deserves, in each language, and nothing after.
TAB = (JHANSI, "    kind: discussion", "\tkind: discussion")
EMPTY_EN = (JHANSI, "      en: Prospects and challenges of MSMEs", "      en:")
IMPOSSIBLE_DAY = (JAMSHEDPUR, '    date: "2026-01-16"',
                  '    date: "2026-02-30"\n    start: "10:00"')
BROKEN_CONCLAVE = (JAMSHEDPUR, "  - speaker: arup-raha", "  - speaker: arup-raha: x")
WRONG_FIELD = (JAMSHEDPUR, "  - speaker: arup-raha", "  - speakr: arup-raha")


@pytest.mark.parametrize(("case", "expected"), [
    (TAB, [f"{JHANSI}:52:1: error: a tab character: YAML indents with spaces only — fix: "
           "replace the tab with spaces (two per level, as in the lines around it)"]),
    (EMPTY_EN, [f"{JHANSI}:51:10: error [sessions.0.title.en]: expected text, found nothing — "
                "fix: write the text after `en:`"]),
    (IMPOSSIBLE_DAY, [f"{JAMSHEDPUR}:82:11: error [sessions.0.date]: 2026-02-30 is not a date "
                      "in the calendar — fix: write a real date as YYYY-MM-DD"]),
    (BROKEN_CONCLAVE, [f"{JAMSHEDPUR}:39:23: error: a second `: ` on one line (YAML reads it "
                       'as a new field) — fix: put the value in quotes, e.g. title: "Udyam: the '
                       'portal", or check the indentation']),
], ids=["tab", "empty-en", "impossible-day", "broken-conclave"])
def test_one_mistake_gives_one_message_in_each_language(project, case, expected):
    edit(project, *case)
    assert messages(project) == expected
    hindi = messages(project, lang="hi")
    assert len(hindi) == 1
    assert hindi[0].split(": ", 1)[0] == expected[0].split(": ", 1)[0]  # file:line:column
    assert DEVANAGARI.search(hindi[0].split(": ", 1)[1])


def test_a_field_error_in_a_conclave_warns_of_no_speaker_it_names(project):
    edit(project, *WRONG_FIELD)
    found = messages(project)
    assert [m.split(": ", 1)[0] for m in found] == [f"{JAMSHEDPUR}:39:5", f"{JAMSHEDPUR}:39:13"]
    assert not any("no session" in m for m in found)


def test_a_file_in_windows_1252_is_one_error_with_its_line_and_the_fix(project):
    path = project / JHANSI
    path.write_bytes(path.read_bytes().replace(b"en: Prospects and",
                                               "en: Prospects é and".encode("cp1252")))
    assert messages(project) == [
        f"{JHANSI}:51:21: error: the file is not saved as UTF-8: here it holds `é` in another "
        "encoding (Windows-1252 or Latin-1) — fix: save the file as UTF-8 (in the editor's "
        "“Save as”, choose the encoding UTF-8) and check the character"]



def test_a_text_in_windows_1252_is_not_also_missing(project):
    prose = project / "content/conclaves/msme-for-bharat-jhansi-2025.en.md"
    prose.write_bytes(prose.read_bytes() + "Caf\u00e9\n".encode("cp1252"))
    found = messages(project)
    assert len(found) == 1 and "not saved as UTF-8" in found[0]


def test_devanagari_in_an_english_field_is_flagged(project):
    edit(project, JHANSI, "      en: Prospects and challenges of MSMEs",
         "      en: एमएसएमई की संभावनाएं")
    assert messages(project, strict=False) == [
        f"{JHANSI}:51:11: warning [sessions.0.title.en]: the English text `एमएसएमई की संभावनाएं` "
        "is written in Devanagari — fix: write it in English (Latin letters); the Hindi goes in "
        "`hi:`"]


def test_one_english_room_name_for_two_hindi_rooms_is_an_error(project):
    for number, hindi in ((1, "हॉल ए"), (2, "सभागार ए")):
        edit(project, JHANSI, f"    kind: {'discussion' if number == 1 else 'session'}\n",
             f"    kind: {'discussion' if number == 1 else 'session'}\n"
             f"    track:\n      hi: {hindi}\n      en: Hall A\n")
    found = messages(project)
    assert len(found) == 1 and "[sessions.1.track.hi]" in found[0]
    assert ("the room `Hall A` is also written `हॉल ए` (in session "
            "`msme-prospects-and-challenges`)") in found[0]

"""Each kind of mistake in the YAML gives one line: file:line:column, field, what, fix."""

from __future__ import annotations

from breaking import ARUP, JAMSHEDPUR, JHANSI, JHANSI_EN, RAKESH, RAKESH_EN, edit, messages

NEWS = "data/news/msme-defence-conclave-jharkhand-first.yaml"
VENUE = "data/venues/parwanoo.yaml"

FUNDING_SESSION = '    kind: session\n    date: "2025-09-19"\n    summary:\n      hi: फंडिंग'


def test_the_seeded_sources_have_no_problem_even_under_strict(project):
    assert messages(project) == []


def test_yaml_syntax(project):
    edit(project, JHANSI, "venue: hotel-lemon-tree-jhansi", "venue: hotel: lemon")
    assert messages(project) == [
        f"{JHANSI}:10:13: error: a second `: ` on one line (YAML reads it as a new field) — "
        'fix: put the value in quotes, e.g. title: "Udyam: the portal", or check the '
        "indentation"]


def test_wrong_type(project):
    edit(project, RAKESH,
         "designation:\n  hi: सदस्य सचिव\n  en: Member Secretary", "designation: Member Secretary")
    assert messages(project) == [
        f"{RAKESH}:5:14: error [designation]: expected fields "
        "(name: value), found `Member Secretary` — fix: write the fields on their own lines, "
        "indented under this name, e.g. `hi: …` and `en: …`"]


def test_unknown_field_suggests_the_near_miss(project):
    edit(project, JHANSI, "venue: hotel", "venu: hotel")
    found = messages(project)
    assert found[1] == (
        f"{JHANSI}:10:7: error [venu]: unknown field `venu` — fix: did you mean `venue`? "
        "remove it, or use one of: attendance, dates_inferred, end, highlights, hours, "
        "organizers, participants, people, previous_start, registration, schemes, sessions, "
        "start, status, timezone, title, topics, venue")
    assert found[0] == (f"{JHANSI}:4:1: error [venue]: `venue` is missing — fix: add `venue:` "
                        "— Slug of the venue in data/venues/.")


def test_missing_field(project):
    edit(project, JHANSI, "    kind: discussion\n", "")
    assert messages(project) == [
        f"{JHANSI}:48:5: error [sessions.0.kind]: `kind` is missing — fix: add `kind:` — "
        "What sort of session it is."]


def test_unknown_reference_suggests_the_near_miss(project):
    edit(project, JAMSHEDPUR, "speaker: sanjay-seth", "speaker: sanjay-set")
    assert messages(project) == [
        f"{JAMSHEDPUR}:87:18: error [sessions.0.speakers.0.speaker]: no speaker with the slug "
        "`sanjay-set` in data/speakers/ — fix: did you mean `sanjay-seth`? If not, create it "
        "with `invoke new speaker sanjay-set`"]


def test_reference_to_a_broken_file_is_reported_once_at_the_file(project):
    edit(project, "data/speakers/sanjay-seth.yaml", "status: confirmed", "status: maybe")
    found = messages(project)
    assert len(found) == 1 and found[0].startswith("data/speakers/sanjay-seth.yaml:")
    assert "`maybe` is not one of the choices" in found[0]


def test_impossible_date(project):
    edit(project, JHANSI, 'start: "2025-09-19"', 'start: "2025-09-31"')
    assert messages(project) == [
        f"{JHANSI}:8:8: error [start]: 2025-09-31 is not a date in the calendar — fix: write "
        "a real date as YYYY-MM-DD"]


def test_end_before_start(project):
    edit(project, JHANSI, 'end: "2025-09-19"', 'end: "2025-09-18"')
    assert messages(project) == [
        f"{JHANSI}:9:6: error [end]: the conclave ends (2025-09-18) before it starts "
        "(2025-09-19) — fix: make `end` the same as or later than `start`"]


def test_two_sessions_in_one_room_at_one_time(project):
    edit(project, JHANSI, FUNDING_SESSION, FUNDING_SESSION.replace(
        '"\n    summary', '"\n    start: "16:00"\n    summary'))
    assert messages(project) == [
        f"{JHANSI}:65:12: error [sessions.1.start]: session `new-funding-options` overlaps "
        "`msme-prospects-and-challenges` in the main room on 2025-09-19 — fix: change one "
        "session's time, or give them different `track`s"]


def test_session_outside_its_conclaves_days(project):
    edit(project, JHANSI, FUNDING_SESSION, FUNDING_SESSION.replace("09-19", "09-20"))
    assert messages(project) == [
        f"{JHANSI}:64:11: error [sessions.1.date]: session `new-funding-options` is on "
        "2025-09-20, outside the conclave (2025-09-19 to 2025-09-19) — fix: move it to a day "
        "of the conclave, or change the conclave's `start`/`end`"]


def test_unsafe_link_in_a_yaml_url_field(project):
    edit(project, JHANSI, "venue: hotel", "registration: javascript:alert(1)\nvenue: hotel")
    assert messages(project) == [
        f"{JHANSI}:10:15: error [registration]: the link `javascript:alert(1)` uses "
        "`javascript:`, which the site does not allow — fix: link only to http://, https://, "
        "mailto: or tel: addresses"]


def test_missing_translation_of_a_required_text(project):
    (project / "content/conclaves/msme-for-bharat-jhansi-2025.en.md").unlink()
    assert messages(project) == [
        "content/conclaves/msme-for-bharat-jhansi-2025.en.md: error: the English text is "
        "missing — fix: write it in content/conclaves/msme-for-bharat-jhansi-2025.en.md"]


def test_missing_english_bio_is_a_warning_and_an_error_under_strict(project):
    (project / RAKESH_EN).unlink()
    line = ("content/speakers/rakesh-bala.en.md: {}: there is no English translation of the "
            "text — fix: translate it into content/speakers/rakesh-bala.en.md")
    assert messages(project, strict=False) == [line.format("warning")]
    assert messages(project, strict=True) == [line.format("error")]


UNUSED_ARUP_RAHA = (
    f"{ARUP}:1:1: warning: speaker `arup-raha` is in no session and named "
    "by no conclave — fix: add them to a session's `speakers` or a conclave's `people`, or "
    "delete the file")


def unname_arup_raha(project) -> None:
    edit(project, JAMSHEDPUR, "  - speaker: arup-raha\n    part: present\n    role: {hi: उद्घाटन "
         "के अवसर पर उपस्थित रहेंगे,\n           en: Will be present at the inauguration}\n", "")


def test_speaker_in_no_session_is_a_warning(project):
    unname_arup_raha(project)
    assert messages(project, strict=False) == [UNUSED_ARUP_RAHA]


def test_speaker_in_no_session_is_advice_that_strict_leaves_a_warning(project):
    """Their page is still true (say, after their conclave was removed): CI must pass.
    Other warnings still become errors beside it."""
    unname_arup_raha(project)
    assert messages(project, strict=True) == [UNUSED_ARUP_RAHA]
    (project / RAKESH_EN).unlink()
    assert messages(project, strict=True) == [
        "content/speakers/rakesh-bala.en.md: error: there is no English translation of the "
        "text — fix: translate it into content/speakers/rakesh-bala.en.md", UNUSED_ARUP_RAHA]


def test_control_character_is_named_with_its_position(project):
    edit(project, JHANSI, "venue: hotel", "venue: ho\x07tel")
    assert messages(project) == [
        f"{JHANSI}:10:10: error: invisible control character U+0007 — fix: delete it (it "
        "often comes from copying out of a PDF or a chat)"]


def test_yaml_tags_are_refused(project):
    edit(project, JHANSI, "venue: hotel-lemon-tree-jhansi",
         "venue: !!python/object/apply:os.system [ls]")
    assert messages(project) == [
        f"{JHANSI}:10:8: error: the tag `!!python/object/apply:os.system` is not allowed — "
        "fix: remove the `!` tag; write plain text, numbers, lists and fields"]


def test_alias_bomb_is_refused(project):
    bomb = "a: &a [x, x]\n" + "".join(f"{c}: &{c} [*{p}, *{p}]\n"
                                      for p, c in zip("abcdefghij", "bcdefghijk", strict=True))
    (project / JHANSI).write_text(bomb, encoding="utf-8")
    found = messages(project)
    assert found[0].startswith(f"{JHANSI}:10:") and "more than 16 aliases" in found[0]


def test_all_problems_come_at_once_in_file_order(project):
    edit(project, JHANSI, 'end: "2025-09-19"', 'end: "2025-09-18"')
    edit(project, JAMSHEDPUR, "speaker: sanjay-seth", "speaker: sanjay-set")
    edit(project, RAKESH, "status: confirmed", "status: confirmd")
    found = messages(project)
    assert [line.split(":")[0] for line in found] == [JAMSHEDPUR, JHANSI,
                                                      RAKESH]
    assert "did you mean `confirmed`?" in found[2]


def test_control_characters_that_python_counts_as_line_breaks_are_found(project):
    edit(project, JHANSI, "venue: hotel", "venue: ho\x1etel")
    assert messages(project)[0].startswith(f"{JHANSI}:10:10: error: invisible control "
                                           "character U+001E")


def test_windows_line_endings_are_fine(project):
    path = project / JHANSI
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert messages(project) == []


def test_damaged_calendar_sequence_record(project):
    (project / "data/calendar-sequences.json").write_text('{\n  "a": {"sequence": 1,}\n}\n')
    assert messages(project) == [
        "data/calendar-sequences.json:2:23: error: not valid JSON: Expecting property name "
        "enclosed in double quotes — fix: run `invoke calendar-sequences` to write it anew "
        "(delete the file first if it is damaged)"]


# the agenda ---------------------------------------------------------------------------------

TIMED = '    date: "2025-09-19"\n    start: "15:00"\n    end: "18:00"\n'  # Jhansi's first session


def test_two_sessions_with_one_id(project):
    edit(project, JHANSI, "  - id: new-funding-options", "  - id: msme-prospects-and-challenges")
    assert messages(project) == [
        f"{JHANSI}:59:9: error [sessions.1.id]: session id `msme-prospects-and-challenges` is "
        "used twice — fix: give every session its own id"]


def test_session_time_without_a_day(project):
    edit(project, JHANSI, TIMED, '    start: "15:00"\n    end: "18:00"\n')
    assert messages(project) == [
        f"{JHANSI}:53:12: error [sessions.0.start]: session `msme-prospects-and-challenges` "
        "has a time but no day — fix: add `date: YYYY-MM-DD`"]


def test_session_end_without_a_start(project):
    edit(project, JHANSI, TIMED, '    date: "2025-09-19"\n    end: "18:00"\n')
    assert messages(project) == [
        f"{JHANSI}:54:10: error [sessions.0.end]: session `msme-prospects-and-challenges` has "
        "an end but no start — fix: add `start:` or remove `end:`"]


def test_impossible_session_time_is_one_error_not_also_a_missing_start(project):
    edit(project, JHANSI, 'start: "15:00"', 'start: "25:61"')
    assert messages(project) == [
        f'{JHANSI}:54:12: error [sessions.0.start]: 25:61 is not a time of day — fix: write '
        'HH:MM on the 24-hour clock, e.g. "15:00"']


def test_unknown_time_zone(project):
    edit(project, JHANSI, "venue: hotel", "timezone: Asia/Jhansi\nvenue: hotel")
    assert messages(project) == [
        f"{JHANSI}:10:11: error [timezone]: `Asia/Jhansi` is not a known time zone — fix: "
        "leave it out for IST, or write a name such as Asia/Kolkata"]


def test_impossible_news_date(project):
    edit(project, NEWS, '"2026-01-03 21:40"', '"2026-02-30"')
    assert messages(project) == [
        f"{NEWS}:6:12: error [published]: 2026-02-30 is not a real date and time — fix: write "
        'YYYY-MM-DD or "YYYY-MM-DD HH:MM"']


# the files themselves -------------------------------------------------------------------------

def test_file_name_that_is_not_a_slug(project):
    (project / "data/venues/Bad_Name.yaml").write_bytes((project / VENUE).read_bytes())
    assert messages(project) == [
        "data/venues/Bad_Name.yaml: error: `Bad_Name` is not a valid slug — fix: rename the "
        "file with a-z, 0-9 and hyphens only"]


def test_yaml_file_that_is_a_list_not_fields(project):
    (project / VENUE).write_text("- name: Parwanoo\n- city: Parwanoo\n", encoding="utf-8")
    assert messages(project) == [
        f"{VENUE}:1:1: error: the file must hold the fields of a venue — fix: start from "
        "`invoke new venue <slug>`"]


def test_oversized_files(project):
    padding = "# " + "x" * 512 * 1024 + "\n"
    (project / VENUE).write_text(padding, encoding="utf-8")
    (project / JHANSI_EN).write_text(padding, encoding="utf-8")
    over = "error: file is 524291 bytes, over the limit of {} — fix: split it or remove " \
           "what does not belong"
    # one line each: an oversized text is not also reported as missing; prose has a lower
    # limit (32 KiB), beyond which Markdown could take minutes
    assert messages(project) == [f"{JHANSI_EN}: {over.format(32768)}",
                                 f"{VENUE}: {over.format(524288)}"]


def test_file_not_in_utf8_is_located_at_the_first_wrong_byte(project):
    path = project / VENUE
    path.write_bytes(path.read_bytes().replace(b"en: Solan", b"en: Sol\xe1n"))
    bio = project / RAKESH_EN
    bio.write_bytes("Caf\u00e9 owner,\nno caf\u00e9 here.\n".encode("cp1252"))
    assert messages(project) == [
        f"{RAKESH_EN}:1:4: error: the file is not saved as UTF-8: here it holds `é` in another "
        "encoding (Windows-1252 or Latin-1) — fix: save the file as UTF-8 (in the editor's "
        "“Save as”, choose the encoding UTF-8) and check the character",
        f"{VENUE}:11:10: error: the file is not saved as UTF-8: here it holds `á` in another "
        "encoding (Windows-1252 or Latin-1) — fix: save the file as UTF-8 (in the editor's "
        "“Save as”, choose the encoding UTF-8) and check the character"]

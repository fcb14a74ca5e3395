"""The .ics files: present for every conclave in both languages, conformant to RFC 5545
and RFC 7986 line by line, read alike by icalendar and ical.js, and in step with the pages."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from breaking import JHANSI, edit
from conftest import build_into, parse
from icalendar import Calendar
from site_checks import calendars, icaljs_read

CONCLAVES = ["msme-defence-conclave-2026", "msme-for-bharat-jhansi-2025",
             "msme-cluster-workshop-shimla-2025", "ramp-awareness-parwanoo-2025"]
PREFIXES = {"hi": "", "en": "en/"}
IST = ZoneInfo("Asia/Kolkata")
DOMAIN = "sammelan.example.org"
PREVIEW = "localhost"  # the domain of preview builds' UIDs
JHANSI_SESSION = "msme-for-bharat-jhansi-2025-msme-prospects-and-challenges"


def lang_of(output: Path, path: Path) -> str:
    return "en" if path.relative_to(output).parts[0] == "en" else "hi"


def read(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def events(path: Path) -> list:
    return read(path).walk("VEVENT")


def by_uid(path: Path) -> dict:
    return {str(e["UID"]): e for e in events(path)}


def build(project: Path) -> Path:
    """A preview build of a copy (publishconf.py would import the real pelicanconf,
    cached in sys.modules, and so build the real sources)."""
    output = project / "output"
    assert build_into(output, "pelicanconf.py", project) == 0
    return output


# files ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["hi", "en"])
def test_every_conclave_has_its_calendar_and_the_site_one_with_all(published_dir, lang):
    prefix = published_dir / PREFIXES[lang]
    for slug in CONCLAVES:
        assert (prefix / "conclaves" / slug / "calendar.ics").is_file()
    everything = by_uid(prefix / "calendar.ics")
    assert set(everything) == {f"{slug}@{DOMAIN}" for slug in CONCLAVES}
    name = {"hi": "सम्मेलन: सभी आयोजन", "en": "Sammelan: every event"}[lang]
    assert str(read(prefix / "calendar.ics")["NAME"]) == name


def test_a_conclave_calendar_holds_the_conclave_its_timed_sessions_and_untimed_days(
        published_dir):
    jhansi = by_uid(published_dir / "en/conclaves/msme-for-bharat-jhansi-2025/calendar.ics")
    assert set(jhansi) == {f"msme-for-bharat-jhansi-2025@{DOMAIN}", f"{JHANSI_SESSION}@{DOMAIN}"}
    whole = jhansi[f"msme-for-bharat-jhansi-2025@{DOMAIN}"]
    assert whole.decoded("DTSTART") == dt.date(2025, 9, 19)
    assert whole.decoded("DTEND") == dt.date(2025, 9, 20)
    # A one-day conclave's own entry names the sessions that have no time yet.
    assert "New funding options" in str(whole["DESCRIPTION"])

    defence = by_uid(published_dir / "en/conclaves/msme-defence-conclave-2026/calendar.ics")
    day = defence[f"msme-defence-conclave-2026-day-2026-01-16@{DOMAIN}"]
    assert day.decoded("DTSTART") == dt.date(2026, 1, 16)
    assert day.decoded("DTEND") == dt.date(2026, 1, 17)
    assert "Inauguration" in str(day["SUMMARY"])
    whole = defence[f"msme-defence-conclave-2026@{DOMAIN}"]
    assert (whole.decoded("DTSTART"), whole.decoded("DTEND")) == (dt.date(2026, 1, 16),
                                                                   dt.date(2026, 1, 18))
    assert "Day to be announced" in str(whole["DESCRIPTION"])
    assert "B2B meetings" in str(whole["DESCRIPTION"])


# conformance, line by line -------------------------------------------------------------

def test_lines_end_in_crlf_fold_at_75_octets_and_never_split_a_character(published_dir,
                                                                         site_dir):
    files = calendars(published_dir) + calendars(site_dir)
    assert len(files) == 2 * 12
    for path in files:
        data = path.read_bytes()
        assert data.endswith(b"\r\n"), path
        assert b"\n" not in data.replace(b"\r\n", b""), f"bare LF in {path}"
        assert b"\r" not in data.replace(b"\r\n", b""), f"bare CR in {path}"
        for line in data.split(b"\r\n")[:-1]:
            assert len(line) <= 75, (path, line)
            line.decode("utf-8")  # raises if a fold split a character


def test_text_survives_parsing_whole_in_both_languages(published_dir):
    for path in calendars(published_dir):
        for event in events(path):
            for name in ("SUMMARY", "DESCRIPTION", "LOCATION"):
                if name in event:
                    assert "\ufffd" not in str(event[name]), (path, name)
    hindi = by_uid(published_dir / "conclaves/msme-for-bharat-jhansi-2025/calendar.ics")
    whole = hindi[f"msme-for-bharat-jhansi-2025@{DOMAIN}"]
    assert str(whole["SUMMARY"]) == "एमएसएमई फॉर भारत कॉन्क्लेव, झांसी"
    raw = (published_dir / "conclaves/msme-for-bharat-jhansi-2025/calendar.ics").read_bytes()
    assert "कॉन्क्लेव\\, झांसी".encode() in raw.replace(b"\r\n ", b"")  # TEXT escaping


def test_every_event_has_one_uid_dtstamp_and_summary_and_the_calendar_its_headers(
        published_dir):
    for path in calendars(published_dir):
        lang = lang_of(published_dir, path)
        unfolded = path.read_bytes().decode("utf-8").replace("\r\n ", "")
        for block in unfolded.split("BEGIN:VEVENT")[1:]:
            block = block.split("END:VEVENT")[0]
            for name in ("UID", "DTSTAMP", "SUMMARY"):
                assert len(re.findall(rf"^{name}[;:]", block, re.M)) == 1, (path, name)
            assert re.search(r"^DTSTAMP:\d{8}T\d{6}Z\r$", block, re.M), path
            assert re.search(rf"^SUMMARY;LANGUAGE={lang}:", block, re.M), path
        head = unfolded.split("BEGIN:V", 2)[1]
        for line in ("VERSION:2.0", "METHOD:PUBLISH", "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
                     "X-PUBLISHED-TTL:PT12H"):
            assert f"\r\n{line}\r\n" in head, (path, line)
        assert re.search(r"^PRODID:-//Sammelan//", head, re.M)
        assert re.search(rf"^NAME;LANGUAGE={lang}:\S", head, re.M), path
        assert re.search(rf"^X-WR-CALNAME;LANGUAGE={lang}:\S", head, re.M), path


def test_every_tzid_has_its_vtimezone(published_dir):
    for path in calendars(published_dir):
        text = path.read_bytes().decode("utf-8").replace("\r\n ", "")
        used = set(re.findall(r";TZID=([^:;]+)", text))
        defined = {str(tz["TZID"]) for tz in read(path).walk("VTIMEZONE")}
        assert used <= defined, path
    session = by_uid(published_dir / "conclaves/msme-for-bharat-jhansi-2025/calendar.ics")
    assert session[f"{JHANSI_SESSION}@{DOMAIN}"]["DTSTART"].params["TZID"] == "Asia/Kolkata"


def test_events_carry_place_link_speakers_and_a_stamp_from_the_sources(published_dir):
    shimla = by_uid(published_dir / "en/conclaves/msme-cluster-workshop-shimla-2025/calendar.ics")
    event = shimla[f"msme-cluster-workshop-shimla-2025@{DOMAIN}"]
    assert str(event["LOCATION"]) == ("Business Centre, Shoghi, Shimla, "
                                      "Himachal Pradesh")
    assert event["LOCATION"].params["LANGUAGE"] == "en"
    assert "Sanjay Kanwar" in str(event["DESCRIPTION"])
    assert "Varun Sharma" in str(event["DESCRIPTION"])
    assert str(event["URL"]) == (f"https://{DOMAIN}/en/conclaves/"
                                 "msme-cluster-workshop-shimla-2025/")
    stamp = event.decoded("DTSTAMP")
    assert stamp.utcoffset() == dt.timedelta(0)
    assert stamp < dt.datetime.now(dt.UTC)
    defence = by_uid(published_dir / "conclaves/msme-defence-conclave-2026/calendar.ics")
    assert "संजय सेठ" in str(defence[f"msme-defence-conclave-2026@{DOMAIN}"]["DESCRIPTION"])


def test_session_urls_point_at_the_session_anchor_on_the_page(published_dir):
    for lang in ("hi", "en"):
        path = published_dir / PREFIXES[lang] / "conclaves/msme-for-bharat-jhansi-2025"
        url = str(by_uid(path / "calendar.ics")[f"{JHANSI_SESSION}@{DOMAIN}"]["URL"])
        page, anchor = url.split("#")
        assert page == f"https://{DOMAIN}/{PREFIXES[lang]}conclaves/msme-for-bharat-jhansi-2025/"
        assert parse(path / "index.html").get_element_by_id(anchor) is not None


# agreement with the pages and with ical.js --------------------------------------------

@pytest.mark.parametrize("lang", ["hi", "en"])
@pytest.mark.parametrize("slug", CONCLAVES)
def test_calendar_times_are_the_times_the_page_shows_in_ist(published_dir, slug, lang):
    folder = published_dir / PREFIXES[lang] / "conclaves" / slug
    found = by_uid(folder / "calendar.ics")
    page = parse(folder / "index.html")
    for item in page.xpath("//li[starts-with(@id, 'session-')]"):
        shown = item.xpath(".//p[@class='when']/time/@datetime")
        uid = f"{slug}-{item.get('id').removeprefix('session-')}@{DOMAIN}"
        if not shown:
            assert uid not in found  # no time on the page: no timed entry in the calendar
            continue
        start = found[uid].decoded("DTSTART")
        assert start == dt.datetime.fromisoformat(shown[0])
        assert start.utcoffset() == dt.timedelta(hours=5, minutes=30)
    whole = found[f"{slug}@{DOMAIN}"]
    assert whole.decoded("DTSTART").isoformat() == page.xpath(
        "//dl[@class='facts']//time/@datetime")[0]


def test_ical_js_reads_every_calendar_as_icalendar_does(published_dir):
    files = calendars(published_dir)
    read_by_js = icaljs_read(files)
    for path in files:
        assert "error" not in read_by_js[str(path)], read_by_js[str(path)]
        theirs = {e["uid"]: e for e in read_by_js[str(path)]["events"]}
        ours = by_uid(path)
        assert set(theirs) == set(ours), path
        assert read_by_js[str(path)]["name"] == str(read(path)["NAME"])
        for uid, event in ours.items():
            start = event.decoded("DTSTART")
            other = theirs[uid]
            assert other["summary"] == str(event["SUMMARY"])
            assert "\ufffd" not in other["summary"]
            assert other["sequence"] == int(event["SEQUENCE"])
            if isinstance(start, dt.datetime):
                assert other["start"] == int(start.timestamp())
                assert other["tzid"] == "Asia/Kolkata"
            else:
                assert other["start"] == start.isoformat()


# stable identity, SEQUENCE, status -----------------------------------------------------

def test_two_builds_give_identical_calendars_and_schedules(seeded_root, published_dir, tmp_path):
    again = tmp_path / "again"
    assert build_into(again, "publishconf.py", root=seeded_root) == 0
    names = ("*.ics", "schedule.xml", "schedule.json")
    first = sorted(p for n in names for p in published_dir.rglob(n))
    assert len(first) == 12 + 4  # schedules: Jhansi alone has a timed session
    for path in first:
        twin = again / path.relative_to(published_dir)
        assert twin.read_bytes() == path.read_bytes(), path


def test_uids_survive_a_title_edit(project):
    before = set(by_uid(build(project) / "calendar.ics"))
    before |= set(by_uid(project / "output/en/conclaves/msme-for-bharat-jhansi-2025/calendar.ics"))
    edit(project, JHANSI, "en: Prospects and challenges of MSMEs",
         "en: MSMEs, prospects and hurdles")
    edit(project, JHANSI, "en: MSME for Bharat Conclave, Jhansi", "en: MSME for Bharat, Jhansi")
    output = build(project)
    after = set(by_uid(output / "calendar.ics"))
    jhansi = by_uid(output / "en/conclaves/msme-for-bharat-jhansi-2025/calendar.ics")
    assert before == after | set(jhansi)
    assert str(jhansi[f"{JHANSI_SESSION}@{PREVIEW}"]["SUMMARY"]) == "MSMEs, prospects and hurdles"


def test_cancelled_sessions_and_conclaves_say_so_and_geo_is_given(project):
    edit(project, JHANSI,
         'end: "18:00"', 'end: "18:00"\n    status: cancelled')
    edit(project, "data/conclaves/ramp-awareness-parwanoo-2025.yaml",
         "status: held", "status: cancelled")
    edit(project, "data/venues/hotel-lemon-tree-jhansi.yaml", "city:",
         "geo:\n  lat: 25.4484\n  lon: 78.5685\ncity:")
    output = build(project)
    jhansi = by_uid(output / "conclaves/msme-for-bharat-jhansi-2025/calendar.ics")
    session = jhansi[f"{JHANSI_SESSION}@{PREVIEW}"]
    assert str(session["STATUS"]) == "CANCELLED"
    assert str(jhansi[f"msme-for-bharat-jhansi-2025@{PREVIEW}"]["STATUS"]) == "CONFIRMED"
    assert "\r\nGEO:25.4484;78.5685\r\n" in (
        output / "conclaves/msme-for-bharat-jhansi-2025/calendar.ics").read_bytes().decode()
    parwanoo = by_uid(output / "calendar.ics")[f"ramp-awareness-parwanoo-2025@{PREVIEW}"]
    assert str(parwanoo["STATUS"]) == "CANCELLED"


def test_a_second_parser_reads_each_calendar_name_whole_and_zones_as_rfc_5545_has_them(
        published_dir):
    """vobject, which the build does not use, reads every calendar: a name with a comma
    ("MSME for Bharat Conclave, Jhansi") comes back whole, as TEXT is escaped; a VTIMEZONE
    holds no COMMENT of its own (RFC 5545 §3.6.5 allows one only in STANDARD/DAYLIGHT)."""
    import vobject

    jhansi = {"hi": "एमएसएमई फॉर भारत कॉन्क्लेव, झांसी", "en": "MSME for Bharat Conclave, Jhansi"}
    names = {}
    for path in sorted(published_dir.rglob("*.ics")):
        parsed = vobject.readOne(path.read_text(encoding="utf-8"))
        (name,), (calname,) = parsed.contents["name"], parsed.contents["x-wr-calname"]
        assert name.value == calname.value and "\\" not in name.value, path
        names[path.relative_to(published_dir).as_posix()] = name.value
        for zone in parsed.contents.get("vtimezone", []):
            assert "comment" not in zone.contents, path
    for lang, prefix in (("hi", ""), ("en", "en/")):
        assert names[f"{prefix}conclaves/{CONCLAVES[1]}/calendar.ics"] == jhansi[lang]

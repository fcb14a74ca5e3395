"""schedule.xml and schedule.json: valid against the format's own schemas, in both
languages, with the times the calendars and pages give."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import site_checks
from conftest import build_into, copy_project
from icalendar import Calendar
from lxml import etree
from site_checks import schedule_json_schema, schedule_xsd

JHANSI = "msme-for-bharat-jhansi-2025"  # the one fixture conclave with a timed session
UNTIMED = ["msme-defence-conclave-2026", "msme-cluster-workshop-shimla-2025",
           "ramp-awareness-parwanoo-2025"]
PREFIXES = {"hi": "", "en": "en/"}


@pytest.fixture(scope="module")
def xsd():
    return schedule_xsd()


@pytest.fixture(scope="module")
def json_schema():
    return schedule_json_schema()


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_schedule_xml_is_valid_against_the_xsd(published_dir, xsd, lang):
    doc = etree.parse(str(published_dir / PREFIXES[lang] / "conclaves" / JHANSI / "schedule.xml"))
    assert xsd.validate(doc), xsd.error_log
    assert len(doc.findall("day")) == int(doc.findtext("conference/days"))


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_schedule_json_is_valid_against_the_json_schema(published_dir, json_schema, lang):
    path = published_dir / PREFIXES[lang] / "conclaves" / JHANSI / "schedule.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    errors = [f"{list(e.path)}: {e.message}" for e in json_schema.iter_errors(data)]
    assert not errors
    assert data["schedule"]["conference"]["title"]


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_schedule_events_are_the_calendar_sessions_at_the_same_times(published_dir, lang):
    folder = published_dir / PREFIXES[lang] / "conclaves/msme-for-bharat-jhansi-2025"
    data = json.loads((folder / "schedule.json").read_text(encoding="utf-8"))
    days = data["schedule"]["conference"]["days"]
    events = [e for d in days for room in d["rooms"].values() for e in room]
    assert len(events) == 1
    event = events[0]
    calendar = Calendar.from_ical((folder / "calendar.ics").read_bytes())
    session = next(e for e in calendar.walk("VEVENT") if "session-" in str(e["URL"]))
    assert dt.datetime.fromisoformat(event["date"]) == session.decoded("DTSTART")
    assert (event["start"], event["duration"], event["language"]) == ("15:00", "03:00", lang)
    assert dt.datetime.fromisoformat(event["end"]) == session.decoded("DTEND")
    assert str(session["SUMMARY"]) == event["title"]
    xml = etree.parse(str(folder / "schedule.xml"))
    assert xml.findtext("day/room/event/date") == event["date"]
    assert xml.find("day/room/event").get("guid") == event["guid"]


@pytest.mark.parametrize("lang", ["hi", "en"])
@pytest.mark.parametrize("slug", UNTIMED)
def test_a_conclave_without_a_timed_session_offers_no_schedule(published_dir, slug, lang):
    """No invented time and no empty day: the format needs both for an untimed agenda, so
    there is no schedule, and the page does not offer one; its calendar still names every
    session on its day."""
    folder = published_dir / PREFIXES[lang] / "conclaves" / slug
    assert not (folder / "schedule.xml").exists()
    assert not (folder / "schedule.json").exists()
    assert "schedule.xml" not in (folder / "index.html").read_text(encoding="utf-8")
    calendar = Calendar.from_ical((folder / "calendar.ics").read_bytes())
    assert all(not isinstance(e.decoded("DTSTART"), dt.datetime)
               for e in calendar.walk("VEVENT"))


SUMMIT = "udyog-summit-2026-example"
SUMMIT_YAML = """\
title:
  hi: उद्योग शिखर सम्मेलन 2026 (उदाहरण)
  en: Udyog Summit 2026 (example)
status: scheduled
start: "2026-03-10"
end: "2026-03-12"
venue: adityapur-auto-cluster
organizers:
  - organization: adityapur-small-industries-association
    roles: [host]
sessions:
  - id: buyers-meet
    title: {hi: खरीदार-विक्रेता बैठकें, en: Buyer-seller meetings}
    kind: b2b-meetings
    date: "2026-03-10"
  - id: inauguration
    title: {hi: उद्घाटन, en: Inauguration}
    kind: inauguration
    date: "2026-03-11"
    start: "10:00"
    end: "11:00"
  - id: panel
    title: {hi: रक्षा खरीद पर चर्चा, en: Panel on defence buying}
    kind: panel
    date: "2026-03-11"
    start: "11:30"
    end: "13:00"
    track: {hi: हॉल ए, en: Hall A}
  - id: finance-clinic
    title: {hi: वित्त पर परामर्श, en: Finance clinic}
    kind: workshop
    date: "2026-03-11"
    start: "11:30"
    end: "13:00"
    track: {hi: हॉल बी, en: Hall B}
  - id: export-talk
    title: {hi: निर्यात पर वार्ता, en: Talk on exports}
    kind: presentation
    date: "2026-03-11"
    start: "14:00"
  - id: exhibition
    title: {hi: औद्योगिक प्रदर्शनी, en: Industrial exhibition}
    kind: exhibition
    date: "2026-03-12"
"""
PROSE = {"hi": "तीन दिन का उद्योग शिखर सम्मेलन (उदाहरण)।\n",
         "en": "A three-day industry summit (example).\n"}


@pytest.fixture(scope="module")
def summit(tmp_path_factory) -> Path:
    """The seeded site with a three-day summit whose first and last days have only
    sessions without a time, and whose middle day has parallel rooms and a talk without an
    end, built."""
    project = copy_project(tmp_path_factory.mktemp("summit") / "project")
    (project / f"data/conclaves/{SUMMIT}.yaml").write_text(SUMMIT_YAML, encoding="utf-8")
    for lang, text in PROSE.items():
        (project / f"content/conclaves/{SUMMIT}.{lang}.md").write_text(text, encoding="utf-8")
    assert build_into(project / "output", "publishconf.py", root=project) == 0
    return project / "output"


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_only_days_with_a_timed_session_are_written_and_numbered_from_one(summit, xsd,
                                                                          json_schema, lang):
    folder = summit / PREFIXES[lang] / "conclaves" / SUMMIT
    xml = etree.parse(str(folder / "schedule.xml"))
    assert xsd.validate(xml), xsd.error_log
    assert [(d.get("index"), d.get("date")) for d in xml.iterfind("day")] == [("1", "2026-03-11")]
    assert xml.findtext("conference/days") == "1"
    # the conclave's own days stay what they are
    assert (xml.findtext("conference/start"), xml.findtext("conference/end")) == (
        "2026-03-10", "2026-03-12")
    data = json.loads((folder / "schedule.json").read_text(encoding="utf-8"))
    assert not list(json_schema.iter_errors(data))
    conference = data["schedule"]["conference"]
    assert [(d["index"], d["date"]) for d in conference["days"]] == [(1, "2026-03-11")]
    assert conference["daysCount"] == 1
    assert site_checks.schedule_problems(summit) == []


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_json_events_end_when_the_session_does_and_untimed_ones_are_left_out(summit, lang):
    """`end` is the session's end as the calendar (read by icalendar) gives it, the same
    instant as `date` plus `duration` and as the XML (read by lxml) says; a talk without an
    end has none, and no session without a time is an event."""
    folder = summit / PREFIXES[lang] / "conclaves" / SUMMIT
    data = json.loads((folder / "schedule.json").read_text(encoding="utf-8"))
    events = {e["slug"].rpartition("-")[2]: e for d in data["schedule"]["conference"]["days"]
              for room in d["rooms"].values() for e in room}
    assert set(events) == {"inauguration", "panel", "clinic", "talk"}
    calendar = Calendar.from_ical((folder / "calendar.ics").read_bytes())
    by_url = {str(e["URL"]).rpartition("#")[2]: e for e in calendar.walk("VEVENT")}
    xml = etree.parse(str(folder / "schedule.xml"))
    for event in events.values():
        start = dt.datetime.fromisoformat(event["date"])
        hours, minutes = map(int, event["duration"].split(":"))
        session = by_url[event["url"].rpartition("#")[2]]
        assert start == session.decoded("DTSTART")
        (element,) = xml.xpath("//event[@guid=$g]", g=event["guid"])
        assert element.findtext("date") == event["date"]
        assert element.findtext("duration") == event["duration"]
        if "DTEND" in session:
            end = dt.datetime.fromisoformat(event["end"])
            assert end == session.decoded("DTEND") == start + dt.timedelta(hours=hours,
                                                                              minutes=minutes)
            assert end > start
        else:
            assert "end" not in event and event["duration"] == "00:00"
    assert "end" not in events["talk"]
    assert events["panel"]["end"] == "2026-03-11T13:00:00+05:30"
    titles = {e["title"] for e in events.values()}
    assert not titles & {"Buyer-seller meetings", "Industrial exhibition",
                         "खरीदार-विक्रेता बैठकें", "औद्योगिक प्रदर्शनी"}

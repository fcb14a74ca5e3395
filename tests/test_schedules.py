"""schedule.xml and schedule.json: valid against the format's own schemas, in both
languages, with the times the calendars and pages give."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from icalendar import Calendar
from lxml import etree
from site_checks import schedule_json_schema, schedule_xsd

CONCLAVES = ["msme-defence-conclave-2026", "msme-for-bharat-jhansi-2025",
             "msme-cluster-workshop-shimla-2025", "ramp-awareness-parwanoo-2025"]
PREFIXES = {"hi": "", "en": "en/"}


@pytest.fixture(scope="module")
def xsd():
    return schedule_xsd()


@pytest.fixture(scope="module")
def json_schema():
    return schedule_json_schema()


@pytest.mark.parametrize("lang", ["hi", "en"])
@pytest.mark.parametrize("slug", CONCLAVES)
def test_schedule_xml_is_valid_against_the_xsd(published_dir, xsd, slug, lang):
    doc = etree.parse(str(published_dir / PREFIXES[lang] / "conclaves" / slug / "schedule.xml"))
    assert xsd.validate(doc), xsd.error_log
    assert len(doc.findall("day")) == int(doc.findtext("conference/days"))


@pytest.mark.parametrize("lang", ["hi", "en"])
@pytest.mark.parametrize("slug", CONCLAVES)
def test_schedule_json_is_valid_against_the_json_schema(published_dir, json_schema, slug,
                                                        lang):
    path = published_dir / PREFIXES[lang] / "conclaves" / slug / "schedule.json"
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
    assert str(session["SUMMARY"]) == event["title"]
    xml = etree.parse(str(folder / "schedule.xml"))
    assert xml.findtext("day/room/event/date") == event["date"]
    assert xml.find("day/room/event").get("guid") == event["guid"]


def test_untimed_sessions_are_left_out_rather_than_given_a_time(published_dir):
    data = json.loads((published_dir / "en/conclaves/msme-defence-conclave-2026/schedule.json")
                      .read_text(encoding="utf-8"))
    conference = data["schedule"]["conference"]
    assert [d["date"] for d in conference["days"]] == ["2026-01-16", "2026-01-17"]
    assert all(d["rooms"] == {} for d in conference["days"])

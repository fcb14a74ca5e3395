"""A conclave outside India: labels, calendars, schedules and JSON-LD follow its own time
zone, and nothing claims IST for it."""

from __future__ import annotations

import json

import pytest
from breaking import JHANSI, edit
from conftest import build_into, parse, text_of
from icalendar import Calendar

SLUG = "msme-for-bharat-jhansi-2025"
SESSION = "msme-prospects-and-challenges"


@pytest.fixture(scope="module")
def dubai(tmp_path_factory):
    """The Jhansi conclave (one session, 15:00–18:00) moved to Asia/Dubai, published."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("dubai") / "project")
    edit(project, JHANSI, "venue: hotel", "timezone: Asia/Dubai\nvenue: hotel")
    assert build_into(project / "output", "publishconf.py", root=project) == 0
    return project / "output"


def folder(output, lang):
    return output / ("" if lang == "hi" else "en/") / "conclaves" / SLUG


@pytest.mark.parametrize(("lang", "name"), [("en", "United Arab Emirates Time"),
                                            ("hi", "संयुक्त अरब अमीरात समय")])
def test_the_page_names_the_conclaves_zone_not_ist(dubai, lang, name):
    page = folder(dubai, lang) / "index.html"
    text = text_of(page)
    assert name in text
    assert "IST" not in text and "भारतीय समय" not in text
    assert "Indian Standard Time" not in text and "भारतीय मानक समय" not in text  # footer
    times = [t.get("datetime") for t in parse(page).iter("time")]
    assert "2025-09-19T15:00:00+04:00" in times


def test_calendars_are_in_the_conclaves_zone(dubai):
    cal = Calendar.from_ical((folder(dubai, "en") / "calendar.ics").read_bytes())
    assert str(cal["X-WR-TIMEZONE"]) == "Asia/Dubai"
    [session] = [e for e in cal.walk("VEVENT") if SESSION in str(e["UID"])]
    start = session.decoded("DTSTART")
    assert start.utcoffset().total_seconds() == 4 * 3600 and start.hour == 15
    assert [str(z["TZID"]) for z in cal.walk("VTIMEZONE")] == ["Asia/Dubai"]
    single = folder(dubai, "en") / "sessions" / f"{SESSION}.ics"
    assert str(Calendar.from_ical(single.read_bytes())["X-WR-TIMEZONE"]) == "Asia/Dubai"
    # the calendar of every conclave is the site's: India
    site = Calendar.from_ical((dubai / "en/calendar.ics").read_bytes())
    assert str(site["X-WR-TIMEZONE"]) == "Asia/Kolkata"


def test_schedules_and_structured_data_carry_the_zone(dubai):
    data = json.loads((folder(dubai, "en") / "schedule.json").read_text(encoding="utf-8"))
    conference = data["schedule"]["conference"]
    assert conference["time_zone_name"] == "Asia/Dubai"
    [event] = [e for day in conference["days"] for room in day["rooms"].values() for e in room]
    assert event["date"] == "2025-09-19T15:00:00+04:00" and event["start"] == "15:00"
    scripts = [json.loads(s.text) for s in parse(folder(dubai, "en") / "index.html").iter("script")]
    [ld] = [s for s in scripts if s.get("@type") == "Event"]
    assert ld["startDate"] == "2025-09-19T15:00:00+04:00"
    assert ld["subEvent"][0]["endDate"] == "2025-09-19T18:00:00+04:00"


def test_calendar_links_and_share_texts_use_the_zone(dubai):
    page = parse(folder(dubai, "en") / "index.html")
    hrefs = [a.get("href") for a in page.iter("a")]
    google = [h for h in hrefs if h.startswith("https://calendar.google.com") and "ctz=" in h]
    assert google and all("ctz=Asia%2FDubai" in h for h in google)
    whatsapp = [h for h in hrefs if h.startswith("https://wa.me/") and SESSION in h]
    assert whatsapp and "United%20Arab%20Emirates%20Time" in whatsapp[0]


def test_an_indian_site_still_says_all_times_are_ist(site_dir):
    assert "All times are Indian Standard Time (IST)." in text_of(site_dir / "en/index.html")

"""What a report leaves out, as the pages say it (issue 14): hours given for a whole
conclave and no session timed, a conclave whose sessions are not known, one whose organizer
no report names, dates that rest on a dateline or an inferred year, and people a report names
as present or taking part, listed with what they did rather than as speakers."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
import yaml
from breaking import JAMSHEDPUR, JHANSI, edit, messages
from conftest import build_into, copy_project, parse, text_of
from icalendar import Calendar
from lxml import etree
from sammelan.i18n.formatting import time_range
from seo_pages import of_type
from site_checks import calendar_problems, schedule_problems

SHIMLA = "data/conclaves/msme-cluster-workshop-shimla-2025.yaml"
PARWANOO = "data/conclaves/ramp-awareness-parwanoo-2025.yaml"
PREFIX = {"hi": "", "en": "en/"}
HOURS = (dt.time(15), dt.time(18))


def without(project: Path, relative: str, start: str, stop: str) -> None:
    """The source with the lines from `start` up to (not including) `stop` taken out."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index(start)] + text[text.index(stop):], encoding="utf-8")


@pytest.fixture(scope="module")
def gaps(tmp_path_factory) -> Path:
    """The fixture as issue 14 corrects it: Jhansi without its invented session, with the
    report's hours and its inferred year; Shimla dated by its dateline; Parwanoo with no
    organizer and, here, no session known either."""
    project = copy_project(tmp_path_factory.mktemp("gaps") / "project")
    without(project, JHANSI, "  - id: msme-prospects-and-challenges", "  - id: new-funding-options")
    edit(project, JHANSI, 'end: "2025-09-19"\n', 'end: "2025-09-19"\ndates_inferred: [year]\n'
         'hours:\n  start: "15:00"\n  end: "18:00"\n')
    edit(project, SHIMLA, 'end: "2025-09-27"\n',
         'end: "2025-09-27"\ndates_inferred: [dateline, year]\n')
    without(project, PARWANOO, "organizers:", "schemes:")
    path = project / PARWANOO  # its sessions are the file's last lines
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("sessions:")] + "sessions: []\n", encoding="utf-8")
    return project


@pytest.fixture(scope="module")
def built(gaps) -> Path:
    output = gaps.parent / "output"
    assert build_into(output, root=gaps) == 0
    return output


def page(output: Path, lang: str, *parts: str) -> Path:
    return output / PREFIX[lang] / Path(*parts) / "index.html"


def section(path: Path, name: str) -> str:
    found = parse(path).xpath(f'//section[@aria-labelledby="{name}"]')
    return " ".join(found[0].text_content().split()) if found else ""


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_the_hours_of_a_whole_conclave_are_said_without_a_session(built, lang):
    hours = " ".join(time_range(*HOURS, lang).split())  # as text_of folds white space
    conclave = page(built, lang, "conclaves", "msme-for-bharat-jhansi-2025")
    facts = " ".join(parse(conclave).xpath('//dl[@class="facts"]')[0].text_content().split())
    assert hours in facts
    agenda = section(conclave, "agenda")
    assert hours in agenda
    # no session holds the hours (the JSON-LD gives them as the Event's own times)
    markup = re.sub(r'<script type="application/ld\+json">.*?</script>', "",
                    conclave.read_text(encoding="utf-8"), flags=re.S)
    assert "15:00" not in markup
    assert hours in text_of(page(built, lang, "conclaves", "msme-for-bharat-jhansi-2025",
                                 "poster"))


def test_the_calendar_gives_the_hours_and_every_export_stays_valid(built):
    calendar = Calendar.from_ical(
        (built / "en/conclaves/msme-for-bharat-jhansi-2025/calendar.ics").read_bytes())
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    assert set(events) == {"msme-for-bharat-jhansi-2025"}  # no session is timed
    description = " ".join(str(events["msme-for-bharat-jhansi-2025"]["DESCRIPTION"]).split())
    assert f"Hours of the conclave: {' '.join(time_range(*HOURS, 'en').split())} IST" in description
    assert calendar_problems(built) == []
    assert schedule_problems(built) == []


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_conference_apps_get_the_conclave_at_its_hours_with_its_sessions_named(built, gaps,
                                                                             lang):
    """No session is timed, but the report gives the whole conclave's hours: the schedule
    has the conclave itself as the one event of its day, at those hours, its sessions named
    in the description (read back by XML and JSON both); the page offers it."""
    folder = built / PREFIX[lang] / "conclaves" / "msme-for-bharat-jhansi-2025"
    assert "schedule.xml" in (folder / "index.html").read_text(encoding="utf-8")
    data = json.loads((folder / "schedule.json").read_text(encoding="utf-8"))
    (day,) = data["schedule"]["conference"]["days"]
    (events,) = day["rooms"].values()
    (event,) = events
    assert (day["date"], event["start"], event["duration"]) == ("2025-09-19", "15:00", "03:00")
    assert event["end"] == "2025-09-19T18:00:00+05:30"
    assert event["title"] == data["schedule"]["conference"]["title"]
    sessions = yaml.safe_load((gaps / JHANSI).read_text(encoding="utf-8"))
    for session in sessions["sessions"]:
        assert session["title"][lang] in event["description"]
    xml = etree.parse(str(folder / "schedule.xml"))
    assert [e.findtext("start") for e in xml.iter("event")] == ["15:00"]
    assert xml.findtext("day/room/event/description") == event["description"]
    assert schedule_problems(built) == []


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_search_engines_read_the_hours_as_the_events_start_and_end(built, lang):
    """The report's hours are the Event's times in its JSON-LD (with India's offset), and a
    conclave with no hours and no timed session keeps its dates alone."""
    (event,) = of_type(page(built, lang, "conclaves", "msme-for-bharat-jhansi-2025"), "Event")
    assert (event["startDate"], event["endDate"]) == ("2025-09-19T15:00:00+05:30",
                                                      "2025-09-19T18:00:00+05:30")
    (untimed,) = of_type(page(built, lang, "conclaves", "ramp-awareness-parwanoo-2025"),
                         "Event")
    assert "T" not in untimed["startDate"] and "T" not in untimed["endDate"]


@pytest.mark.parametrize(("lang", "said"), [("hi", "सत्रों की जानकारी नहीं है।"),
                                             ("en", "The sessions are not known.")])
def test_a_conclave_with_no_session_known_says_so(built, lang, said):
    agenda = section(page(built, lang, "conclaves", "ramp-awareness-parwanoo-2025"), "agenda")
    assert said in agenda


@pytest.mark.parametrize(("lang", "said"), [("hi", "आयोजक की जानकारी नहीं है।"),
                                             ("en", "The organizer is not known.")])
def test_a_conclave_without_a_named_organizer_says_it_is_not_known(built, lang, said):
    conclave = page(built, lang, "conclaves", "ramp-awareness-parwanoo-2025")
    assert said in section(conclave, "organizers")
    assert said in text_of(page(built, lang, "conclaves", "ramp-awareness-parwanoo-2025",
                                "poster"))
    assert "Department of Industries" not in section(conclave, "organizers")


@pytest.mark.parametrize(("lang", "slug", "notes"), [
    ("en", "msme-for-bharat-jhansi-2025",
     ["The year is inferred: the report does not give it."]),
    ("hi", "msme-for-bharat-jhansi-2025",
     ["वर्ष अनुमान से लिखा गया है: रिपोर्ट में वर्ष नहीं दिया गया है।"]),
    ("en", "msme-cluster-workshop-shimla-2025",
     ["The date is the report's dateline; the report gives no date for the event itself.",
      "The year is inferred: the report does not give it."]),
    ("hi", "msme-cluster-workshop-shimla-2025",
     ["यह तिथि रिपोर्ट की डेटलाइन है; रिपोर्ट कार्यक्रम की अपनी तिथि नहीं बताती।",
      "वर्ष अनुमान से लिखा गया है: रिपोर्ट में वर्ष नहीं दिया गया है।"]),
])
def test_an_inferred_date_says_what_is_inferred_beside_it(built, lang, slug, notes):
    notes_shown = [" ".join(n.text_content().split()) for n in parse(
        page(built, lang, "conclaves", slug)).xpath('//dl[@class="facts"]/dd[@class="note"]')]
    assert notes_shown == notes
    assert all(note in text_of(page(built, lang, "conclaves", slug, "poster")) for note in notes)


def test_a_conclave_without_inferred_dates_has_no_such_note(built):
    conclave = page(built, "en", "conclaves", "msme-defence-conclave-2026")
    assert not parse(conclave).xpath('//dl[@class="facts"]/dd[@class="note"]')


@pytest.mark.parametrize(("lang", "present", "press"), [
    ("en", "Present", "At the press conference"), ("hi", "उपस्थित", "प्रेस वार्ता में")])
def test_people_who_did_not_speak_are_listed_with_what_they_did(built, lang, present, press):
    conclave = page(built, lang, "conclaves", "msme-defence-conclave-2026")
    names = {"hi": ("अरूप राहा", "केका शर्मा", "संजय सेठ"),
             "en": ("Arup Raha", "Keka Sharma", "Sanjay Seth")}[lang]
    arup, keka, seth = names
    speakers, people = section(conclave, "speakers"), section(conclave, "people")
    assert seth in speakers and arup not in speakers and keka not in speakers
    assert people.index(present) < people.index(arup) < people.index(press) < people.index(keka)
    groups = parse(conclave).xpath('//section[@aria-labelledby="people"]/h3/text()')
    assert groups == [present, press]


def test_a_speaker_page_says_what_they_did_at_a_conclave(built):
    text = text_of(page(built, "en", "speakers", "arup-raha"))
    assert "MSME Defence Conclave 2026 — Present: Will be present at the inauguration" in text


def test_hours_that_end_before_they_start_are_refused_where_written(project):
    edit(project, JHANSI, 'end: "2025-09-19"\n',
         'end: "2025-09-19"\nhours:\n  start: "18:00"\n  end: "15:00"\n')
    assert messages(project) == [
        f"{JHANSI}:12:8: error [hours.end]: the conclave closes at 15:00, not after it opens "
        "(18:00) — fix: make `end` later than `start`"]


def test_a_person_must_say_what_they_did(project):
    edit(project, JAMSHEDPUR, "  - speaker: arup-raha\n    part: present\n",
         "  - speaker: arup-raha\n")
    found = messages(project)
    assert len(found) == 1 and found[0].startswith(f"{JAMSHEDPUR}:39:")
    assert "part" in found[0]

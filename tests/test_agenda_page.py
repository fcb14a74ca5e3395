"""The conclave page as a visitor meets it: the agenda one tap from the first screen, each
day's sessions in time slots (parallel ones grouped), "time to be announced" once per day,
each fact once, likely participants under one heading."""

from __future__ import annotations

import datetime as dt
import gzip
from pathlib import Path

import pytest
from breaking import JHANSI, edit
from conftest import build_into, copy_project, parse
from sammelan.model.choices import SessionKind
from sammelan.model.entities import Session, Text
from sammelan.render.views import slots, unsaid

PREFIXES = {"hi": "", "en": "en/"}
JAMSHEDPUR = "conclaves/msme-defence-conclave-2026/"
TBA = {"hi": "समय की घोषणा होनी है", "en": "Time to be announced"}
MOVED = {"hi": "दिन, समय या स्थान बदला गया", "en": "Day, time or place changed"}
LIKELY = {"hi": "संभावित (अभी पुष्टि नहीं)", "en": "Likely (not yet confirmed)"}


def jamshedpur(site_dir: Path, lang: str):
    return parse(site_dir / PREFIXES[lang] / JAMSHEDPUR / "index.html")


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_the_first_screen_leads_to_the_agenda(site_dir, lang):
    tree = jamshedpur(site_dir, lang)
    head = tree.find(".//main/article/header")
    assert head.find("h1") is not None and head.find_class("badge")
    menu = head.find(".//nav[@class='sections']")
    assert [a.get("href") for a in menu.iter("a")][0] == "#agenda"
    target = tree.get_element_by_id("agenda")
    assert target.tag == "h2"
    # what comes before the agenda is the first screen only: no prose, no lists of links
    main = tree.find(".//main/article")
    assert main.index(target.getparent()) == 1


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_time_to_be_announced_is_said_once_per_day(site_dir, lang):
    days = jamshedpur(site_dir, lang).find_class("day")
    assert len(days) == 2  # 16 January, and the sessions whose day is not announced
    for day in days:
        assert day.text_content().count(TBA[lang]) == 1
        assert len(day.find_class("session")) == len(day.find_class("slot")[0].find_class(
            "session"))


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_highlights_and_topics_the_agenda_says_are_not_repeated(site_dir, lang):
    tree = jamshedpur(site_dir, lang)
    about = tree.get_element_by_id("about").getparent()
    headings = [h.text_content() for h in about.iter("h3")]
    assert headings == [{"hi": "मुख्य आकर्षण", "en": "Highlights"}[lang]]
    (highlight,) = about.find(".//h3").getnext().iter("li")
    assert {"hi": "एयरफोर्स", "en": "Air Force"}[lang] in highlight.text_content()


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_likely_participants_are_grouped_under_one_heading(site_dir, lang):
    tree = jamshedpur(site_dir, lang)
    section = tree.get_element_by_id("participants").getparent()
    assert section.text_content().count(LIKELY[lang]) == 1
    (heading,) = section.iter("h3")
    assert heading.text_content() == LIKELY[lang]
    listed = heading.getnext().getnext().findall("li")
    assert len(listed) == 7
    assert {"hi": "हिंदुस्तान एरोनॉटिक्स", "en": "Hindustan Aeronautics"}[lang] in (
        listed[0].text_content())


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_session_share_and_calendar_links_are_folded_into_one_control(site_dir, lang):
    for session in jamshedpur(site_dir, lang).find_class("session"):
        (tools,) = session.findall("details")
        assert tools.find_class("share")


def session(sid: str, start: str | None, end: str | None = None, track: str = "") -> Session:
    time = dt.time.fromisoformat
    return Session(sid, Text(sid, sid), SessionKind.SESSION, dt.date(2026, 1, 16),
                   time(start) if start else None, time(end) if end else None,
                   Text(track, track) if track else None)


def test_overlapping_sessions_share_a_slot_and_untimed_ones_come_last():
    found = slots([session("a", "10:00", "11:00", "Hall 1"), session("b", "10:30", "12:00",
                                                                      "Hall 2"),
                   session("c", "12:00", "13:00"), session("f", "14:00", track="Hall 1"),
                   session("g", "14:00", track="Hall 2"), session("d", None),
                   session("e", None)])
    assert [[s.id for s in slot.sessions] for slot in found] == [
        ["a", "b"], ["c"], ["f", "g"], ["d", "e"]]
    assert [slot.parallel for slot in found] == [True, False, True, False]
    assert (found[0].start, found[0].end) == (dt.time(10), dt.time(12))
    assert not found[0].shared_time and found[1].shared_time


def test_an_item_is_kept_unless_a_session_says_it():
    sessions = (Session("s", Text("सेमिनार", "Seminars"), SessionKind.SEMINAR,
                        summary=Text("निर्यात की संभावनाओं पर चर्चा", "Talks on export prospects")),)
    items = (Text("निर्यात की संभावनाएं", "Export prospects"), Text("सेमिनार", "Seminars"),
             Text("50 स्टॉल", "50 stalls"))
    assert unsaid(items, sessions) == [items[2]]
    # said in one language is said: both pages keep the same items
    english_only = (Text("निर्यात बाज़ार", "Export prospects"),)
    assert unsaid(english_only, sessions) == []


@pytest.fixture(scope="module")
def parallel(tmp_path_factory) -> Path:
    """Jhansi with two sessions at once in two halls."""
    project = copy_project(tmp_path_factory.mktemp("parallel") / "project")
    text = (project / JHANSI).read_text(encoding="utf-8")
    for sid, hall in (("hall-a", "A"), ("hall-b", "B")):
        text += (f"  - id: {sid}\n    title:\n      hi: कार्यशाला {hall}\n"
                 f"      en: Workshop {hall}\n    kind: workshop\n"
                 f'    date: "2025-09-19"\n    start: "16:00"\n    end: "17:00"\n'
                 f"    track:\n      hi: हॉल {hall}\n      en: Hall {hall}\n")
    # hall B was moved once before: its calendar entry's SEQUENCE is 1
    text += "    sequence: 1\n"
    (project / JHANSI).write_text(text, encoding="utf-8")
    edit(project, JHANSI, 'start: "15:00"\n    end: "18:00"', 'start: "15:00"\n    end: "16:00"')
    output = project.parent / "output"
    assert build_into(output, root=project) == 0
    return output


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_parallel_sessions_are_grouped_with_their_rooms(parallel, lang):
    tree = parse(parallel / PREFIXES[lang] / "conclaves/msme-for-bharat-jhansi-2025/index.html")
    (slot,) = tree.find_class("parallel")
    ids = [s.get("id") for s in slot.find_class("session")]
    assert ids == ["session-hall-a", "session-hall-b"]
    rooms = [r.text_content() for r in slot.find_class("room")]
    assert rooms == [{"hi": "हॉल A", "en": "Hall A"}[lang], {"hi": "हॉल B", "en": "Hall B"}[lang]]
    assert slot.find_class("slot-time")[0].find("time").get("datetime").startswith(
        "2025-09-19T16:00")


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_a_moved_session_says_so_and_no_other(parallel, lang):
    tree = parse(parallel / PREFIXES[lang] / "conclaves/msme-for-bharat-jhansi-2025/index.html")
    marked = [s.get("id") for s in tree.find_class("session")
              if MOVED[lang] in s.text_content()]
    # the fixture's own session was shortened by the edit above (not committed yet: the
    # build counts it, as the preview does); hall B carries a floor; hall A is new
    assert marked == ["session-msme-prospects-and-challenges", "session-hall-b"]


def test_conclave_pages_stay_small(site_dir):
    """Page and stylesheet, gzipped, under 14 KB: the first round trips of a slow phone."""
    css = (site_dir / "theme/css/site.css").read_bytes()
    pages = sorted(site_dir.glob("**/conclaves/*/index.html"))
    assert len(pages) == 8
    for page in pages:
        size = len(gzip.compress(page.read_bytes(), 9)) + len(gzip.compress(css, 9))
        assert size < 14_000, f"{page}: {size} bytes gzipped with the stylesheet"

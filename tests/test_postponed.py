"""A postponed conclave: its page, share texts, feed, calendars and schedules say that its
days no longer hold, and nothing offers to put them in a calendar."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from breaking import JHANSI, edit
from conftest import build_into, copy_project, parse
from icalendar import Calendar
from lxml import etree
from seo_pages import of_type
from site_checks import schedule_json_schema, schedule_xsd
from test_sharing import whatsapp_text

PAGE = "conclaves/msme-for-bharat-jhansi-2025/"
PREFIXES = {"hi": "", "en": "en/"}
WORDS = {  # how each language says it, and the old day it must no longer give as the day
    "hi": ("स्थगित, नई तारीखों की घोषणा होनी है", "19 सितंबर 2025", "स्थगित"),
    "en": ("Postponed, new dates to be announced", "19 September 2025", "Postponed"),
}


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    """The seeded site, published, with the Jhansi conclave (timed sessions) postponed."""
    project = copy_project(tmp_path_factory.mktemp("postponed") / "project")
    edit(project, JHANSI, "status: unreported", "status: postponed")
    built = project.parent / "output"
    assert build_into(built, "publishconf.py", root=project) == 0
    return built


def page(output: Path, lang: str) -> Path:
    return output / PREFIXES[lang] / PAGE / "index.html"


def facts(tree) -> dict[str, list]:
    """The page's `dt` → its `dd` elements."""
    found: dict[str, list] = {}
    for term in tree.find_class("facts")[0].iter("dt"):
        found[term.text_content()] = []
        sibling = term.getnext()
        while sibling is not None and sibling.tag == "dd":
            found[term.text_content()].append(sibling)
            sibling = sibling.getnext()
    return found


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_the_page_says_new_dates_are_to_come_and_strikes_the_old_ones(output, lang):
    postponed, old_day, _ = WORDS[lang]
    tree = parse(page(output, lang))
    found = facts(tree)
    when = {"hi": "कब", "en": "When"}[lang]
    before = {"hi": "पहले घोषित तारीखें", "en": "Dates announced before"}[lang]
    assert [dd.text_content() for dd in found[when]] == [postponed]
    (struck,) = found[before]
    assert struck.find("del").text_content() == old_day
    assert old_day not in found[when][0].text_content()


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_no_calendar_link_is_offered_for_it(output, lang):
    tree = parse(page(output, lang))
    hrefs = [a.get("href") for a in tree.iter("a")]
    assert not [h for h in hrefs if h.endswith(".ics") or h.startswith("webcal:")
                or "calendar.google.com" in h]
    assert not tree.find_class("add-to-calendar")
    # another conclave's page still offers them
    other = parse(output / PREFIXES[lang] / "conclaves/msme-defence-conclave-2026/index.html")
    assert other.find_class("add-to-calendar")


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_share_texts_say_it_is_postponed_not_the_old_day(output, lang):
    postponed, old_day, _ = WORDS[lang]
    tree = parse(page(output, lang))
    texts = [whatsapp_text(a.get("href")) for a in tree.iter("a")
             if a.get("href").startswith("https://wa.me/")]
    assert len(texts) == 5  # the conclave and its four sessions
    for text in texts:
        assert postponed in text and old_day not in text, text


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_the_list_of_conclaves_strikes_its_days(output, lang):
    tree = parse(output / PREFIXES[lang] / "conclaves/index.html")
    card = next(c for c in tree.find_class("card") if PAGE in c.find(".//a").get("href"))
    assert card.find(".//del/time").get("datetime") == "2025-09-19"


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_feed_entry_says_it_is_postponed(output, lang):
    postponed, old_day, label = WORDS[lang]
    feed = etree.parse(str(output / PREFIXES[lang] / "feed.atom.xml"))
    atom = {"a": "http://www.w3.org/2005/Atom"}
    entry = next(e for e in feed.findall("a:entry", atom)
                 if e.findtext("a:id", namespaces=atom).endswith(PAGE))
    assert entry.findtext("a:title", namespaces=atom).endswith(f"({label})")
    summary = entry.findtext("a:summary", namespaces=atom)
    assert summary.startswith(postponed) and old_day not in summary


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_calendar_and_structured_data_mark_it_tentative_and_postponed(output, lang):
    folder = output / PREFIXES[lang] / PAGE
    events = Calendar.from_ical((folder / "calendar.ics").read_bytes()).walk("VEVENT")
    assert events and {str(e["STATUS"]) for e in events} == {"TENTATIVE"}
    (event,) = of_type(folder / "index.html", "Event")
    assert event["eventStatus"] == "https://schema.org/EventPostponed"


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_schedules_carry_the_sign_and_stay_valid(output, lang):
    postponed, _, label = WORDS[lang]
    folder = output / PREFIXES[lang] / PAGE
    xml = etree.parse(str(folder / "schedule.xml"))
    assert schedule_xsd().validate(xml), schedule_xsd().error_log
    data = json.loads((folder / "schedule.json").read_text(encoding="utf-8"))
    assert not list(schedule_json_schema().iter_errors(data))
    conference = data["schedule"]["conference"]
    assert conference["title"].endswith(f"({postponed})")
    assert xml.findtext("conference/title") == conference["title"]
    titles = [e["title"] for d in conference["days"] for r in d["rooms"].values() for e in r]
    assert titles and all(t.startswith(f"{label}: ") for t in titles)
    assert [e.text for e in xml.iter("title")][1:] == titles

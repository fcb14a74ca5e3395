"""A place is named once: a district that is its city ("Ludhiana, Ludhiana, Punjab"), or a
venue named for its town, is said once on pages, in calendars, feeds and share texts."""

from __future__ import annotations

from pathlib import Path

import pytest
from breaking import edit
from conftest import build_into, copy_project, parse
from icalendar import Calendar
from sammelan.model.entities import Text, Venue
from seo_pages import of_type
from test_sharing import whatsapp_text

LEMON_TREE = "data/venues/hotel-lemon-tree-jhansi.yaml"
JHANSI = "conclaves/msme-for-bharat-jhansi-2025/"
PARWANOO = "conclaves/ramp-awareness-parwanoo-2025/"
PREFIXES = {"hi": "", "en": "en/"}
ADDRESSES = {  # the district Jhansi added to the venue in Jhansi; Parwanoo as seeded
    "hi": {JHANSI: "होटल लेमन ट्री, रेलवे स्टेशन रोड, सिविल लाइन, झांसी, उत्तर प्रदेश",
           PARWANOO: "परवाणू, सोलन, हिमाचल प्रदेश"},
    "en": {JHANSI: "Hotel Lemon Tree, Railway Station Road, Civil Lines, Jhansi, Uttar Pradesh",
           PARWANOO: "Parwanoo, Solan, Himachal Pradesh"},
}


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("places") / "project")
    edit(project, LEMON_TREE, "state:", "district:\n  hi: झांसी\n  en: Jhansi\nstate:")
    built = project.parent / "output"
    assert build_into(built, "publishconf.py", root=project) == 0
    return built


def where(page: Path) -> str:
    """The full address the page's venue section gives (the first screen's "Where" gives
    the venue, town and state, and the map link)."""
    (address,) = parse(page).get_element_by_id("venue").getparent().xpath("p[1]")
    return address.text_content().strip()


@pytest.mark.parametrize("lang", ["hi", "en"])
@pytest.mark.parametrize("conclave", [JHANSI, PARWANOO])
def test_pages_and_calendars_name_each_place_once(output, lang, conclave):
    folder = output / PREFIXES[lang] / conclave
    address = ADDRESSES[lang][conclave]
    assert where(folder / "index.html") == address
    locations = {str(e["LOCATION"]) for e in Calendar.from_ical(
        (folder / "calendar.ics").read_bytes()).walk("VEVENT")}
    assert locations and all(loc.endswith(address) for loc in locations), locations


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_feed_share_text_and_list_name_the_town_once(output, lang):
    town = {"hi": "परवाणू", "en": "Parwanoo"}[lang]
    feed = (output / PREFIXES[lang] / "feed.atom.xml").read_text(encoding="utf-8")
    assert ADDRESSES[lang][PARWANOO] in feed and f"{town}, {town}" not in feed
    page = parse(output / PREFIXES[lang] / PARWANOO / "index.html")
    share = whatsapp_text(page.find_class("share")[0].find(".//a").get("href"))
    assert share.split("\n")[0].endswith(f", {town}") and f"{town}, {town}" not in share
    cards = parse(output / PREFIXES[lang] / "conclaves/index.html").find_class("card")
    assert not [c for c in cards if f"{town}, {town}" in c.text_content()]
    (event,) = of_type(output / PREFIXES[lang] / JHANSI / "index.html", "Event")
    assert event["location"]["address"]["addressLocality"] == ADDRESSES[lang][JHANSI].split(
        ", ")[-2]


def test_a_part_is_dropped_only_when_it_repeats_another():
    def text(value: str) -> Text:
        return Text(hi=value, en=value)

    ludhiana = Venue(slug="x", name=text("Guru Nanak Bhawan"), city=text("Ludhiana"),
                     district=text(" ludhiana"), state=text("Punjab"), pin="141001")
    assert ludhiana.full_address("en") == "Guru Nanak Bhawan, Ludhiana, Punjab 141001"
    solan = Venue(slug="y", name=text("Parwanoo"), city=text("Parwanoo"),
                  district=text("Solan"), state=text("Himachal Pradesh"))
    assert solan.full_address("hi") == "Parwanoo, Solan, Himachal Pradesh"
    assert solan.joined("en", "name", "city") == "Parwanoo"
    shoghi = Venue(slug="z", name=text("Business Centre, Shoghi"), city=text("Shoghi"),
                   district=text("Shimla"), state=text("Himachal Pradesh"))
    assert shoghi.joined("en", "name", "city", "state") == (
        "Business Centre, Shoghi, Himachal Pradesh")
    assert shoghi.full_address("en") == "Business Centre, Shoghi, Shimla, Himachal Pradesh"

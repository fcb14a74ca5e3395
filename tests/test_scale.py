"""What keeps a large site light: the home page, the feed and the site-wide calendar hold
the recent part of the site; the conclaves page, the sitemap and each conclave's own
calendar hold all of it. The limits are lowered here so that the four seeded conclaves
exceed them."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import icalendar
import pytest
from conftest import build_into, copy_project, parse
from sammelan.render import feeds, pages
from sammelan.render.calendar import ics

JAMSHEDPUR, PARWANOO = "msme-defence-conclave-2026", "ramp-awareness-parwanoo-2025"
JHANSI = "msme-for-bharat-jhansi-2025"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def small_limits(tmp_path_factory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pages, "HOME_UPCOMING", 1)
        patch.setattr(pages, "HOME_PAST", 1)
        patch.setattr(feeds, "FEED_SIZE", 2)
        patch.setattr(ics, "RECENT_PAST", 1)
        project = copy_project(tmp_path_factory.mktemp("scale") / "project")
        assert build_into(project / "output", root=project) == 0
        yield project / "output"


def conclaves_linked(page) -> set[str]:
    return {a.get("href").strip("/").rsplit("/", 1)[-1] for a in page.iter("a")
            if "/conclaves/" in (a.get("href") or "") and a.get("href").endswith("/")}


def test_the_home_page_shows_the_next_and_the_latest_and_links_to_all(small_limits):
    home = parse(small_limits / "en/index.html")
    # as of 1 January 2026: Jamshedpur is next; Parwanoo (November 2025) the latest past
    assert {JAMSHEDPUR, PARWANOO} <= conclaves_linked(home)
    assert JHANSI not in conclaves_linked(home)
    assert "All events" in [a.text_content() for a in home.iter("a")]
    assert JHANSI in conclaves_linked(parse(small_limits / "en/conclaves/index.html"))
    assert "सभी आयोजन" in [a.text_content() for a in parse(small_limits / "index.html")
                            .iter("a")]


def test_the_feed_holds_the_most_recently_changed_entries(small_limits):
    feed = ET.parse(small_limits / "en/feed.atom.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    updated = [e.findtext(f"{ATOM}updated") for e in entries]
    assert updated == sorted(updated, reverse=True)


def test_the_site_calendar_holds_upcoming_and_latest_and_each_conclave_all(small_limits):
    site = icalendar.Calendar.from_ical((small_limits / "en/calendar.ics").read_bytes())
    uids = {str(e["UID"]).split("@")[0] for e in site.walk("VEVENT")}
    assert uids == {JAMSHEDPUR, PARWANOO}
    own = small_limits / f"en/conclaves/{JHANSI}/calendar.ics"
    assert icalendar.Calendar.from_ical(own.read_bytes()).walk("VEVENT")

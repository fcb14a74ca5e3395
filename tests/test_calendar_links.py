"""The pages offer "add to calendar": the .ics, a webcal:// subscription and Google
Calendar, for the whole conclave, each timed session, and every conclave on the home page."""

from __future__ import annotations

from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
from conftest import parse
from sammelan.render.calendar.links import GOOGLE, query

DOMAIN = "https://sammelan.example.org"
PREFIXES = {"hi": "", "en": "en/"}
JHANSI = "conclaves/msme-for-bharat-jhansi-2025/"


def links(element) -> dict[str, str]:
    """The calendar links of a block, by kind."""
    found = {}
    for href in element.xpath(".//ul[@class='calendar-links']//a/@href"):
        kind = ("webcal" if href.startswith("webcal://") else
                "google" if href.startswith("https://calendar.google.com/") else "ics")
        found[kind] = href
    return found


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_conclave_page_offers_the_whole_conclave(published_dir, lang):
    prefix = PREFIXES[lang]
    page = parse(published_dir / prefix / JHANSI / "index.html")
    heading = page.get_element_by_id("add-to-calendar")
    assert heading.text == {"hi": "कैलेंडर में जोड़ें", "en": "Add to calendar"}[lang]
    whole = links(heading.getparent())
    assert whole["ics"] == f"{DOMAIN}/{prefix}{JHANSI}calendar.ics"
    assert whole["webcal"] == f"webcal://sammelan.example.org/{prefix}{JHANSI}calendar.ics"
    query = parse_qs(urlsplit(whole["google"]).query)
    assert query["dates"] == ["20250919/20250920"]
    assert query["action"] == ["TEMPLATE"]
    assert (published_dir / prefix / JHANSI / "calendar.ics").is_file()
    # the schedules for conference apps sit at the end of the page, not among the actions
    (apps,) = page.find_class("for-apps")
    assert page.find_class("conclave")[0][-1] == apps
    exports = apps.xpath(".//a[@type='application/xml' or @type='application/json']/@href")
    assert exports == [f"{DOMAIN}/{prefix}{JHANSI}schedule.xml",
                       f"{DOMAIN}/{prefix}{JHANSI}schedule.json"]


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_each_timed_session_has_its_own_links_and_untimed_ones_none(published_dir, lang):
    prefix = PREFIXES[lang]
    page = parse(published_dir / prefix / JHANSI / "index.html")
    timed = links(page.get_element_by_id("session-msme-prospects-and-challenges"))
    path = f"{prefix}{JHANSI}sessions/msme-prospects-and-challenges.ics"
    assert timed["ics"] == f"{DOMAIN}/{path}"
    assert (published_dir / path).is_file()
    google = parse_qs(urlsplit(timed["google"]).query)
    assert google["dates"] == ["20250919T150000/20250919T180000"]
    assert google["ctz"] == ["Asia/Kolkata"]
    assert google["details"][0].endswith(f"{JHANSI}#session-msme-prospects-and-challenges")
    assert links(page.get_element_by_id("session-new-funding-options")) == {}


def test_preview_links_to_the_ics_relatively_and_subscribes_on_the_preview_server(site_dir):
    page_path = site_dir / "en" / JHANSI / "index.html"
    whole = links(parse(page_path).get_element_by_id("add-to-calendar").getparent())
    target = urljoin(page_path.as_uri(), whole["ics"])
    assert target == (site_dir / "en" / JHANSI / "calendar.ics").as_uri()
    assert whole["webcal"] == f"webcal://localhost:8000/en/{JHANSI}calendar.ics"


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_home_page_offers_every_conclave(published_dir, lang):
    prefix = PREFIXES[lang]
    home = parse(published_dir / prefix / "index.html")
    every = links(home.get_element_by_id("subscribe").getparent())
    assert every["ics"] == f"{DOMAIN}/{prefix}calendar.ics"
    assert every["webcal"] == f"webcal://sammelan.example.org/{prefix}calendar.ics"
    assert parse_qs(urlsplit(every["google"]).query)["cid"] == [every["webcal"]]


def test_every_field_of_a_google_link_reads_back_as_written():
    """Titles and places hold what a URL must escape (Hindi, `&`, `#`, `%`, `+`, line
    breaks): Google Calendar, like any reader of the query, gets each field whole."""
    fields = {"action": "TEMPLATE", "text": "बी2बी बैठकें & Q/A: 50% + more?",
              "details": "पहला सत्र\n\nhttps://example.in/conclaves/x/#session-a b",
              "location": "होटल लेमन ट्री, झांसी (उ.प्र.) ~ 'Hall' #2", "ctz": "Asia/Kolkata"}
    link = f"{GOOGLE}?{query(fields)}"
    read = parse_qs(urlsplit(link).query, keep_blank_values=True, strict_parsing=True)
    assert read == {
        name: [value] for name, value in fields.items()}
    assert " " not in link and "\n" not in link

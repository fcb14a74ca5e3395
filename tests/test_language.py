"""Language done properly: interface catalogs complete and current, and text in the
other script marked with its own `lang` so screen readers pronounce it right."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import pytest
from babel.messages.pofile import read_po
from conftest import html_pages, parse, text_of
from icalendar import Calendar
from sammelan.i18n.catalog import catalog_path

SCRIPTS = {"hi": re.compile(r"[A-Za-z]{2,}"), "en": re.compile(r"[\u0900-\u097F]+")}
ALLOWED: dict[str, set[str]] = {"hi": set(), "en": set()}
AM_PM = re.compile(r"\b[ap]\.?m\b", re.IGNORECASE)
WHATSAPP = "https://wa.me/?text="
READ_ATTRIBUTES = ("content", "title", "aria-label", "alt")  # words, not addresses
CALENDAR_TEXTS = ("NAME", "X-WR-CALNAME", "SUMMARY", "DESCRIPTION", "LOCATION")


def test_hindi_catalog_has_every_string_translated():
    with catalog_path("hi").open("rb") as handle:
        catalog = read_po(handle)
    untranslated = [m.id for m in catalog if m.id and not m.string]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated and not fuzzy, (untranslated, fuzzy)


def test_catalog_is_not_stale(pot):
    """Every string in the templates and code is in the catalog, and no other."""
    with pot.open("rb") as handle:
        wanted = {m.id for m in read_po(handle) if m.id}
    with catalog_path("hi").open("rb") as handle:
        present = {m.id for m in read_po(handle) if m.id}
    assert wanted - present == set(), "run `invoke i18n-update` and translate"
    assert present - wanted == set(), "run `invoke i18n-update` to drop unused strings"


def _unmarked(path, lang):
    found = set()
    for element in parse(path).iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        for owner, text in ((element, element.text), (element.getparent(), element.tail)):
            if owner is None or not text:
                continue
            words = set(SCRIPTS[lang].findall(text)) - ALLOWED[lang]
            if words and _lang_of(owner) == lang:
                found |= words
    return found


def _lang_of(element):
    while element is not None:
        if element.get("lang"):
            return element.get("lang")
        element = element.getparent()
    return None


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_text_in_the_other_script_carries_its_lang(site_dir, lang):
    pages = [p for p in html_pages(site_dir) if ("/en/" in str(p)) == (lang == "en")]
    problems = {p.relative_to(site_dir).as_posix(): _unmarked(p, lang) for p in pages}
    assert not {k: v for k, v in problems.items() if v}


def hindi(site_dir, pattern: str) -> list:
    return [p for p in sorted(site_dir.rglob(pattern))
            if not p.relative_to(site_dir).as_posix().startswith("en/")]


def share_texts(page) -> list[str]:
    """The messages a page's WhatsApp links open with, without the page's address."""
    return [unquote(a.get("href").removeprefix(WHATSAPP)).rsplit("\n", 1)[0]
            for a in parse(page).iter("a") if (a.get("href") or "").startswith(WHATSAPP)]


def readable(page) -> list[str]:
    """What a reader, a link preview or a search engine reads of a page: its text (JSON-LD
    included), the words of its attributes and its share texts."""
    tree = parse(page)
    attributes = [value for e in tree.iter() if isinstance(e.tag, str)
                  for name, value in e.attrib.items()
                  if name in READ_ATTRIBUTES and not value.startswith("http")]
    return [tree.text_content(), *attributes, *share_texts(page)]


def calendar_texts(path) -> list[str]:
    return [str(component[name]) for component in Calendar.from_ical(path.read_bytes()).walk()
            for name in CALENDAR_TEXTS if name in component]


def test_no_hindi_page_share_text_calendar_or_feed_says_am_or_pm(site_dir):
    pages = {p: readable(p) for p in hindi(site_dir, "*.html")}
    pages |= {p: calendar_texts(p) for p in hindi(site_dir, "*.ics")}
    pages |= {p: [e.text or "" for e in ET.parse(p).iter() if not e.tag.endswith("}id")]
              for p in hindi(site_dir, "feed.atom.xml")}
    latin = {p.relative_to(site_dir).as_posix(): AM_PM.findall(" ".join(texts))
             for p, texts in pages.items()}
    assert not {page: found for page, found in latin.items() if found}
    # the times are there, in Hindi words: on the page, in its share text, in the news
    jhansi = site_dir / "conclaves/msme-for-bharat-jhansi-2025/index.html"
    assert "दोपहर 3:00 – शाम 6:00 भारतीय समय" in text_of(jhansi)
    assert any("दोपहर 3:00 – शाम 6:00 भारतीय समय" in t for t in share_texts(jhansi))
    assert "रात 9:40 भारतीय समय" in text_of(site_dir / "news" /
                                          "msme-defence-conclave-jharkhand-first/index.html")


@pytest.mark.parametrize(("lang", "term", "others"), [
    ("hi", "भारतीय समय", ("भारतीय मानक समय", "आईएसटी", "IST")),
    ("en", "IST", ("India Standard Time", "India Time"))])
def test_one_name_for_indian_time_per_language(site_dir, lang, term, others):
    pages = [p for p in html_pages(site_dir) if ("/en/" in str(p)) == (lang == "en")]
    texts = {p.relative_to(site_dir).as_posix(): text_of(p) for p in pages}
    assert all(term in text for text in texts.values())  # at least the footer says it
    assert not {p: [o for o in others if o in t] for p, t in texts.items()
                if any(o in t for o in others)}


@pytest.mark.parametrize(("lang", "events", "conclaves"), [("hi", "आयोजन", "सम्मेलन"),
                                                             ("en", "Events", "Conclaves")])
def test_the_site_calls_its_events_events_not_all_conclaves(site_dir, lang, events, conclaves):
    """Workshops and awareness programmes are listed too: the menu, the list of them and
    the breadcrumbs use the general word."""
    prefix = site_dir / ("en" if lang == "en" else "")
    for page in html_pages(prefix / "conclaves") + [prefix / "index.html"]:
        tree = parse(page)
        menu = [a.text_content() for nav in tree.iter("nav") for a in nav.iter("a")
                if a.get("href", "").rstrip("/").endswith("conclaves")]
        assert menu == [events]
    listing = parse(prefix / "conclaves/index.html")
    assert listing.findtext(".//h1") == events
    crumbs = [json.loads(s.text) for s in parse(
        prefix / "conclaves/msme-cluster-workshop-shimla-2025/index.html").iter("script")]
    [trail] = [c for c in crumbs if c.get("@type") == "BreadcrumbList"]
    assert trail["itemListElement"][1]["name"] == events
    home = parse(prefix / "index.html")
    assert conclaves.lower() not in home.findtext(".//h1").lower()
    sections = [home.get_element_by_id(s).text_content() for s in ("upcoming", "past")]
    assert all(events.lower() in heading.lower() for heading in sections)

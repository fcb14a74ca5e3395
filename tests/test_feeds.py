"""The Atom feeds: one per language, of the news and the conclaves."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

import pytest
from seo_pages import SITEURL

A = {"a": "http://www.w3.org/2005/Atom"}
FEEDS = {"hi": "feed.atom.xml", "en": "en/feed.atom.xml"}


def feed(output, lang) -> ET.Element:
    return ET.parse(output / FEEDS[lang]).getroot()


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_feed_parses_and_says_what_and_whose_it_is(published_dir, lang):
    root = feed(published_dir, lang)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    prefix = "en/" if lang == "en" else ""
    assert root.findtext("a:id", namespaces=A) == f"{SITEURL}/{prefix}"
    self_link = root.find("a:link[@rel='self']", A).get("href")
    assert self_link == f"{SITEURL}/{FEEDS[lang]}"
    assert root.findtext("a:author/a:name", namespaces=A)


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_feed_has_every_conclave_and_news_item_with_a_date(published_dir, lang):
    root = feed(published_dir, lang)
    entries = root.findall("a:entry", A)
    ids = [e.findtext("a:id", namespaces=A) for e in entries]
    prefix = f"{SITEURL}/en/" if lang == "en" else f"{SITEURL}/"
    assert sum(i.startswith(prefix + "conclaves/") for i in ids) == 4
    assert prefix + "news/msme-defence-conclave-jharkhand-first/" in ids
    stamps = [dt.datetime.fromisoformat(e.findtext("a:updated", namespaces=A)) for e in entries]
    assert stamps == sorted(stamps, reverse=True)
    newest = dt.datetime.fromisoformat(root.findtext("a:updated", namespaces=A))
    assert newest == stamps[0]
    for entry in entries:
        assert entry.findtext("a:title", namespaces=A)
        assert entry.find("a:link", A).get("href") == entry.findtext("a:id", namespaces=A)
        assert entry.find("a:content", A).get("type") == "html"


def test_english_feed_summarises_jamshedpur_in_english(published_dir):
    root = feed(published_dir, "en")
    entry = next(e for e in root.findall("a:entry", A)
                 if e.findtext("a:title", namespaces=A) == "MSME Defence Conclave 2026")
    assert entry.findtext("a:summary", namespaces=A).startswith("16–17 January 2026")
    news = next(e for e in root.findall("a:entry", A) if e.find("a:published", A) is not None)
    assert news.findtext("a:published", namespaces=A) == "2026-01-03T21:40:00+05:30"

"""A title written to break out of its context stays inert text in every output.

The loader may one day refuse some of these characters; this test is about escaping on
output, so it feeds them through the whole build and reads every format back."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import icalendar
from conftest import build_into, html_pages, parse
from seo_pages import LD_JSON, jsonld, meta

HOSTILE = '</script><script>alert(1)</script> "quotes" & ampersands देवनागरी'
SLUG = "msme-for-bharat-jhansi-2025"
ATOM = "{http://www.w3.org/2005/Atom}"
SVG = "{http://www.w3.org/2000/svg}"


def with_hostile_title(project):
    source = project / "data/conclaves" / f"{SLUG}.yaml"
    text = source.read_text(encoding="utf-8")
    quoted = json.dumps(HOSTILE, ensure_ascii=False)  # a JSON string is a YAML scalar
    text = text.replace("  hi: एमएसएमई फॉर भारत कॉन्क्लेव, झांसी\n", f"  hi: {quoted}\n", 1)
    text = text.replace("  en: MSME for Bharat Conclave, Jhansi\n", f"  en: {quoted}\n", 1)
    source.write_text(text, encoding="utf-8")


def test_hostile_title_stays_inert_in_every_output(project, tmp_path):
    with_hostile_title(project)
    output = tmp_path / "output"
    assert build_into(output, "publishconf.py", root=project) == 0
    check_pages(output)
    for prefix in ("", "en/"):
        check_conclave_page(output / prefix / "conclaves" / SLUG / "index.html")
        check_feed(output / prefix / "feed.atom.xml")
        check_qr(output / prefix / "conclaves" / SLUG / "qr.svg")
        check_calendar(output / prefix / "conclaves" / SLUG / "calendar.ics")
        check_schedule(output / prefix / "conclaves" / SLUG)
    ET.parse(output / "sitemap.xml")


def check_pages(output):
    """No page runs a script: as a browser parses them, the only <script> elements are the
    JSON-LD data blocks, and each of them still parses. (A raw "<script>" inside a quoted
    attribute value is text.)"""
    for page in html_pages(output):
        scripts = list(parse(page).iter("script"))
        assert all(s.get("type") == LD_JSON and "<" not in s.text for s in scripts), page
        jsonld(page)


def check_conclave_page(page):
    tree = parse(page)
    assert tree.find(".//h1").text_content() == HOSTILE
    assert tree.find(".//title").text_content().startswith(HOSTILE)
    assert meta(page)["og:title"] == HOSTILE
    assert meta(page)["description"].startswith(HOSTILE)
    data = {d["@type"]: d for d in jsonld(page)}
    assert data["Event"]["name"] == HOSTILE
    assert data["BreadcrumbList"]["itemListElement"][-1]["name"] == HOSTILE
    whatsapp = tree.find_class("share")[0].find(".//a").get("href")
    assert HOSTILE in unquote(whatsapp)


def check_feed(path):
    titles = [e.findtext(f"{ATOM}title") for e in ET.parse(path).getroot().iter(f"{ATOM}entry")]
    assert HOSTILE in titles


def check_qr(path):
    assert ET.parse(path).getroot().findtext(f"{SVG}title") == HOSTILE


def check_calendar(path):
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    summaries = [str(e.get("SUMMARY")) for e in calendar.walk("VEVENT")]
    assert HOSTILE in summaries


def check_schedule(folder):
    data = json.loads((folder / "schedule.json").read_text(encoding="utf-8"))
    assert data["schedule"]["conference"]["title"] == HOSTILE
    root = ET.parse(folder / "schedule.xml").getroot()
    assert root.findtext("conference/title") == HOSTILE

"""data/site.yaml: the site's name, publisher, contact, footer statement and published
address are the organizers' data, shown in both languages wherever the site names itself."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from breaking import messages
from conftest import BUILD_EPOCH, build_into, copy_project, digest, parse, text_of
from icalendar import Calendar
from sammelan.options import OptionError, site_url_from_environment
from seo_pages import meta, of_type

SITE = "data/site.yaml"
PREFIXES = {"hi": "", "en": "en/"}
OWN = """\
# yaml-language-server: $schema=../schemas/site.schema.json
name:
  hi: पंजाब एमएसएमई मंच
  en: Punjab MSME Forum
description:
  hi: पंजाब के उद्यमों के लिए सम्मेलन।
  en: Conclaves for the enterprises of Punjab.
publisher: ministry-of-msme
contact:
  email: events@example.org
  phone: "+91 161 234 5678"
statement:
  hi: सारी जानकारी आयोजकों की अपनी है।
  en: Every fact is the organizers' own.
url: https://msme.example.in/
"""
NAME = {"hi": "पंजाब एमएसएमई मंच", "en": "Punjab MSME Forum"}
STATEMENT = {"hi": "सारी जानकारी आयोजकों की अपनी है।", "en": "Every fact is the organizers' own."}
PUBLISHER = {"hi": "सूक्ष्म, लघु और मध्यम उद्यम मंत्रालय, भारत सरकार",
             "en": "Ministry of Micro, Small and Medium Enterprises, Government of India"}
SEEDED_STATEMENT = {"hi": "जानकारी प्रकाशित समाचार रिपोर्टों से ली गई है",
                    "en": "Facts come from published news reports"}
A = {"a": "http://www.w3.org/2005/Atom"}


@pytest.fixture(scope="module")
def own(tmp_path_factory) -> Path:
    """The seeded content published under the organizers' own settings."""
    project = copy_project(tmp_path_factory.mktemp("own") / "project")
    (project / SITE).write_text(OWN, encoding="utf-8")
    output = project.parent / "output"
    assert build_into(output, "publishconf.py", root=project) == 0
    return output


def footer(page: Path) -> str:
    return " ".join(parse(page).find(".//footer").text_content().split())


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_every_page_carries_the_sites_own_name_statement_and_contact(own, lang):
    pages = [own / PREFIXES[lang] / p for p in (
        "index.html", "conclaves/msme-for-bharat-jhansi-2025/index.html",
        "speakers/rakesh-bala/index.html", "news/index.html", "404.html")]
    for page in pages:
        tree = parse(page)
        assert tree.findtext(".//title").endswith(f" · {NAME[lang]}"), page
        assert tree.find_class("brand")[0].text_content() == NAME[lang]
        text = footer(page)
        assert STATEMENT[lang] in text and SEEDED_STATEMENT[lang] not in text
        assert PUBLISHER[lang] in text
        links = {a.get("href") for a in tree.find(".//footer").iter("a")}
        assert {"mailto:events@example.org", "tel:+911612345678", "https://msme.gov.in"} <= links
        assert meta(page)["og:site_name"] == NAME[lang]
    home = parse(pages[0])
    assert home.find_class("lede")[0].text_content() == {
        "hi": "पंजाब के उद्यमों के लिए सम्मेलन।", "en": "Conclaves for the enterprises of Punjab."}[lang]


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_structured_data_names_the_site_and_its_publisher(own, lang):
    (site,) = of_type(own / PREFIXES[lang] / "index.html", "WebSite")
    assert site["name"] == NAME[lang]
    assert site["url"] == f"https://msme.example.in/{PREFIXES[lang]}"
    assert site["publisher"] == {"@type": "Organization", "name": PUBLISHER[lang],
                                 "url": "https://msme.gov.in", "email": "events@example.org",
                                 "telephone": "+91 161 234 5678"}
    news = own / PREFIXES[lang] / "news/msme-defence-conclave-jharkhand-first/index.html"
    (article,) = of_type(news, "NewsArticle")
    assert article["publisher"]["name"] == PUBLISHER[lang]


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_feed_and_calendar_are_named_for_the_site(own, lang):
    feed = ET.parse(own / PREFIXES[lang] / "feed.atom.xml").getroot()
    assert feed.findtext("a:title", namespaces=A).startswith(f"{NAME[lang]}: ")
    assert feed.findtext("a:author/a:name", namespaces=A) == PUBLISHER[lang]
    assert feed.findtext("a:author/a:email", namespaces=A) == "events@example.org"
    assert feed.findtext("a:id", namespaces=A) == f"https://msme.example.in/{PREFIXES[lang]}"
    calendar = Calendar.from_ical((own / PREFIXES[lang] / "calendar.ics").read_bytes())
    assert str(calendar["X-WR-CALNAME"]).startswith(f"{NAME[lang]}: ")


def test_the_published_address_comes_from_the_data_file(own):
    page = own / "conclaves/msme-for-bharat-jhansi-2025/index.html"
    canonical = [link.get("href") for link in parse(page).iter("link")
                 if link.get("rel") == "canonical"]
    assert canonical == ["https://msme.example.in/conclaves/msme-for-bharat-jhansi-2025/"]
    uids = {str(e["UID"]) for e in Calendar.from_ical(
        (page.parent / "calendar.ics").read_bytes()).walk("VEVENT")}
    assert uids and all(u.endswith("@msme.example.in") for u in uids)


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_without_the_file_the_site_is_sammelan_and_names_no_publisher(project, tmp_path,
                                                                       lang):
    (project / SITE).unlink()
    assert build_into(tmp_path / "out", root=project) == 0
    page = tmp_path / "out" / PREFIXES[lang] / "index.html"
    name = {"hi": "सम्मेलन", "en": "Sammelan"}[lang]
    assert parse(page).findtext(".//title").endswith(f" · {name}")
    paragraphs = [" ".join(p.text_content().split())
                  for p in parse(page).find(".//footer").iter("p")]
    # the time zone, then when the page last changed: no statement, publisher or contact
    assert len(paragraphs) == 2 and paragraphs[0] == {
        "hi": "सभी समय भारतीय समय के अनुसार हैं।",
        "en": "All times are Indian Standard Time (IST)."}[lang]


def run(project: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    environment = dict(os.environ, PYTHONPATH=str(project / "plugins"),
                       SOURCE_DATE_EPOCH=BUILD_EPOCH, LANGUAGE="", LC_ALL="", LC_MESSAGES="",
                       LANG="C.UTF-8")
    environment.pop("SAMMELAN_SITEURL", None)
    environment.update(env)
    return subprocess.run([sys.executable, "-m", "sammelan", *args], cwd=project,
                          env=environment, capture_output=True, text=True, timeout=300)


def test_the_environment_address_takes_the_place_of_the_files(project):
    done = run(project, "build", "--settings", "publishconf.py",
               SAMMELAN_SITEURL="https://staging.example.net/")
    assert done.returncode == 0, done.stderr
    page = project / "output/en/index.html"
    (site,) = of_type(page, "WebSite")
    assert site["url"] == "https://staging.example.net/en/"
    # another address is another site, never "Nothing changed"
    done = run(project, "build", "--settings", "publishconf.py",
               SAMMELAN_SITEURL="https://trial.example.net")
    assert done.returncode == 0 and "Nothing changed" not in done.stderr
    assert of_type(page, "WebSite")[0]["url"] == "https://trial.example.net/en/"
    # the preview keeps the preview server, whatever the environment says
    assert run(project, "build", "--output", "preview",
               SAMMELAN_SITEURL="https://staging.example.net").returncode == 0
    uids = {str(e["UID"]) for e in Calendar.from_ical(
        (project / "preview/calendar.ics").read_bytes()).walk("VEVENT")}
    assert uids and all(u.endswith("@localhost") for u in uids)


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "SAMMELAN_SITEURL='ftp://x' is not a web address — fix: set it to the address"),
    ("hi", "SAMMELAN_SITEURL='ftp://x' वेब पता नहीं है — सुधार: इसे उस पते पर सेट करें")])
def test_a_bad_environment_address_is_refused_in_the_readers_language(project, lang,
                                                                      expected):
    done = run(project, "build", "--settings", "publishconf.py", SAMMELAN_SITEURL="ftp://x",
               LANGUAGE=lang)
    assert done.returncode == 1 and expected in done.stderr
    assert "Traceback" not in done.stderr
    with pytest.raises(OptionError):
        site_url_from_environment({"SAMMELAN_SITEURL": "sammelan.example.org"})
    assert site_url_from_environment({}) is None


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "the site is published, but its address is not known — fix: add `url: https://…` "
           f"(the address it is published at) to {SITE}, or set the environment variable "
           "SAMMELAN_SITEURL"),
    ("hi", "साइट प्रकाशित की जा रही है, पर उसका पता (URL) मालूम नहीं है")])
def test_publishing_without_an_address_is_a_located_error_and_keeps_the_last_site(
        project, lang, expected):
    assert run(project, "build", "--settings", "publishconf.py").returncode == 0
    before = digest(project / "output")
    path = project / SITE
    path.write_text(path.read_text(encoding="utf-8").replace(
        "url: https://sammelan.example.org\n", ""), encoding="utf-8")
    done = run(project, "build", "--settings", "publishconf.py", LANGUAGE=lang)
    assert done.returncode == 1
    (line,) = [line for line in done.stderr.splitlines() if line.startswith(f"{SITE}: ")]
    assert "[url]: " in line and expected in line
    assert digest(project / "output") == before


def test_mistakes_in_the_settings_are_located(project):
    (project / SITE).write_text(
        "name:\n  hi: मंच\n  en: Forum\npublisher: ministry-of-msm\ncontact:\n"
        "  email: not-an-address\nurl: sammelan.example.org\n", encoding="utf-8")
    found = messages(project)
    assert found[0].startswith(f"{SITE}:6:10: error [contact.email]: `not-an-address` is not "
                               "in the right form — fix: E-mail address")
    assert found[1].startswith(f"{SITE}:7:6: error [url]: `sammelan.example.org` is not in "
                               "the right form — fix: The address the site is published at")
    (project / SITE).write_text("name:\n  hi: मंच\n  en: Forum\npublisher: ministry-of-msm\n",
                                encoding="utf-8")
    assert messages(project) == [
        f"{SITE}:4:12: error [publisher]: no organization with the slug `ministry-of-msm` in "
        "data/organizations/ — fix: did you mean `ministry-of-msme`? If not, create it with "
        "`invoke new organization ministry-of-msm`"]


def test_two_settings_files_are_refused(project):
    (project / "data/site.yml").write_bytes((project / SITE).read_bytes())
    assert messages(project) == [
        "data/site.yml: error: `data/site.yaml` and `data/site.yml` are both the site's "
        "settings — fix: keep one of them (ending in .yaml) and delete the other"]


def test_the_pages_of_a_settings_change_are_made_again(project, tmp_path):
    output = tmp_path / "out"
    assert build_into(output, root=project) == 0
    speaker = output / "en/speakers/rakesh-bala/index.html"
    assert SEEDED_STATEMENT["en"] in text_of(speaker)
    (project / SITE).write_text(OWN, encoding="utf-8")
    assert build_into(output, root=project) == 0
    assert STATEMENT["en"] in text_of(speaker) and NAME["en"] in text_of(speaker)

"""What the Guidelines for Indian Government Websites (GIGW 3.0) expect a visitor to find:
an accessibility statement and a help page in both languages, linked from every footer; the
day each page last changed; links that leave the site marked; an HTML site map of every page;
a favicon."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from conftest import build_into, html_pages, parse, text_of
from lxml import etree
from sammelan.i18n.catalog import Gettext
from sammelan.model.loader import source_files
from sammelan.render import favicon, formats
from sammelan.render.plaintext import first_paragraph
from sammelan.sources import prose, provenance

SITE = "https://sammelan.example.org/"  # the fixture's published address (data/site.yaml)
ABOUT = {"accessibility/": {"hi": "सुगम्यता विवरण", "en": "Accessibility statement"},
         "help/": {"hi": "सहायता और संपर्क", "en": "Help and contact"},
         "sitemap/": {"hi": "साइट मैप", "en": "Site map"}}
LEAVING = {"hi": "(बाहरी वेबसाइट)", "en": "(external website)"}
SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
JAMSHEDPUR = "conclaves/msme-defence-conclave-2026/"


def language(page) -> str:
    return page.get("lang")


def prefix(lang: str) -> str:
    return "" if lang == "hi" else "en/"


def footer(page):
    return page.find(".//footer")


def published_pages(published_dir: Path) -> list[tuple[str, object]]:
    """(address, parsed page) of every HTML file of the published build, 404s included."""
    found = []
    for path in html_pages(published_dir):
        relative = path.relative_to(published_dir).as_posix()
        address = SITE + relative.removesuffix("index.html")
        found.append((address, parse(path)))
    return found


def sitemap_dates(published_dir: Path) -> dict[str, str]:
    tree = etree.parse(str(published_dir / "sitemap.xml"))
    return {url.findtext("s:loc", namespaces=SITEMAP_NS): url.findtext("s:lastmod",
                                                                          namespaces=SITEMAP_NS)
            for url in tree.getroot().findall("s:url", SITEMAP_NS)}


# the accessibility statement, help and site map ----------------------------------------

def test_every_page_footer_links_the_statement_help_and_site_map_in_its_language(published_dir):
    pages = published_pages(published_dir)
    assert len(pages) > 60
    for address, page in pages:
        lang = language(page)
        links = {a.text_content().strip(): a.get("href") for a in footer(page).iter("a")}
        for folder, names in ABOUT.items():
            assert links.get(names[lang]) == SITE + prefix(lang) + folder, address


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_the_statement_and_help_exist_in_both_languages_and_say_no_contact_is_set(site_dir,
                                                                                   lang):
    statement = text_of(site_dir / prefix(lang) / "accessibility/index.html")
    help_page = text_of(site_dir / prefix(lang) / "help/index.html")
    none = {"hi": "इस साइट ने अभी कोई संपर्क पता या फ़ोन नंबर प्रकाशित नहीं किया है।",
            "en": "This site has not published a contact address or phone number yet."}[lang]
    assert none in statement and none in help_page  # the fixture's site.yaml has no contact
    assert {"hi": "200%", "en": "200%"}[lang] in statement
    assert {"hi": "सीधे सामग्री पर जाएं", "en": "Skip to content"}[lang] in statement
    for words in {"hi": ["webcal", "व्हाट्सऐप", "समय की घोषणा होनी है", "प्रिंट"],
                  "en": ["webcal", "WhatsApp", "Time to be announced", "print"]}[lang]:
        assert words in help_page, words


def test_the_statement_and_help_give_the_contact_the_site_sets(project, tmp_path):
    settings = project / "data/site.yaml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "url: ", "contact:\n  email: help@example.org\n  phone: \"+91 11 2306 0000\"\nurl: "),
        encoding="utf-8")
    assert build_into(tmp_path / "out", root=project) == 0
    for lang in ("hi", "en"):
        for folder in ("accessibility", "help"):
            page = parse(tmp_path / "out" / prefix(lang) / folder / "index.html")
            main = page.find(".//main")
            hrefs = [a.get("href") for a in main.iter("a")]
            assert "mailto:help@example.org" in hrefs and "tel:+911123060000" in hrefs
            assert "not published a contact" not in main.text_content()


def test_breadcrumbs_name_the_pages_about_the_site(published_dir):
    page = parse(published_dir / "en/accessibility/index.html")
    scripts = [json.loads(s.text) for s in page.iterfind(".//script")]
    trail = next(s for s in scripts if s["@type"] == "BreadcrumbList")["itemListElement"]
    assert [(i["name"], i["item"]) for i in trail] == [
        ("Home", SITE + "en/"), ("Accessibility statement", SITE + "en/accessibility/")]


# last updated -------------------------------------------------------------------------

def test_every_page_says_when_it_last_changed_as_its_sitemap_entry_does(published_dir):
    dates = sitemap_dates(published_dir)
    for address, page in published_pages(published_dir):
        times = footer(page).findall(".//time")
        assert len(times) == 1, address
        if address in dates:  # the 404 pages are in no sitemap
            assert times[0].get("datetime") == dates[address], address


def test_last_updated_is_the_recorded_change_of_the_pages_sources(project, tmp_path):
    """A conclave whose files changed on 20 November 2025 (data/changed.json) says so; a
    speaker unchanged since the build's epoch says 1 January 2026; the list of conclaves
    gives the newest of them."""
    slug = JAMSHEDPUR.split("/")[1]
    files = source_files("conclave", slug)
    record = {f"conclaves/{slug}": {"digest": provenance.digest(project, files),
                                    "changed": "2025-11-20T05:00:00+00:00"}}
    (project / provenance.RECORD).write_text(json.dumps(record), encoding="utf-8")
    out = tmp_path / "out"
    assert build_into(out, root=project) == 0

    def said(relative: str) -> tuple[str, str]:
        time = footer(parse(out / relative / "index.html")).find(".//time")
        return time.get("datetime"), time.text

    assert said("en/" + JAMSHEDPUR) == ("2025-11-20T05:00:00+00:00", "20 November 2025")
    assert said(JAMSHEDPUR) == ("2025-11-20T05:00:00+00:00", "20 नवंबर 2025")
    # the epoch of the tests' builds, 1 January 2026 00:00 in India
    assert said("en/speakers/sanjay-seth/") == ("2025-12-31T18:30:00+00:00", "1 January 2026")
    assert said("en/conclaves/") == ("2025-12-31T18:30:00+00:00", "1 January 2026")


# links that leave the site ------------------------------------------------------------

def test_every_link_to_another_site_has_rel_external_and_says_so_in_the_pages_language(
        published_dir):
    marked = 0
    for address, page in published_pages(published_dir):
        lang = language(page)
        for link in page.iter("a"):
            href = link.get("href") or ""
            if urlsplit(href).scheme not in ("http", "https") or href.startswith(SITE):
                continue
            assert "external" in (link.get("rel") or "").split(), (address, href)
            hidden = link.find(".//span[@class='visually-hidden']")
            assert hidden is not None and hidden.text.strip() == LEAVING[lang], (address, href)
            assert link.find(".//span[@aria-hidden='true']").text == "\u2197"
            marked += 1
    assert marked > 50  # maps, share and Google Calendar links, organizations' websites


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_prose_links_to_other_sites_are_marked_once_when_read(lang):
    html = prose.to_html("[MSME](https://msme.gov.in/) and [our news](../news/), "
                         "[mail](mailto:a@example.org)", lang)
    page = etree.fromstring(f"<div>{html}</div>")
    external, internal, mail = page.iter("a")
    assert external.get("rel") == "external noopener"
    assert external.xpath("string(.)") == f"MSME\u2197 {LEAVING[lang]}"
    assert internal.get("rel") == mail.get("rel") == "noopener"
    assert internal.xpath("string(.)") == "our news" and mail.xpath("string(.)") == "mail"


# the HTML site map --------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["hi", "en"])
def test_the_html_site_map_lists_every_page_that_sitemap_xml_lists(published_dir, lang):
    listed = {a for a in sitemap_dates(published_dir)
              if (a.startswith(SITE + "en/")) == (lang == "en")}
    page = parse(published_dir / prefix(lang) / "sitemap/index.html")
    main = page.find(".//main")
    linked = [urljoin(SITE, a.get("href")) for a in main.iter("a")]
    assert sorted(linked) == sorted(listed)
    _ = Gettext(lang)
    assert [h.text for h in main.iter("h2")] == [
        _(name) for name in ("Events", "Speakers", "Schemes", "News", "About this site")]


# favicon ------------------------------------------------------------------------------

def test_every_page_links_the_svg_favicon_and_the_ico_is_at_the_root(published_dir):
    for address, page in published_pages(published_dir):
        icon = page.find(".//head/link[@rel='icon']")
        assert icon.get("href") == SITE + "favicon.svg", address
        assert icon.get("type") == "image/svg+xml"
    assert (published_dir / "favicon.ico").read_bytes() == favicon.ico()
    assert formats.media_type("favicon.ico") == "image/x-icon"
    assert formats.media_type("favicon.svg") == "image/svg+xml"
    svg = etree.fromstring((published_dir / "favicon.svg").read_bytes())
    assert svg.get("viewBox") == "0 0 32 32"


def test_the_ico_holds_a_16_and_a_32_pixel_image_with_transparent_corners():
    data = favicon.ico()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, 2)
    for index, size in enumerate((16, 32)):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * index)
        assert (width, height, planes, bits) == (size, size, 1, 32)
        header = struct.unpack_from("<IiiHHI", data, offset)
        assert header == (40, size, 2 * size, 1, 32, 0)
        pixels = data[offset + 40:offset + 40 + size * size * 4]
        top_left = pixels[(size - 1) * size * 4:(size - 1) * size * 4 + 4]  # rows bottom-up
        middle = pixels[(size // 2 * size + size // 2) * 4:][:4]
        assert top_left[3] == 0 and middle[3] == 255
        assert offset + length <= len(data)


def test_descriptions_made_from_prose_leave_the_external_mark_out():
    html = prose.to_html("Apply on [the portal](https://msme.gov.in/) today.", "en")
    assert first_paragraph(html) == "Apply on the portal today."

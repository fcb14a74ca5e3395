"""sitemap.xml (every HTML page of both languages, with its alternates and the time its
sources last changed) and robots.txt pointing at it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

from sammelan.model.entities import DEFAULT_LANGUAGE, LANGUAGES, Site
from sammelan.render import urls
from sammelan.render.canonical import absolute, base
from sammelan.render.freshness import last_modified
from sammelan.render.pages import Page, all_pages

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def render(site: Site, settings: dict) -> Iterator[tuple[str, bytes]]:
    site_base = base(settings)
    yield "sitemap.xml", sitemap(site, site_base)
    yield "robots.txt", robots(site_base).encode("utf-8")


def sitemap(site: Site, site_base: str) -> bytes:
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("xhtml", XHTML_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for page in all_pages(site):
        if page.indexable:
            root.append(entry(site, page, site_base))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def entry(site: Site, page: Page, site_base: str) -> ET.Element:
    url = ET.Element(f"{{{SITEMAP_NS}}}url")
    ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = absolute(site_base, page.path)
    changed = last_modified(site, page)
    if changed is not None:
        ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = changed.isoformat("T", "seconds")
    for hreflang, path in alternates(page.path):
        ET.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=hreflang,
                      href=absolute(site_base, path))
    return url


def alternates(path: str) -> list[tuple[str, str]]:
    """Every language's version of a page, the page itself included, and x-default."""
    found = [(lang, urls.translate(path, lang)) for lang in LANGUAGES]
    return found + [("x-default", urls.translate(path, DEFAULT_LANGUAGE))]


def robots(site_base: str) -> str:
    """Everything may be crawled. The Sitemap line needs a full address, so the preview
    (which has no domain) leaves it out."""
    lines = ["User-agent: *", "Allow: /"]
    if site_base:
        lines += ["", f"Sitemap: {absolute(site_base, 'sitemap.xml')}"]
    return "\n".join(lines) + "\n"

"""sitemap.xml (every HTML page of both languages, with its alternates and the time its
sources last changed) and robots.txt pointing at it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

from sammelan.model.entities import DEFAULT_LANGUAGE, Site
from sammelan.render import formats, urls
from sammelan.render.config import RenderConfig
from sammelan.render.freshness import last_modified
from sammelan.render.jobs import Job, Keys, whole_site
from sammelan.render.pages import Page, all_pages

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def jobs(site: Site, config: RenderConfig, keys: Keys) -> Iterator[Job]:
    yield from whole_site("sitemap", keys, lambda: render(site, config),
                          [formats.SITEMAP.path(), formats.ROBOTS.path()])


def render(site: Site, config: RenderConfig) -> Iterator[tuple[str, bytes]]:
    yield formats.SITEMAP.path(), sitemap(site, config)
    yield formats.ROBOTS.path(), robots(config).encode("utf-8")


def sitemap(site: Site, config: RenderConfig) -> bytes:
    # The prefixes are written as plain names with their xmlns attributes, so that nothing
    # is registered in ElementTree's process-wide namespace table.
    root = ET.Element("urlset", {"xmlns": SITEMAP_NS, "xmlns:xhtml": XHTML_NS})
    for page in all_pages(site, config.languages):
        if page.indexable:
            root.append(entry(site, page, config))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def entry(site: Site, page: Page, config: RenderConfig) -> ET.Element:
    url = ET.Element("url")
    ET.SubElement(url, "loc").text = config.absolute(page.path)
    changed = last_modified(site, page)
    if changed is not None:
        ET.SubElement(url, "lastmod").text = changed.isoformat("T", "seconds")
    for hreflang, path in alternates(page.path, config.languages):
        ET.SubElement(url, "xhtml:link", rel="alternate", hreflang=hreflang,
                      href=config.absolute(path))
    return url


def alternates(path: str, languages: tuple[str, ...]) -> list[tuple[str, str]]:
    """Every language's version of a page, the page itself included, and x-default."""
    found = [(lang, urls.translate(path, lang)) for lang in languages]
    return found + [("x-default", urls.translate(path, DEFAULT_LANGUAGE))]


def robots(config: RenderConfig) -> str:
    """Everything may be crawled. The Sitemap line needs a full address, so the preview
    (which has no domain) leaves it out."""
    lines = ["User-agent: *", "Allow: /"]
    if config.base:
        lines += ["", f"Sitemap: {config.absolute(formats.SITEMAP.path())}"]
    return "\n".join(lines) + "\n"

"""sitemap.xml (every HTML page of both languages, with its alternates and the time its
sources last changed) and robots.txt pointing at it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from xml.sax.saxutils import escape

from sammelan.model.entities import DEFAULT_LANGUAGE, Site
from sammelan.render import formats, html, urls
from sammelan.render.config import RenderConfig
from sammelan.render.freshness import last_modified
from sammelan.render.jobs import Job, Keys, together
from sammelan.render.pages import Page, all_pages

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


def jobs(site: Site, config: RenderConfig, keys: Keys) -> Iterator[Job]:
    """Keyed, as the site map page is, by the fields the lists show (html.LISTED), which
    hold each entity's slug and time of change, all sitemap.xml reads of the site: read
    through html.Listing, anything else would stop the build rather than go stale."""
    listing = html.Listing(site, *html.frame(site))
    key = keys.of("sitemap", html.listed_key(site, tuple(html.FIELDS), keys))
    yield from together("sitemap", key, lambda: render(listing, config),
                        [formats.SITEMAP.path(), formats.ROBOTS.path()])


def render(site: Site, config: RenderConfig) -> Iterator[tuple[str, bytes]]:
    yield formats.SITEMAP.path(), sitemap(site, config)
    yield formats.ROBOTS.path(), robots(config).encode("utf-8")


def sitemap(site: Site, config: RenderConfig) -> bytes:
    """Written as text, in the layout ElementTree's indent gave it: ElementTree took half
    a second for the 9,000 pages of 1,000 conclaves, made again after every edit."""
    lines = ["<?xml version='1.0' encoding='utf-8'?>",
             f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="{XHTML_NS}">']
    versions: dict[str, str] = {}  # every version of a page names the same alternates
    for page in all_pages(site, config.languages):
        if page.indexable:
            lines += entry(site, page, config, versions)
    lines.append("</urlset>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def entry(site: Site, page: Page, config: RenderConfig, versions: dict[str, str]
          ) -> list[str]:
    lines = ["  <url>", f"    <loc>{_escaped(config.absolute(page.path))}</loc>"]
    changed = last_modified(site, page)
    if changed is not None:
        lines.append(f"    <lastmod>{changed.isoformat('T', 'seconds')}</lastmod>")
    default = urls.translate(page.path, DEFAULT_LANGUAGE)
    links = versions.get(default)
    if links is None:
        links = versions[default] = "\n".join(
            f'    <xhtml:link rel="alternate" hreflang="{_escaped(hreflang)}" '
            f'href="{_escaped(config.absolute(path))}" />'
            for hreflang, path in alternates(page.path, config.languages))
    return [*lines, links, "  </url>"]


def _escaped(text: str) -> str:
    """XML-escaped for text and double-quoted attributes alike; nearly every address has
    nothing to escape, and saxutils took a third of the time of a 9,000-page sitemap."""
    return escape(text, {'"': "&quot;"}) if _SPECIAL.search(text) else text


_SPECIAL = re.compile(r'[&<>"]')


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

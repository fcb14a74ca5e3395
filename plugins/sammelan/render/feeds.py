"""An Atom feed per language of the news and of the conclaves.

A conclave entry's `updated` is when what the entry says (its title, summary and content in
that language) last changed, not when its files did: Atom's "the most recent instant in
time when an entry was modified in a way the publisher considers significant". A status
comment or a session's room changes the conclave's page, not its entry. The times come
from data/changed.json (sources/provenance.py), never from the history at build time, so a
shallow clone and a tarball build the same bytes: under `feed/<lang>/conclaves/<slug>` it
records a digest of the entry's words and when they became that (`invoke
calendar-sequences` finds it in the history: tools/entry_history.py). Where the words
differ from the record, or none is recorded, the record is out of date for the entry, and
it takes its conclave's time of change, as every other output does."""

from __future__ import annotations

import datetime as dt
import hashlib
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial

from sammelan.i18n import formatting
from sammelan.i18n.catalog import N_, Gettext
from sammelan.i18n.labels import CONCLAVE_STATUS
from sammelan.model.entities import UNDATED, Conclave, NewsItem, Site
from sammelan.render import formats, urls
from sammelan.render.config import RenderConfig
from sammelan.render.jobs import Job, Keys, whole_site
from sammelan.render.plaintext import first_paragraph

ATOM_NS = "http://www.w3.org/2005/Atom"
FEED_TITLE = N_("%(site)s: events and news")
# The most recent entries: what a feed reader shows; every entry ever made would grow the
# feed without end (readers fetch it every few hours). The sitemap lists every page.
FEED_SIZE = 50


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    updated: dt.datetime
    summary: str
    content: str  # sanitized HTML
    published: dt.datetime | None = None



def jobs(site: Site, config: RenderConfig, keys: Keys) -> Iterator[Job]:
    for lang in config.languages:
        path = formats.FEED.path(lang)
        yield from whole_site("feeds", keys, lambda p=path, lang=lang: [
            (p, feed(site, lang, config))], [path])


def entries(site: Site, lang: str, config: RenderConfig) -> list[Entry]:
    """The FEED_SIZE latest, newest first (then by id): chosen by their time and address
    before any is written, of thousands of conclaves."""
    found = []
    for c in site.conclaves:
        updated = changed(site, c, lang)
        found.append((-updated.timestamp(), config.absolute(urls.conclave(lang, c.slug)),
                      partial(conclave_entry, updated=updated), c))
    found += [(-n.modified.timestamp(), config.absolute(urls.path(lang, "news", n.slug)),
               news_entry, n) for n in site.news]
    chosen = sorted(found, key=lambda f: f[:2])[:FEED_SIZE]
    return [make(entity, lang, config) for _, _, make, entity in chosen]


def conclave_entry(conclave: Conclave, lang: str, config: RenderConfig,
                   updated: dt.datetime | None = None) -> Entry:
    title, summary, content = words(conclave, lang)
    return Entry(config.absolute(urls.conclave(lang, conclave.slug)), title,
                 conclave.updated if updated is None else updated, summary, content)


def words(conclave: Conclave, lang: str) -> tuple[str, str, str]:
    """What a conclave's entry says: its title, summary and content (HTML)."""
    _ = Gettext(lang)
    title = conclave.title(lang)
    if conclave.status.changes_plans:  # news a reader of the feed must not miss
        title = f"{title} ({_(CONCLAVE_STATUS[conclave.status])})"
    summary = f"{formatting.when(conclave, lang)}, {conclave.venue.full_address(lang)}"
    return title, summary, conclave.description(lang)


def record_key(conclave: Conclave, lang: str) -> str:
    """How data/changed.json names a conclave's entry in one language's feed."""
    return f"feed/{lang}/conclaves/{conclave.slug}"


def said(conclave: Conclave, lang: str) -> str:
    """A digest of what the conclave's entry says in `lang`."""
    return hashlib.sha256("\0".join(words(conclave, lang)).encode("utf-8")).hexdigest()


def changed(site: Site, conclave: Conclave, lang: str) -> dt.datetime:
    """When the conclave's entry last said something else (see the module's comment)."""
    known = site.entry_changes.get(record_key(conclave, lang))
    if known is not None and known[0] == said(conclave, lang):
        return known[1]
    return conclave.updated


def news_entry(item: NewsItem, lang: str, config: RenderConfig) -> Entry:
    return Entry(config.absolute(urls.path(lang, "news", item.slug)), item.title(lang),
                 item.modified, first_paragraph(item.body(lang)),
                 item.body(lang), item.published)



def feed(site: Site, lang: str, config: RenderConfig) -> bytes:
    _ = Gettext(lang)
    items = entries(site, lang, config)
    home = config.absolute(urls.path(lang))
    # Atom is the default namespace, declared as a plain attribute: nothing is registered
    # in ElementTree's process-wide namespace table.
    root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": lang})
    settings = site.settings
    _text(root, "title", _(FEED_TITLE, site=settings.name(lang)))
    _link(root, home, "alternate", "text/html")
    _link(root, config.absolute(formats.FEED.path(lang)), "self", formats.FEED.essence)
    _text(root, "id", home)
    newest = items[0].updated if items else UNDATED
    _text(root, "updated", _stamp(newest))
    author = ET.SubElement(root, "author")
    # Atom requires an author: the site's publisher, else the site itself
    who = settings.publisher.name if settings.publisher else settings.name
    _text(author, "name", who(lang))
    if settings.email:
        _text(author, "email", settings.email)
    for item in items:
        root.append(entry_element(item))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def entry_element(item: Entry) -> ET.Element:
    element = ET.Element("entry")
    _text(element, "id", item.id)
    _text(element, "title", item.title)
    _link(element, item.id, "alternate", "text/html")
    if item.published is not None:
        _text(element, "published", _stamp(item.published))
    _text(element, "updated", _stamp(item.updated))
    _text(element, "summary", item.summary)
    _text(element, "content", item.content).set("type", "html")
    return element


def _text(parent: ET.Element, name: str, text: str) -> ET.Element:
    child = ET.SubElement(parent, name)
    child.text = text
    return child


def _link(parent: ET.Element, href: str, rel: str, kind: str) -> None:
    ET.SubElement(parent, "link", href=href, rel=rel, type=kind)


def _stamp(moment: dt.datetime) -> str:
    return moment.isoformat("T", "seconds")

"""Which HTML pages the site has: one template per kind, rendered once per language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sammelan.i18n.catalog import N_
from sammelan.model.entities import LANGUAGES, Conclave, Session, Site
from sammelan.render import formats, urls

# The home page shows the next conclaves and the latest past ones; the conclaves page
# lists every one.
HOME_UPCOMING, HOME_PAST = 12, 6


@dataclass(frozen=True)
class Page:
    path: str
    template: str
    lang: str
    context: dict = field(default_factory=dict)

    @property
    def indexable(self) -> bool:
        """Whether search engines should list it: a "not found" page is served at any
        address and has no canonical one (no canonical link, no sitemap entry)."""
        return self.template != "404"


def all_pages(site: Site, languages: tuple[str, ...] = LANGUAGES) -> Iterator[Page]:
    for lang in languages:
        yield Page(urls.path(lang), "home", lang)
        yield Page(urls.path(lang, "conclaves"), "conclaves", lang)
        for conclave in site.conclaves:
            yield Page(urls.conclave(lang, conclave.slug), "conclave", lang,
                       {"conclave": conclave, "agenda": agenda(conclave)})
        yield Page(urls.path(lang, "speakers"), "speakers", lang)
        for speaker in site.speakers:
            yield Page(urls.path(lang, "speakers", speaker.slug), "speaker", lang,
                       {"speaker": speaker})
        yield Page(urls.path(lang, "schemes"), "schemes", lang)
        for scheme in site.schemes:
            yield Page(urls.path(lang, "schemes", scheme.slug), "scheme", lang,
                       {"scheme": scheme})
        yield Page(urls.path(lang, "news"), "news", lang)
        for item in site.news:
            yield Page(urls.path(lang, "news", item.slug), "news_item", lang, {"item": item})
        # what a government site is expected to carry (GIGW 3.0), linked from every footer
        for template, folder in ABOUT_SITE.items():
            yield Page(urls.path(lang, folder), template, lang)
        yield Page(formats.NOT_FOUND.path(lang), "404", lang)


# The pages about the site itself: template → folder.
ABOUT_SITE = {"accessibility": "accessibility", "help": "help", "site_map": "sitemap"}
# The names of the pages that are about no one entity.
TITLES = {"home": N_("Home"), "conclaves": N_("Conclaves"), "speakers": N_("Speakers"),
          "schemes": N_("Schemes"), "news": N_("News"),
          "accessibility": N_("Accessibility statement"), "help": N_("Help and contact"),
          "site_map": N_("Site map"), "404": N_("Page not found")}
# The section of the HTML site map each kind of page is listed under.
SITE_MAP_SECTIONS = {"home": "about", "accessibility": "about", "help": "about",
                     "site_map": "about", "conclaves": "conclaves", "conclave": "conclaves",
                     "speakers": "speakers", "speaker": "speakers", "schemes": "schemes",
                     "scheme": "schemes", "news": "news", "news_item": "news"}
SITE_MAP_HEADINGS = {"conclaves": N_("Conclaves"), "speakers": N_("Speakers"),
                     "schemes": N_("Schemes"), "news": N_("News"),
                     "about": N_("About this site")}


def name(page: Page, gettext) -> str:
    """What a page is called: the name of its entity, or the name of its kind."""
    for key, field_name in (("conclave", "title"), ("speaker", "name"), ("scheme", "name"),
                            ("item", "title")):
        if key in page.context:
            return getattr(page.context[key], field_name)(page.lang)
    return gettext(TITLES[page.template])


def site_map(site: Site, lang: str, gettext) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every page of one language that sitemap.xml lists, as (heading, [(name, path)]) by
    section, in the order of all_pages: the HTML site map cannot miss a page."""
    sections: dict[str, list[tuple[str, str]]] = {key: [] for key in SITE_MAP_HEADINGS}
    for page in all_pages(site, (lang,)):
        if page.indexable:
            sections[SITE_MAP_SECTIONS[page.template]].append((name(page, gettext), page.path))
    return [(gettext(SITE_MAP_HEADINGS[key]), found) for key, found in sections.items()
            if found]


def agenda(conclave: Conclave) -> list[tuple[object, list[Session]]]:
    """Sessions grouped by day in date order, timed ones first in a day, then by start;
    sessions whose day is not announced come last under the key None."""
    days: dict = {}
    for session in conclave.sessions:
        days.setdefault(session.date, []).append(session)
    order = sorted(d for d in days if d is not None)
    if None in days:
        order.append(None)
    return [(day, sorted(days[day], key=_session_order)) for day in order]


def _session_order(session: Session):
    return (session.start is None, session.start or 0, session.track.en if session.track else "")

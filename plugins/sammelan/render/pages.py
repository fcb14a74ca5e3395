"""Which HTML pages the site has: one template per kind, rendered once per language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sammelan.i18n.catalog import N_
from sammelan.model.entities import LANGUAGES, Site
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
        """Whether search engines should list it (else no canonical link, no hreflang, no
        sitemap entry, and `noindex`): not a "not found" page, which is served at any
        address and has no canonical one; not a conclave's poster, a sheet to print whose
        facts are its conclave page's, which a search should lead to instead."""
        return self.template not in UNLISTED


# The kinds of page that search engines are asked not to list (Page.indexable).
UNLISTED = frozenset({"404", "poster"})
# The folder of a conclave's poster, under its page's.
POSTER = "poster"


def all_pages(site: Site, languages: tuple[str, ...] = LANGUAGES) -> Iterator[Page]:
    for lang in languages:
        yield Page(urls.path(lang), "home", lang)
        yield Page(urls.path(lang, "conclaves"), "conclaves", lang)
        for conclave in site.conclaves:
            yield Page(urls.conclave(lang, conclave.slug), "conclave", lang,
                       {"conclave": conclave})
            yield Page(urls.path(lang, "conclaves", conclave.slug, POSTER), "poster", lang,
                       {"conclave": conclave})
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
TITLES = {"home": N_("Home"), "conclaves": N_("Events"), "speakers": N_("Speakers"),
          "schemes": N_("Schemes"), "news": N_("News"),
          "accessibility": N_("Accessibility statement"), "help": N_("Help and contact"),
          "site_map": N_("Site map"), "404": N_("Page not found"), "poster": N_("Poster")}
# The section of the HTML site map each kind of page is listed under.
SITE_MAP_SECTIONS = {"home": "about", "accessibility": "about", "help": "about",
                     "site_map": "about", "conclaves": "conclaves", "conclave": "conclaves",
                     "speakers": "speakers", "speaker": "speakers", "schemes": "schemes",
                     "scheme": "schemes", "news": "news", "news_item": "news"}
SITE_MAP_HEADINGS = {"conclaves": N_("Events"), "speakers": N_("Speakers"),
                     "schemes": N_("Schemes"), "news": N_("News"),
                     "about": N_("About this site")}


# Each list page and the kind of entity it lists.
LISTS = {"home": "conclaves", "conclaves": "conclaves", "speakers": "speakers",
         "schemes": "schemes", "news": "news"}


def name(page: Page, gettext) -> str:
    """What a page is called: the name of its kind (a poster is "Poster", under its
    conclave), or of its entity."""
    if page.template in TITLES:
        return gettext(TITLES[page.template])
    for key, field_name in (("conclave", "title"), ("speaker", "name"), ("scheme", "name"),
                            ("item", "title")):
        if key in page.context:
            return getattr(page.context[key], field_name)(page.lang)
    raise KeyError(page.template)  # a kind of page without a name: add it to TITLES


def site_map(site: Site, lang: str, gettext) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every page of one language that sitemap.xml lists, as (heading, [(name, path)]) by
    section, in the order of all_pages: the HTML site map cannot miss a page."""
    sections: dict[str, list[tuple[str, str]]] = {key: [] for key in SITE_MAP_HEADINGS}
    for page in all_pages(site, (lang,)):
        if page.indexable:
            sections[SITE_MAP_SECTIONS[page.template]].append((name(page, gettext), page.path))
    return [(gettext(SITE_MAP_HEADINGS[key]), found) for key, found in sections.items()
            if found]

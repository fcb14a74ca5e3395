"""HTML pages: each page's template rendered with its language's context.

Not minified: htmlmin saved 2.4% of the gzipped bytes here, and it silently drops a
`lang` attribute after an `<a>` inside a `<p>` (its tag stack loses track), which breaks
the language marking screen readers need. Jinja's trim_blocks/lstrip_blocks keep the
markup compact instead."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from zoneinfo import ZoneInfo

from jinja2 import Environment, Template
from jinja2.runtime import Context
from markupsafe import Markup

from sammelan.i18n import formatting, labels
from sammelan.i18n.catalog import Gettext
from sammelan.model.entities import DEFAULT_LANGUAGE, IST, Site, SiteSettings, Text
from sammelan.render import formats, freshness, pages, seo, urls, views
from sammelan.render.calendar.links import CalendarLinks
from sammelan.render.config import RenderConfig
from sammelan.render.jobs import SHARED, Job, Keys, digest
from sammelan.render.pages import Page, all_pages
from sammelan.sources.prose import leaving

# The day a change was made is given as it was in India, where the site's readers are.
INDIA = ZoneInfo(IST)


def prepare(env: Environment) -> None:
    """The filters and names every template may use, beside each page's own context."""
    # Templates do not change during a build: without this Jinja stats every template file
    # (and each one it includes) for every page.
    env.auto_reload = False
    env.context_class = PageContext
    env.filters.update({
        "date": formatting.date, "weekday_date": formatting.weekday_date,
        "date_range": formatting.date_range, "when": formatting.when,
        "time": formatting.time,
        "time_range": formatting.time_range, "zone": formatting.zone,
    })
    env.globals.update(labels=labels.ALL, language_name=labels.LANGUAGE_NAME,
                       session_anchor=urls.session_anchor, formats=formats,
                       home_upcoming=pages.HOME_UPCOMING, home_past=pages.HOME_PAST,
                       leaving=_leaving, about_site=pages.ABOUT_SITE,
                       page_titles=pages.TITLES)


class PageContext(Context):
    """Jinja's context, but a call of the site's own callables (a text in two languages,
    `_`, `url`) goes straight to them: Jinja asks every callable a template calls whether
    it wants the context, with up to four attribute lookups, 160 calls a page."""

    def call(__self, __obj, *args, **kwargs):  # noqa: N805 -- Jinja's own signature
        if type(__obj) in OWN_CALLABLES:  # none of them takes the context
            kwargs.pop("_block_vars", None)
            kwargs.pop("_loop_vars", None)
            return __obj(*args, **kwargs)
        return super().call(__obj, *args, **kwargs)


OWN_CALLABLES = frozenset({Text, Gettext, urls.Linker})


@functools.cache
def _leaving(lang: str) -> Markup:
    """After a template's link to another site, as after prose's (sources/prose.py)."""
    return Markup(leaving(lang))


def jobs(site: Site, env: Environment, config: RenderConfig, keys: Keys) -> Iterator[Job]:
    templates: dict[str, Template] = {}
    view = Visible(site, *frame(site))
    listing = Listing(site, *frame(site))
    made: dict[tuple, str] = {}  # what a page is made of is the same in every language
    for page in all_pages(site, config.languages):
        if page.template not in templates:
            templates[page.template] = env.get_template(f"{page.template}.html")
        made_of = MADE_OF.get(page.template)
        visible = site if made_of is None else listing if page.template in LISTED else view
        if made_of is None:
            of = keys.site
        else:
            shows = (page.template, *map(id, page.context.values()))
            of = made.get(shows)
            if of is None:
                of = made[shows] = digest(made_of(site, page.context, keys))
        yield Job(urls.file_of(page.path), "pages", keys.of(page.path, page.template, of),
                  lambda t=templates[page.template], p=page, v=visible:
                  t.render(context(v, p, config)).encode("utf-8"))


def frame(site: Site) -> tuple:
    """What every page shows of the whole site, beside its own content: the day, whether
    every conclave is in IST, and the site's settings (name, publisher, footer)."""
    return (site.today, all(c.timezone == IST for c in site.conclaves), site.settings)


class Visible:
    """What a page about one entity may read of the site: the frame, and who appears where.
    Its key (MADE_OF) holds exactly these; reading anything else of the site fails loudly,
    rather than leave the page stale in the next build."""

    def __init__(self, site: Site, today: dt.date, all_in_ist: bool, settings: SiteSettings):
        self.today, self.all_in_ist, self.settings = today, all_in_ist, settings
        self.calendar_sequences = site.calendar_sequences  # in each conclave's key
        self.news_of, self.sessions_of = site.news_of, site.sessions_of
        self.mentions_of, self.conclaves_discussing = site.mentions_of, site.conclaves_discussing


class Unkeyed(Exception):
    """A list page read a field that its key does not hold: it would go stale. Not an
    AttributeError, which Jinja would quietly turn into an empty value."""


class Listed:
    """One entity as a list page shows it: only `fields` (what the page's key holds) may
    be read; reading another stops the build."""

    __slots__ = ("_entity", "_fields")

    def __init__(self, entity: object, fields: frozenset[str]):
        self._entity, self._fields = entity, fields

    def __getattr__(self, name: str):
        if name.startswith("__"):  # what Jinja and markupsafe probe for, as of any object
            raise AttributeError(name)
        if name not in self._fields:
            raise Unkeyed(f"a list page reads `{name}` of {type(self._entity).__name__} "
                          f"`{self._entity.slug}`, which its key (html.LISTED) does not hold")
        return getattr(self._entity, name)


# What a list page shows of each entity it lists; its key holds these and nothing else, so
# an edit elsewhere in an entity (a session, a biography) leaves the list as it is.
CARD = frozenset({"slug", "title", "status", "start", "end", "venue", "updated"})
SPEAKER_ROW = frozenset({"slug", "name", "honorific", "designation", "organization", "status",
                         "tentative", "updated"})
SCHEME_ROW = frozenset({"slug", "name", "acronym", "owner", "updated"})
HEADLINE = frozenset({"slug", "title", "published", "updated"})
FIELDS = {"conclaves": CARD, "speakers": SPEAKER_ROW, "schemes": SCHEME_ROW, "news": HEADLINE}
# the site map names every page, so it lists every kind (by the same fields: its key is
# broader than it needs, never narrower)
LISTED = {"home": ("conclaves",), "conclaves": ("conclaves",), "speakers": ("speakers",),
          "schemes": ("schemes",), "news": ("news",), "site_map": tuple(FIELDS)}


class Listing(Visible):
    """What a list page may read of the site: the frame, and the listed entities through
    Listed, in the model's order."""

    def __init__(self, site: Site, today: dt.date, all_in_ist: bool, settings: SiteSettings):
        super().__init__(site, today, all_in_ist, settings)
        self._shown = {id(e): Listed(e, FIELDS[kind]) for kind in FIELDS
                       for e in getattr(site, kind)}
        self.conclaves, self.speakers, self.schemes, self.news = (
            self._all(getattr(site, kind)) for kind in FIELDS)
        self._site = site

    def _all(self, entities) -> tuple[Listed, ...]:
        return tuple(self._shown[id(e)] for e in entities)

    def upcoming(self) -> tuple[Listed, ...]:
        return self._all(self._site.upcoming())

    def past(self) -> tuple[Listed, ...]:
        return self._all(self._site.past())


def listed_key(site: Site, kinds: tuple[str, ...], keys: Keys) -> list:
    """The values a list page shows of each entity (FIELDS), a shared entity (a venue, an
    organization) by its key; each kind's digested once for all the pages that list it."""
    return [keys.once(("listed", kind), lambda kind=kind: digest(
        [tuple(_keyed(getattr(e, name), keys) for name in sorted(FIELDS[kind]))
         for e in getattr(site, kind)])) for kind in kinds]


def _keyed(value: object, keys: Keys) -> object:
    return keys.entity(value) if isinstance(value, SHARED) else value


# What each entity page is made of, beyond the frame; other pages list the whole site.
MADE_OF = {
    "conclave": lambda site, c, keys: (
        keys.conclave(c["conclave"]), [keys.news(n) for n in site.news_of(c["conclave"])]),
    "speaker": lambda site, c, keys: (
        keys.entity(c["speaker"]),
        [(keys.conclave(k), s.id) for k, s in site.sessions_of(c["speaker"])],
        [(keys.conclave(k), keys.entity(p)) for k, p in site.mentions_of(c["speaker"])]),
    "scheme": lambda site, c, keys: (
        keys.entity(c["scheme"]),
        [keys.conclave(k) for k in site.conclaves_discussing(c["scheme"])]),
    "news_item": lambda site, c, keys: (keys.news(c["item"]),),
    **{template: lambda site, c, keys, kinds=kinds: listed_key(site, kinds, keys)
       for template, kinds in LISTED.items()},
    # a poster shows its conclave and nothing else of the site (its news neither)
    "poster": lambda site, c, keys: (keys.conclave(c["conclave"]),),
}


def context(site: Site, page: Page, config: RenderConfig) -> dict:
    gettext = Gettext(page.lang)
    linker = urls.Linker(page.path, config.base)
    others = [lang for lang in config.languages if lang != page.lang]
    return {
        **page.context,
        **views.shown(page, site.calendar_sequences),
        "site": site,
        "settings": site.settings,
        "lang": page.lang,
        "other": others[0],
        "default_lang": DEFAULT_LANGUAGE,
        "here": page.path,
        "translations": {lang: urls.translate(page.path, lang) for lang in config.languages},
        "url": linker,
        "path": lambda *parts: urls.path(page.lang, *parts),
        "_": gettext,
        "ngettext": gettext.plural,
        "calendar_links": CalendarLinks(page.lang, linker, config),
        # the footer's "all times are IST" holds only while every conclave is in India
        "all_in_ist": site.all_in_ist if isinstance(site, Visible) else frame(site)[1],
        "last_updated": last_updated(site, page),
        "site_map": pages.site_map(site, page.lang, gettext)
        if page.template == "site_map" else None,
        **seo.context(site, page, config),
    }


def last_updated(site: Site, page: Page) -> tuple[str, str] | None:
    """The footer's "last updated": when the page's sources last changed (freshness.py,
    as sitemap.xml's lastmod says), as a <time> value and as the day in India."""
    changed = freshness.last_modified(site, page)
    if changed is None:
        return None
    return (changed.isoformat("T", "seconds"),
            formatting.date(changed.astimezone(INDIA).date(), page.lang))

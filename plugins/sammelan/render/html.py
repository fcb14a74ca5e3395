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
from markupsafe import Markup

from sammelan.i18n import formatting, labels
from sammelan.i18n.catalog import Gettext
from sammelan.model.entities import DEFAULT_LANGUAGE, IST, Site, SiteSettings
from sammelan.render import formats, freshness, pages, seo, urls
from sammelan.render.calendar.links import CalendarLinks
from sammelan.render.config import RenderConfig
from sammelan.render.jobs import Job, Keys
from sammelan.render.pages import Page, all_pages
from sammelan.sources.prose import leaving

# The day a change was made is given as it was in India, where the site's readers are.
INDIA = ZoneInfo(IST)


def prepare(env: Environment) -> None:
    """The filters and names every template may use, beside each page's own context."""
    # Templates do not change during a build: without this Jinja stats every template file
    # (and each one it includes) for every page.
    env.auto_reload = False
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


@functools.cache
def _leaving(lang: str) -> Markup:
    """After a template's link to another site, as after prose's (sources/prose.py)."""
    return Markup(leaving(lang))


def jobs(site: Site, env: Environment, config: RenderConfig, keys: Keys) -> Iterator[Job]:
    templates: dict[str, Template] = {}
    view = Visible(site, *frame(site))
    for page in all_pages(site, config.languages):
        if page.template not in templates:
            templates[page.template] = env.get_template(f"{page.template}.html")
        made_of = MADE_OF.get(page.template)
        visible = site if made_of is None else view
        key = keys.of(page.path, page.template,
                      keys.site if made_of is None else made_of(site, page.context, keys))
        yield Job(urls.file_of(page.path), "pages", key,
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
    # a poster shows its conclave and nothing else of the site (its news neither)
    "poster": lambda site, c, keys: (keys.conclave(c["conclave"]),),
}


def context(site: Site, page: Page, config: RenderConfig) -> dict:
    gettext = Gettext(page.lang)
    linker = urls.Linker(page.path, config.base)
    others = [lang for lang in config.languages if lang != page.lang]
    return {
        **page.context,
        **pages.shown(page, site.calendar_sequences),
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

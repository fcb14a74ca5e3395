"""HTML pages: each page's template rendered with its language's context.

Not minified: htmlmin saved 2.4% of the gzipped bytes here, and it silently drops a
`lang` attribute after an `<a>` inside a `<p>` (its tag stack loses track), which breaks
the language marking screen readers need. Jinja's trim_blocks/lstrip_blocks keep the
markup compact instead."""

from __future__ import annotations

from collections.abc import Iterator

from jinja2 import Environment

from sammelan.i18n import formatting, labels
from sammelan.i18n.catalog import Gettext
from sammelan.model.entities import DEFAULT_LANGUAGE, IST, Site
from sammelan.render import formats, seo, urls
from sammelan.render.calendar.links import CalendarLinks
from sammelan.render.config import RenderConfig
from sammelan.render.pages import Page, all_pages


def prepare(env: Environment) -> None:
    """The filters and names every template may use, beside each page's own context."""
    # Templates do not change during a build: without this Jinja stats every template file
    # (and each one it includes) for every page.
    env.auto_reload = False
    env.filters.update({
        "date": formatting.date, "weekday_date": formatting.weekday_date,
        "date_range": formatting.date_range, "time": formatting.time,
        "time_range": formatting.time_range, "zone": formatting.zone,
    })
    env.globals.update(labels=labels.ALL, language_name=labels.LANGUAGE_NAME,
                       session_anchor=urls.session_anchor, formats=formats)


def render(site: Site, env: Environment, config: RenderConfig) -> Iterator[tuple[str, bytes]]:
    for page in all_pages(site, config.languages):
        text = env.get_template(f"{page.template}.html").render(context(site, page, config))
        yield urls.file_of(page.path), text.encode("utf-8")


def context(site: Site, page: Page, config: RenderConfig) -> dict:
    gettext = Gettext(page.lang)
    linker = urls.Linker(page.path, config.base)
    others = [lang for lang in config.languages if lang != page.lang]
    return {
        **page.context,
        "site": site,
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
        "all_in_ist": all(c.timezone == IST for c in site.conclaves),
        **seo.context(site, page, config),
    }

"""HTML pages: each page's template rendered with its language's context.

Not minified: htmlmin saved 2.4% of the gzipped bytes here, and it silently drops a
`lang` attribute after an `<a>` inside a `<p>` (its tag stack loses track), which breaks
the language marking screen readers need. Jinja's trim_blocks/lstrip_blocks keep the
markup compact instead."""

from __future__ import annotations

from collections.abc import Iterator

from sammelan.i18n.catalog import Gettext
from sammelan.model.entities import DEFAULT_LANGUAGE, LANGUAGES, Site
from sammelan.render import canonical, seo, urls
from sammelan.render.calendar.links import CalendarLinks
from sammelan.render.pages import Page, all_pages


def render(site: Site, env, settings: dict) -> Iterator[tuple[str, bytes]]:
    siteurl = canonical.base(settings)
    for page in all_pages(site):
        text = env.get_template(f"{page.template}.html").render(
            context(site, page, siteurl, settings))
        yield urls.file_of(page.path), text.encode("utf-8")


def context(site: Site, page: Page, siteurl: str, settings: dict) -> dict:
    gettext = Gettext(page.lang)
    linker = urls.Linker(page.path, siteurl)
    others = [lang for lang in LANGUAGES if lang != page.lang]
    return {
        **page.context,
        "site": site,
        "lang": page.lang,
        "other": others[0],
        "default_lang": DEFAULT_LANGUAGE,
        "here": page.path,
        "translations": {lang: urls.translate(page.path, lang) for lang in LANGUAGES},
        "url": linker,
        "path": lambda *parts: urls.path(page.lang, *parts),
        "_": gettext,
        "ngettext": gettext.plural,
        "calendar_links": CalendarLinks(page.lang, linker, settings),
        **seo.context(site, page, siteurl),
    }


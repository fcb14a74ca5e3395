"""HTML pages: each page's template rendered with its language's context, minified."""

from __future__ import annotations

from collections.abc import Iterator

import htmlmin

from . import seo, urls
from .i18n import Gettext
from .model import DEFAULT_LANGUAGE, LANGUAGES, Site
from .pages import Page, all_pages


def render(site: Site, env, settings: dict) -> Iterator[tuple[str, bytes]]:
    siteurl = settings.get("SITEURL", "") if not settings.get("RELATIVE_URLS") else ""
    for page in all_pages(site):
        text = env.get_template(f"{page.template}.html").render(
            context(site, page, siteurl, settings))
        yield urls.file_of(page.path), minify(text).encode("utf-8")


def context(site: Site, page: Page, siteurl: str, settings: dict) -> dict:
    gettext = Gettext(page.lang)
    others = [lang for lang in LANGUAGES if lang != page.lang]
    return {
        **page.context,
        "site": site,
        "lang": page.lang,
        "other": others[0],
        "default_lang": DEFAULT_LANGUAGE,
        "here": page.path,
        "translations": {lang: urls.translate(page.path, lang) for lang in LANGUAGES},
        "url": urls.Linker(page.path, siteurl),
        "path": lambda *parts: urls.path(page.lang, *parts),
        "_": gettext,
        "ngettext": gettext.plural,
        "SITEURL": siteurl,
        "settings": settings,
        **seo.context(site, page, siteurl),
    }


def minify(text: str) -> str:
    return htmlmin.minify(text, remove_comments=True, remove_empty_space=True,
                          reduce_boolean_attributes=False)

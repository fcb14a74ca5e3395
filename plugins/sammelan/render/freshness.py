"""When each page last changed, from the source commit times the loader gave the
entities: a page about one entity changes with it; a listing changes with the newest
of what it lists; the pages about the site itself (accessibility, help, site map, not
found) with the newest of the whole site, whose pages they describe or list. Used for
sitemap lastmod, feed updated and every page's "last updated" line, so builds repeat
exactly."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sammelan.model.entities import Site
from sammelan.render.pages import LISTS, Page

ENTITY_KEYS = ("conclave", "speaker", "scheme", "item")


def last_modified(site: Site, page: Page) -> dt.datetime | None:
    for key in ENTITY_KEYS:
        if key in page.context:
            return page.context[key].updated
    if page.template in LISTS:  # only what the list shows (a list page may read no more)
        return newest(getattr(site, LISTS[page.template]))
    return newest((*site.conclaves, *site.speakers, *site.schemes, *site.news))


def newest(entities: Iterable) -> dt.datetime | None:
    return max((e.updated for e in entities), default=None)

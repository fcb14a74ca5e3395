"""Every file the site is made of, as (path, bytes) pairs from pure renderers."""

from __future__ import annotations

from collections.abc import Iterator

from . import calendars, feeds, html, schedules, sharing, sitemap
from .model import Site


def render_all(site: Site, env, settings: dict) -> Iterator[tuple[str, bytes]]:
    yield from html.render(site, env, settings)
    yield from calendars.render(site, settings, site.calendar_records)
    yield from schedules.render(site, settings)
    yield from sitemap.render(site, settings)
    yield from feeds.render(site, settings)
    yield from sharing.qr_codes(site, settings)

"""Every file the site is made of, as (path, bytes) pairs from pure renderers."""

from __future__ import annotations

from collections.abc import Iterator

from sammelan.model.entities import Site
from sammelan.render import feeds, html, sharing, sitemap
from sammelan.render.calendar import ics
from sammelan.render.schedule import frab


def render_all(site: Site, env, settings: dict) -> Iterator[tuple[str, bytes]]:
    yield from html.render(site, env, settings)
    yield from ics.render(site, settings, site.calendar_records)
    yield from frab.render(site, settings)
    yield from sitemap.render(site, settings)
    yield from feeds.render(site, settings)
    yield from sharing.qr_codes(site, settings)

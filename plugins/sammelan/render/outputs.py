"""Every file the site is made of, as (path, bytes) pairs from pure renderers, and the one
place that writes them: a path claimed twice is an error, never a silent overwrite."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from jinja2 import Environment

from sammelan.model.entities import Site
from sammelan.render import feeds, html, qr, sitemap
from sammelan.render.calendar import ics
from sammelan.render.config import RenderConfig
from sammelan.render.schedule import frab

Renderer = Callable[[Site, RenderConfig], Iterable[tuple[str, bytes]]]

# Each renderer writes the formats named in its module (see formats.py).
RENDERERS: dict[str, Renderer] = {
    "calendars": ics.render, "schedules": frab.render, "sitemap": sitemap.render,
    "feeds": feeds.render, "qr codes": qr.render,
}


class OutputClash(Exception):
    """Two renderers produced the same path: one would silently replace the other."""

    def __init__(self, path: str, first: str, second: str):
        self.path, self.first, self.second = path, first, second
        super().__init__(f"{path} is written by both the {first} and the {second}; "
                         "the site was not built")


def render_all(site: Site, env: Environment, config: RenderConfig
               ) -> Iterator[tuple[str, str, bytes]]:
    """(renderer name, path, bytes) of every file, pages first."""
    for path, data in html.render(site, env, config):
        yield "pages", path, data
    for name, renderer in RENDERERS.items():
        for path, data in renderer(site, config):
            yield name, path, data


def write_all(files: Iterable[tuple[str, str, bytes]], folder: Path) -> int:
    """Write every file under `folder`; return how many. Raises OutputClash."""
    owners: dict[str, str] = {}
    for name, relative, data in files:
        if relative in owners:
            raise OutputClash(relative, owners[relative], name)
        owners[relative] = name
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(owners)

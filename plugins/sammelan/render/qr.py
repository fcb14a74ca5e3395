"""A QR code of each conclave page, for printed posters (linked from the share box)."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO

import segno

from sammelan.model.entities import Site
from sammelan.render import formats
from sammelan.render.config import RenderConfig
from sammelan.render.jobs import Job, Keys
from sammelan.render.sharing import page_url

MASK = 0


def jobs(site: Site, config: RenderConfig, keys: Keys) -> Iterator[Job]:
    for lang in config.languages:
        for conclave in site.conclaves:
            url, title = page_url(conclave, lang, config), conclave.title(lang)
            path = formats.QR_CODE.path(lang, slug=conclave.slug)
            yield Job(path, "qr codes", keys.of(path, url, title),
                      lambda u=url, t=title: qr_svg(u, t))


def qr_svg(url: str, title: str) -> bytes:
    """A QR code of the address; error level M survives a little dirt on a poster. The mask
    is fixed: every mask is valid and scanners read them all, and trying the eight to
    score them took three quarters of the time of a code (6 of 8 ms, 2,000 codes a build
    at 1,000 conclaves)."""
    buffer = BytesIO()
    segno.make(url, error="m", micro=False, mask=MASK).save(
        buffer, kind="svg", scale=8, border=4, dark="#000", light="#fff", title=title,
        xmldecl=True, svgns=True)
    return buffer.getvalue()

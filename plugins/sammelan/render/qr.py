"""A QR code of each conclave page, for printed posters (linked from the share box)."""

from __future__ import annotations

from collections.abc import Iterator
from io import BytesIO

import segno

from sammelan.model.entities import Site
from sammelan.render import formats
from sammelan.render.config import RenderConfig
from sammelan.render.sharing import page_url


def render(site: Site, config: RenderConfig) -> Iterator[tuple[str, bytes]]:
    for lang in config.languages:
        for conclave in site.conclaves:
            yield (formats.QR_CODE.path(lang, slug=conclave.slug),
                   qr_svg(page_url(conclave, lang, config), conclave.title(lang)))


def qr_svg(url: str, title: str) -> bytes:
    """A QR code of the address; error level M survives a little dirt on a poster."""
    buffer = BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="svg", scale=8, border=4, dark="#000", light="#fff", title=title,
        xmldecl=True, svgns=True)
    return buffer.getvalue()

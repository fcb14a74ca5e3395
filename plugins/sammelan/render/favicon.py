"""The site's mark for browser tabs and bookmarks: favicon.svg, and favicon.ico (16×16 and
32×32) for browsers and crawlers that ask for /favicon.ico whatever the page links.

Both are drawn by this code from the same few shapes, so the ICO's bytes are fixed by the
code (no image library, no compressor whose output could differ between versions): its
images are uncompressed 32-bit bitmaps, 5.4 KB in all.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

from sammelan.model.entities import Site
from sammelan.render import formats
from sammelan.render.config import RenderConfig
from sammelan.render.jobs import Job, Keys

GRID = 32  # the shapes' units: one pixel of the 32×32 icon
RADIUS = 6  # of the tile's corners
TILE = (0x0B, 0x4F, 0x8A)  # the stylesheet's accent blue
# An agenda's lines on the tile: a saffron heading, two white lines (x0, y0, x1, y1, colour),
# on even units so that the 16×16 icon has whole pixels too.
LINES = ((6, 6, 26, 10, (0xE8, 0xA0, 0x00)), (6, 14, 26, 18, (0xFF, 0xFF, 0xFF)),
         (6, 22, 20, 26, (0xFF, 0xFF, 0xFF)))
SIZES = (16, 32)
SAMPLES = 4  # per pixel side, for the smooth edge of the rounded corners


def jobs(site: Site, config: RenderConfig, keys: Keys) -> Iterator[Job]:
    for fmt, make in ((formats.FAVICON_SVG, svg), (formats.FAVICON_ICO, ico)):
        path = fmt.path()
        yield Job(path, "favicon", keys.of(path), make)


def _hex(colour: tuple[int, int, int]) -> str:
    return "#" + "".join(f"{part:02x}" for part in colour)


def svg() -> bytes:
    shapes = [f'<rect width="{GRID}" height="{GRID}" rx="{RADIUS}" fill="{_hex(TILE)}"/>']
    shapes += [f'<rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" '
               f'fill="{_hex(colour)}"/>' for x0, y0, x1, y1, colour in LINES]
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {GRID} {GRID}">'
            + "".join(shapes) + "</svg>\n").encode("ascii")


def ico() -> bytes:
    """An ICO file of one 32-bit bitmap per size (the format Windows and every browser
    read), its directory first."""
    images = [_bitmap(size) for size in SIZES]
    offset = 6 + 16 * len(images)
    directory = struct.pack("<HHH", 0, 1, len(images))
    for size, image in zip(SIZES, images, strict=True):
        directory += struct.pack("<BBBBHHII", size, size, 0, 0, 1, 32, len(image), offset)
        offset += len(image)
    return directory + b"".join(images)


def _bitmap(size: int) -> bytes:
    """BITMAPINFOHEADER (height doubled: colour rows, then the transparency mask), the
    pixels as BGRA from the bottom row up, then the 1-bit mask of transparent pixels."""
    rows = [[_pixel(x, y, size) for x in range(size)] for y in range(size)]
    pixels = b"".join(bytes((b, g, r, a)) for row in reversed(rows) for r, g, b, a in row)
    stride = (size + 31) // 32 * 4  # mask rows are padded to 32 bits
    mask = b"".join(_mask_row(row, stride) for row in reversed(rows))
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0,
                         len(pixels) + len(mask), 0, 0, 0, 0)
    return header + pixels + mask


def _mask_row(row: list[tuple[int, int, int, int]], stride: int) -> bytes:
    bits = 0
    for x, (_, _, _, alpha) in enumerate(row):
        if alpha == 0:
            bits |= 1 << (stride * 8 - 1 - x)
    return bits.to_bytes(stride, "big")


def _pixel(x: int, y: int, size: int) -> tuple[int, int, int, int]:
    """The colour at the pixel's centre; its opacity, the part of it inside the tile."""
    scale = GRID / size
    cx, cy = (x + 0.5) * scale, (y + 0.5) * scale
    colour = next((c for x0, y0, x1, y1, c in LINES if x0 <= cx < x1 and y0 <= cy < y1), TILE)
    inside = sum(_in_tile((x + (i + 0.5) / SAMPLES) * scale, (y + (j + 0.5) / SAMPLES) * scale)
                 for i in range(SAMPLES) for j in range(SAMPLES))
    return (*colour, round(255 * inside / SAMPLES ** 2))


def _in_tile(px: float, py: float) -> bool:
    """Whether a point lies on the tile, a square with rounded corners."""
    dx = max(RADIUS - px, 0, px - (GRID - RADIUS))
    dy = max(RADIUS - py, 0, py - (GRID - RADIUS))
    return dx * dx + dy * dy <= RADIUS * RADIUS

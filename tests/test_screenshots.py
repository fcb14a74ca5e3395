"""`invoke screenshots` (tools/screenshots.py) on the fixture: a PNG of each kind of page in
each language at 360 and 1280 px, whole, named so a reviewer finds them, with Hindi in a
Devanagari font."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from conftest import BUILD_EPOCH
from sammelan.options import BuildOptions
from sammelan.tools import screenshots
from sammelan.tools.screenshots import ScreenshotError, take

KINDS = ["home", "conclaves", "conclave", "poster", "speakers", "speaker", "schemes", "scheme",
         "news", "news_item", "accessibility", "help", "site_map", "404"]


@pytest.fixture(scope="module")
def shots(seeded_root, tmp_path_factory) -> tuple[Path, list[Path]]:
    folder = tmp_path_factory.mktemp("screenshots")
    return folder, take(seeded_root, folder, BuildOptions(epoch=int(BUILD_EPOCH)))


def png(path: Path) -> tuple[int, int, bytes]:
    """Width, height and the pixel rows (as filtered in the file) of a PNG."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    chunks, offset = {}, 8
    while offset < len(data):
        (length,), kind = struct.unpack(">I", data[offset:offset + 4]), data[offset + 4:offset + 8]
        chunks.setdefault(kind, []).append(data[offset + 8:offset + 8 + length])
        offset += 12 + length
    width, height = struct.unpack(">II", chunks[b"IHDR"][0][:8])
    return width, height, zlib.decompress(b"".join(chunks[b"IDAT"]))


def test_each_kind_of_page_in_each_language_at_both_widths(shots):
    folder, written = shots
    expected = [f"{kind}-{lang}-{width}.png" for lang in ("hi", "en") for kind in KINDS
                for width in (360, 1280)]
    assert [path.name for path in written] == expected
    assert sorted(p.name for p in folder.iterdir()) == sorted(expected)


def test_the_conclave_shown_is_the_jamshedpur_one(seeded_root):
    from sammelan.model.loader import load_site

    site, _ = load_site(seeded_root, BuildOptions(epoch=int(BUILD_EPOCH)).today())
    conclave = [kind for kind in screenshots.kinds(site) if kind.name == "conclave"]
    assert [kind.path for kind in conclave] == [
        "conclaves/msme-defence-conclave-2026/", "en/conclaves/msme-defence-conclave-2026/"]


def test_pictures_are_as_wide_as_the_window_hold_the_whole_page_and_are_not_blank(shots):
    _, written = shots
    heights = {}
    for path in written:
        width, height, rows = png(path)
        assert width == int(path.stem.rsplit("-", 1)[1]), path.name
        assert height >= screenshots.HEIGHT, path.name
        # a blank picture, filtered row by row, holds a handful of distinct bytes; text,
        # borders and links give far more
        assert len(set(rows)) > 64, f"{path.name} looks blank"
        heights[path.name] = height
    # the whole page, not the first screen: the conclave's agenda runs far below it
    assert heights["conclave-hi-360.png"] > 3 * screenshots.HEIGHT
    assert heights["conclave-en-1280.png"] > 2 * screenshots.HEIGHT


SHAPED = """
const context = document.createElement("canvas").getContext("2d");
context.font = "16px sans-serif";
return ["क", "क्ष"].map((text) => context.measureText(text).width);
"""


def test_hindi_is_drawn_in_a_devanagari_font():
    # Chromium finds fonts through fontconfig; without one that covers Hindi every
    # Devanagari letter would be an empty box (`make test` and `make screenshots` install
    # Debian's fonts-noto-core)
    assert any("Noto Sans Devanagari" in family for family in screenshots.devanagari_fonts())
    # and Chromium shapes with it: क्ष (three characters) is one conjunct letter, about as
    # wide as क; without the font, three boxes side by side (or nothing at all)
    with screenshots.browser() as driver:
        letter, conjunct = driver.execute_script(SHAPED)
    assert 0 < conjunct < 2 * letter


def test_without_a_devanagari_font_it_says_how_to_install_one(monkeypatch, tmp_path):
    monkeypatch.setattr(screenshots, "devanagari_fonts", lambda: [])
    with pytest.raises(ScreenshotError) as raised:
        take(tmp_path, tmp_path / "shots", BuildOptions())
    assert "make screenshots" in raised.value.message.render("en")
    assert "make screenshots" in raised.value.message.render("hi")
    assert "देवनागरी" in raised.value.message.render("hi")
    assert not (tmp_path / "shots").exists()


def test_without_chromium_it_says_how_to_install_it(monkeypatch):
    monkeypatch.setattr(screenshots, "CHROMIUM", "/nonexistent/chromium")
    with pytest.raises(ScreenshotError) as raised, screenshots.browser():
        pass
    for lang in ("en", "hi"):
        assert "`make screenshots`" in raised.value.message.render(lang)
    assert "Chromium did not start" in raised.value.message.render("en")

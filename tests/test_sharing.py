"""Share links on conclave pages and the QR codes for posters."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import pytest
import zxingcpp
from conftest import parse
from seo_pages import SITEURL

JAMSHEDPUR = {"hi": ("", "एमएसएमई डिफेंस कॉन्क्लेव 2026", "16–17 जनवरी 2026"),
              "en": ("en/", "MSME Defence Conclave 2026", "16–17 January 2026")}
SVG = "{http://www.w3.org/2000/svg}"
PIXELS = 4  # per module, when the SVG is drawn for the decoder


def whatsapp_text(href: str) -> str:
    assert href.startswith("https://wa.me/?text=")
    return unquote(href.removeprefix("https://wa.me/?text="))


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_conclave_can_be_shared_on_whatsapp_and_copied(published_dir, lang):
    prefix, title, dates = JAMSHEDPUR[lang]
    url = f"{SITEURL}/{prefix}conclaves/msme-defence-conclave-2026/"
    tree = parse(published_dir / prefix / "conclaves/msme-defence-conclave-2026/index.html")
    share = tree.find_class("share")[0]
    text = whatsapp_text(share.find(".//a").get("href"))
    assert title in text and dates in text and text.endswith(url)
    field = share.find(".//input")
    assert field.get("value") == url and field.get("readonly") is not None
    assert field.getparent().tag == "label"
    qr_link = [a.get("href") for a in share.iter("a") if a.get("href").endswith(".svg")]
    assert qr_link == [url + "qr.svg"]


def test_each_session_has_its_own_share_links(published_dir):
    url = f"{SITEURL}/en/conclaves/msme-for-bharat-jhansi-2025/"
    tree = parse(published_dir / "en/conclaves/msme-for-bharat-jhansi-2025/index.html")
    sessions = tree.find_class("session")
    assert len(sessions) == 4
    for session in sessions:
        anchor = f"{url}#{session.get('id')}"
        (share,) = session.find_class("share")
        whatsapp, permalink = share.iter("a")
        text = whatsapp_text(whatsapp.get("href"))
        assert session.find("h4").text_content() in text
        assert "19 September 2025" in text and text.endswith(anchor)
        assert permalink.get("href") == anchor
    first = whatsapp_text(sessions[0].find_class("share")[0].find("a").get("href"))
    assert "3:00 – 6:00 pm IST" in " ".join(first.split())  # CLDR's thin and narrow spaces


def dark_modules(svg: ET.Element) -> list[list[bool]]:
    """The module grid of a QR code SVG as segno draws it: within `scale(n)`, one path whose
    `h` strokes, half a module below each row's top, cover the runs of dark modules."""
    scale = int(re.fullmatch(r"scale\((\d+)\)", svg.find(f"{SVG}g").get("transform"))[1])
    size = int(svg.get("width")) // scale
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    for command, numbers in re.findall(r"([Mmh])([-\d. ]+)",
                                       svg.find(f".//{SVG}path[@class='qrline']").get("d")):
        values = [float(n) for n in numbers.split()]
        if command == "M":
            x, y = values
        elif command == "m":
            x, y = x + values[0], y + values[1]
        else:
            for column in range(int(x), int(x + values[0])):
                grid[int(y)][column] = True
            x += values[0]
    return grid


def decode(grid: list[list[bool]]) -> zxingcpp.Barcode | None:
    """What a phone's camera reads: the grid drawn as a grayscale image, then scanned."""
    rows = [bytes(0 if dark else 255 for dark in row for _ in range(PIXELS)) for row in grid]
    image = b"".join(row for row in rows for _ in range(PIXELS))
    side = len(grid) * PIXELS
    return zxingcpp.read_barcode(memoryview(image).cast("B", (side, side)),
                                 formats=zxingcpp.BarcodeFormat.QRCode)


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_qr_code_of_each_conclave_encodes_its_page_address(published_dir, lang):
    prefix = JAMSHEDPUR[lang][0]
    folders = [f for f in sorted((published_dir / prefix / "conclaves").iterdir()) if f.is_dir()]
    assert len(folders) == 4
    for folder in folders:
        svg = ET.parse(folder / "qr.svg").getroot()
        assert svg.tag == f"{SVG}svg" and int(svg.get("width")) >= 200
        title = parse(folder / "index.html").find(".//h1").text_content()
        assert svg.findtext(f"{SVG}title") == title
        scanned = decode(dark_modules(svg))
        assert scanned is not None, f"{folder}/qr.svg does not scan"
        assert scanned.text == f"{SITEURL}/{prefix}conclaves/{folder.name}/"

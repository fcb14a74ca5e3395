"""Share links on conclave pages and the QR codes for posters."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from urllib.parse import unquote

import pytest
import segno
from conftest import parse
from seo_pages import SITEURL

JAMSHEDPUR = {"hi": ("", "एमएसएमई डिफेंस कॉन्क्लेव 2026", "16–17 जनवरी 2026"),
              "en": ("en/", "MSME Defence Conclave 2026", "16–17 January 2026")}
SVG = "{http://www.w3.org/2000/svg}"


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
    assert "3:00 pm – 6:00 pm IST" in " ".join(first.split())  # Babel's narrow spaces


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_qr_code_of_each_conclave_encodes_its_page_address(published_dir, lang):
    prefix = JAMSHEDPUR[lang][0]
    for folder in sorted((published_dir / prefix / "conclaves").iterdir()):
        if not folder.is_dir():
            continue
        svg = ET.parse(folder / "qr.svg").getroot()
        assert svg.tag == f"{SVG}svg" and int(svg.get("width")) >= 200
        title = parse(folder / "index.html").find(".//h1").text_content()
        assert svg.findtext(f"{SVG}title") == title
        url = f"{SITEURL}/{prefix}conclaves/{folder.name}/"
        expected = io.BytesIO()
        segno.make(url, error="m", micro=False).save(expected, kind="svg", scale=8)
        reference = ET.fromstring(expected.getvalue())
        modules = f".//{SVG}path[@class='qrline']"
        assert svg.find(modules).get("d") == reference.find(modules).get("d")

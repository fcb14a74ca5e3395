"""A conclave page printed on A4 is an agenda handout: at most two sheets for Jamshedpur,
its QR code printed with the page's address beside it, no navigation or share controls.

Printed by Debian's Chromium, read with poppler's pdfinfo, pdftotext and pdftoppm (the
Makefile installs both)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
import zxingcpp

JAMSHEDPUR = "conclaves/msme-defence-conclave-2026/"
PREFIXES = {"hi": "", "en": "en/"}
DPI = 150


@pytest.fixture(scope="module", params=["hi", "en"])
def printed(request, site_dir, tmp_path_factory) -> tuple[str, Path]:
    """(language, PDF) of the Jamshedpur page as Chromium prints it."""
    lang = request.param
    pdf = tmp_path_factory.mktemp("print") / f"{lang}.pdf"
    page = site_dir / PREFIXES[lang] / JAMSHEDPUR / "index.html"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    f"--print-to-pdf={pdf}", page.as_uri()],
                   check=True, capture_output=True, timeout=120)
    return lang, pdf


def pdfinfo(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                         text=True).stdout
    return dict(re.findall(r"^([^:]+):\s*(.*)$", out, re.M))


def text(pdf: Path) -> str:
    """The printed text without white space: pdftotext puts spaces inside Devanagari words
    ("डिफें स"), so words are compared without theirs."""
    out = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                         text=True).stdout
    return "".join(out.split())


def scanned(pdf: Path, tmp_path: Path) -> list[str]:
    """What a phone's camera reads on each printed page (pdftoppm's grey PGM images)."""
    subprocess.run(["pdftoppm", "-gray", "-r", str(DPI), str(pdf), str(tmp_path / "page")],
                   check=True, capture_output=True)
    found = []
    for image in sorted(tmp_path.glob("page*.pgm")):
        data = image.read_bytes()
        magic, width, height, _, pixels = re.match(rb"(P5)\s+(\d+)\s+(\d+)\s+(\d+)\s(.*)",
                                                   data, re.S).groups()
        grid = memoryview(pixels).cast("B", (int(height), int(width)))
        found += [b.text for b in zxingcpp.read_barcodes(grid)]
    return found


def test_jamshedpur_prints_on_at_most_two_a4_sheets(printed):
    lang, pdf = printed
    info = pdfinfo(pdf)
    assert int(info["Pages"]) <= 2, f"{lang}: {info['Pages']} pages"
    assert "(A4)" in info["Page size"]


def test_the_handout_has_the_agenda_and_speakers_but_no_controls(printed):
    lang, pdf = printed
    printed_text = text(pdf)
    words = {"hi": ["एमएसएमई डिफेंस कॉन्क्लेव 2026", "शुक्रवार, 16 जनवरी 2026", "उद्घाटन",
                    "औद्योगिक प्रदर्शनी", "वर्कशॉप", "संजय सेठ", "अरूप राहा"],
             "en": ["MSME Defence Conclave 2026", "Friday, 16 January 2026", "Inauguration",
                    "Industrial exhibition", "Workshops", "Sanjay Seth", "Arup Raha"]}[lang]
    missing = [w for w in words if "".join(w.split()) not in printed_text]
    assert not missing, f"{lang}: the handout lacks {missing}"
    controls = {"hi": ["व्हाट्सऐप", "कैलेंडर में जोड़ें", "साझा करने के लिए लिंक",
                       "पोस्टर के लिए क्यूआर कोड", "पोस्टर प्रिंट करें"],
                "en": ["WhatsApp", "Add to calendar", "Link to share", "QR code for posters",
                       "Print a poster"]}[lang]
    assert not [c for c in controls if "".join(c.split()) in printed_text], printed_text


def test_the_qr_code_is_printed_beside_the_address_it_encodes(printed, tmp_path):
    lang, pdf = printed
    codes = scanned(pdf, tmp_path)
    assert len(codes) == 1, f"{lang}: {codes}"
    (address,) = codes
    assert address.endswith(f"{PREFIXES[lang]}{JAMSHEDPUR}")
    assert address in text(pdf)

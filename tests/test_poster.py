"""A conclave's poster (/conclaves/<slug>/poster/, poster.html), printed as an organizer
would print it for a notice board: the published fixture site, built for a loopback address
and served there by Debian's nginx (tests/nginx_server.py) so that its absolute addresses
resolve, each poster printed by Debian's Chromium (`--print-to-pdf`, as tests/test_print.py
does), read back with poppler (pdfinfo, pdftotext, pdftoppm) and the QR code scanned with
zbar's zbarimg. All of them are installed by the Makefile."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from breaking import JAMSHEDPUR, JHANSI, edit
from conftest import BUILD_EPOCH, build_into, parse
from lxml import etree
from nginx_server import Server
from sammelan.i18n import formatting
from sammelan.model.loader import load_site
from sammelan.options import BuildOptions
from test_print import pdfinfo, text

CONCLAVES = ["msme-defence-conclave-2026", "msme-for-bharat-jhansi-2025",
             "msme-cluster-workshop-shimla-2025", "ramp-awareness-parwanoo-2025"]
LANGUAGES = ("hi", "en")
PREFIXES = {"hi": "", "en": "en/"}
DPI = 150
LINK = {"hi": "पोस्टर प्रिंट करें", "en": "Print a poster"}
SITE = "https://sammelan.example.org/"  # the fixture's published address (data/site.yaml)
SHIMLA = "data/conclaves/msme-cluster-workshop-shimla-2025.yaml"


def poster(lang: str, slug: str) -> str:
    return f"{PREFIXES[lang]}conclaves/{slug}/poster/"


def print_pdf(address: str, pdf: Path) -> Path:
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                    f"--print-to-pdf={pdf}", address],
                   check=True, capture_output=True, timeout=120)
    return pdf


def scanned(pdf: Path, folder: Path) -> list[str]:
    """What zbarimg reads on the printed sheets (pdftoppm's PNG images), one per code."""
    subprocess.run(["pdftoppm", "-png", "-r", str(DPI), str(pdf), str(folder / "sheet")],
                   check=True, capture_output=True)
    images = sorted(str(p) for p in folder.glob("sheet*.png"))
    done = subprocess.run(["zbarimg", "--quiet", "--raw", *images], capture_output=True,
                          text=True)
    assert done.returncode in (0, 4), done.stderr  # 4: no code found, which the test reports
    return done.stdout.splitlines()


@pytest.fixture(scope="module")
def site(seeded_root):
    options = BuildOptions(epoch=int(BUILD_EPOCH))
    return load_site(seeded_root, options.today(), epoch=options.epoch)[0]


@pytest.fixture(scope="module")
def server(published_server) -> Server:
    return published_server


@pytest.fixture(scope="module")
def printed(server, tmp_path_factory) -> dict[tuple[str, str], Path]:
    """(language, slug) → the PDF Chromium prints of that poster."""
    folder = tmp_path_factory.mktemp("printed")
    return {(lang, slug): print_pdf(f"{server.address}/{poster(lang, slug)}",
                                    folder / f"{lang}-{slug}.pdf")
            for lang in LANGUAGES for slug in CONCLAVES}


def test_every_fixture_conclave_is_printed(site):
    assert sorted(c.slug for c in site.conclaves) == sorted(CONCLAVES)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", CONCLAVES)
def test_the_poster_prints_on_one_a4_sheet(printed, lang, slug):
    info = pdfinfo(printed[lang, slug])
    assert (info["Pages"], "(A4)" in info["Page size"]) == ("1", True), info


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", CONCLAVES)
def test_its_qr_code_reads_as_the_published_conclave_page_printed_under_it(
        printed, server, lang, slug, tmp_path):
    address = f"{server.address}/{PREFIXES[lang]}conclaves/{slug}/"
    assert scanned(printed[lang, slug], tmp_path) == [address]
    assert address in text(printed[lang, slug])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", CONCLAVES)
def test_the_poster_gives_title_dates_venue_organizers_and_chief_guest(printed, site, lang,
                                                                        slug):
    conclave = next(c for c in site.conclaves if c.slug == slug)
    facts = [conclave.title(lang), formatting.date_range(conclave.start, conclave.end, lang),
             *(part(lang) for part in (conclave.venue.name, conclave.venue.city,
                                       conclave.venue.state)),
             *(o.organization.name(lang) for o in conclave.organizers),
             *(s.name(lang) for s in conclave.chief_guests())]
    printed_text = text(printed[lang, slug])
    missing = [fact for fact in facts if "".join(fact.split()) not in printed_text]
    assert not missing, f"{lang} {slug}: the poster lacks {missing}"


@pytest.mark.parametrize(("lang", "words"), [
    ("hi", ["एमएसएमई डिफेंस कॉन्क्लेव 2026", "16–17 जनवरी 2026", "मुख्य अतिथि", "संजय सेठ",
            "आयोजक", "भारत अर्थ मूवर्स लिमिटेड", "नोडल रक्षा सार्वजनिक उपक्रम"]),
    ("en", ["MSME Defence Conclave 2026", "16–17 January 2026", "Chief guest", "Sanjay Seth",
            "Organizers", "Bharat Earth Movers Limited", "Nodal defence PSU"]),
])
def test_jamshedpur_names_its_chief_guest_and_each_organizer_with_its_role(printed, lang,
                                                                           words):
    printed_text = text(printed[lang, CONCLAVES[0]])
    assert not [w for w in words if "".join(w.split()) not in printed_text], printed_text


@pytest.mark.parametrize(("lang", "hours"), [("hi", "दोपहर 3:00 – शाम 6:00 भारतीय समय"),
                                              ("en", "3:00–6:00 pm IST")])
def test_the_hours_are_given_where_the_agenda_has_them_in_the_posters_language(printed, lang,
                                                                               hours):
    assert "".join(hours.split()) in text(printed[lang, "msme-for-bharat-jhansi-2025"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_screen_shows_a_hint_to_print_that_is_not_printed(printed, published_dir, lang):
    page = parse(published_dir / poster(lang, CONCLAVES[0]) / "index.html")
    (hint,) = page.find_class("poster-hint")
    words = {"hi": "A4 के एक पन्ने", "en": "one A4 sheet"}[lang]
    assert words in hint.text_content()
    assert "".join(words.split()) not in text(printed[lang, CONCLAVES[0]])


# the link from the conclave page ------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("slug", CONCLAVES)
def test_the_conclave_page_links_its_poster_among_its_actions(published_dir, lang, slug):
    page = parse(published_dir / PREFIXES[lang] / "conclaves" / slug / "index.html")
    (actions,) = page.find_class("actions")
    links = {a.text_content(): a.get("href") for a in actions.iter("a")}
    assert links[LINK[lang]] == SITE + poster(lang, slug)
    assert (published_dir / poster(lang, slug) / "index.html").is_file()


# search engines -----------------------------------------------------------------------

def test_posters_ask_not_to_be_listed_and_are_in_neither_site_map(published_dir):
    """A poster's facts are its conclave page's, which a search should find instead."""
    sitemap = (published_dir / "sitemap.xml").read_text(encoding="utf-8")
    for lang in LANGUAGES:
        site_map = etree.tostring(parse(published_dir / PREFIXES[lang] / "sitemap/index.html"))
        for slug in CONCLAVES:
            head = parse(published_dir / poster(lang, slug) / "index.html").find(".//head")
            robots = head.find(".//meta[@name='robots']")
            assert robots is not None and robots.get("content") == "noindex"
            assert head.find(".//link[@rel='canonical']") is None
            assert SITE + poster(lang, slug) not in sitemap
            assert SITE + f"{PREFIXES[lang]}conclaves/{slug}/" in sitemap
            assert poster(lang, slug).encode() not in site_map


# a conclave whose plans changed -------------------------------------------------------

@pytest.fixture(scope="module")
def changed(tmp_path_factory) -> Path:
    """The fixture with Jamshedpur cancelled, Jhansi postponed and Shimla moved from the
    day first announced (preview build)."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("changed") / "project")
    edit(project, JAMSHEDPUR, "status: unreported", "status: cancelled")
    edit(project, JHANSI, "status: unreported", "status: postponed")
    edit(project, SHIMLA, "status: held", 'status: rescheduled\nprevious_start: "2025-09-20"')
    output = project.parent / "output"
    assert build_into(output, root=project) == 0
    return output


@pytest.mark.parametrize(("lang", "said"), [("hi", "रद्द"), ("en", "Cancelled")])
def test_a_cancelled_conclaves_poster_says_so_above_its_title(changed, lang, said):
    page = parse(changed / poster(lang, CONCLAVES[0]) / "index.html")
    (sheet,) = page.find_class("poster")
    status, heading = list(sheet)[:2]
    assert (status.get("class"), status.text_content(), heading.tag) == (
        "poster-status status-cancelled", said, "h1")


@pytest.mark.parametrize(("lang", "said", "old_days"), [
    ("hi", "स्थगित, नई तारीखों की घोषणा होनी है", "19 सितंबर 2025"),
    ("en", "Postponed, new dates to be announced", "19 September 2025")])
def test_a_postponed_conclaves_poster_strikes_its_days_and_gives_no_hours(changed, lang, said,
                                                                          old_days, tmp_path):
    page = parse(changed / poster(lang, "msme-for-bharat-jhansi-2025") / "index.html")
    (facts,) = page.find_class("poster-facts")
    assert said in facts.text_content()
    assert [d.text_content() for d in facts.iter("del")] == [old_days]
    assert not [t for t in facts.iter("time") if t.getparent().tag != "del"]
    (status,) = page.find_class("poster-status")
    assert "status-postponed" in status.get("class")
    pdf = print_pdf((changed / poster(lang, "msme-for-bharat-jhansi-2025") / "index.html")
                    .as_uri(), tmp_path / "postponed.pdf")
    assert pdfinfo(pdf)["Pages"] == "1"
    assert "".join(said.split()) in text(pdf)


@pytest.mark.parametrize(("lang", "said", "first"), [
    ("hi", "नई तारीख तय", "पहले 20 सितंबर 2025 के लिए घोषित"),
    ("en", "Rescheduled", "first announced for 20 September 2025")])
def test_a_rescheduled_conclaves_poster_gives_the_day_first_announced(changed, lang, said,
                                                                     first):
    page = parse(changed / poster(lang, "msme-cluster-workshop-shimla-2025") / "index.html")
    assert page.find_class("poster-status")[0].text_content() == said
    assert first in page.find_class("poster-facts")[0].text_content()

"""Share cards (render/cards.py) as people meet them: the picture a WhatsApp or X preview
shows of a shared page. Every shared page names its card, in its language, at the size
previews ask for; the card's Hindi and English titles are read back with OCR (Debian's
tesseract with its Hindi data, installed by the Makefile), and a card drawn without shaping
fails that same reading; the same sources give the same bytes; an edit redraws only the
cards that show what changed; without Raqm the build stops and says what to install."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from breaking import JHANSI, edit
from conftest import BUILD_EPOCH, ROOT, build_into, html_pages
from PIL import Image
from sammelan.errors import SourceErrors
from sammelan.model.choices import ConclaveStatus
from sammelan.model.loader import load_site
from sammelan.render import cards, formats
from seo_pages import SITEURL, meta, of_type

JAMSHEDPUR = "msme-defence-conclave-2026"
TITLES = {"hi": "एमएसएमई डिफेंस कॉन्क्लेव 2026", "en": "MSME Defence Conclave 2026"}
OCR_LANGUAGES = {"hi": "hin", "en": "eng"}
ENTITY_FOLDERS = ("conclaves/", "speakers/", "schemes/", "news/")
MAX_BYTES = 300 * 1024
DEVANAGARI = re.compile(r"[\u0900-\u097f]")
TODAY = dt.date(2026, 1, 1)


def card_file(output: Path, page: Path) -> Path:
    """The file a page's og:image names, in the published build."""
    url = meta(page)["og:image"]
    assert url.startswith(SITEURL + "/"), url
    return output / url.removeprefix(SITEURL + "/")


def shared_pages(output: Path) -> list[Path]:
    return [p for p in html_pages(output) if p.name != "404.html"]


def test_every_shared_page_names_its_own_card_at_the_size_previews_ask_for(published_dir):
    pages = shared_pages(published_dir)
    seen: dict[Path, bytes] = {}
    for page in pages:
        tags, relative = meta(page), page.relative_to(published_dir).as_posix()
        card = card_file(published_dir, page)
        inner = relative.removeprefix("en/")
        own = inner.startswith(ENTITY_FOLDERS) and inner.count("/") == 2
        poster = inner.startswith("conclaves/") and inner.endswith("/poster/index.html")
        # a conclave, speaker, scheme or news page: its own card, beside it (a poster: its
        # conclave's); others the site's
        expected = (page.parent / "card.jpg" if own else page.parent.parent / "card.jpg"
                    if poster else published_dir / formats.prefix(
                        "en" if relative.startswith("en/") else "hi") / "card.jpg")
        assert card == expected, relative
        assert (tags["og:image:type"], tags["og:image:width"], tags["og:image:height"]) == (
            "image/jpeg", "1200", "630"), relative
        assert tags["twitter:card"] == "summary_large_image"
        # the alt text is in the page's language
        hindi = not relative.startswith("en/")
        assert bool(DEVANAGARI.search(tags["og:image:alt"])) == hindi, relative
        if card not in seen:
            seen[card] = card.read_bytes()
            with Image.open(io.BytesIO(seen[card])) as image:
                assert (image.format, image.size, image.mode) == ("JPEG", (1200, 630), "RGB")
                assert not image.info.get("exif"), card  # no date or other noise
            assert len(seen[card]) <= MAX_BYTES, card
    # 4 conclaves, their speakers, schemes and news, in two languages, and the site's two
    assert len(seen) == len({card_file(published_dir, p) for p in pages}) > 40
    assert sum("/conclaves/" in str(c) for c in seen) == 8
    assert sum("/speakers/" in str(c) for c in seen) == 2 * len(
        list((published_dir / "speakers").glob("*/index.html")))


def test_events_and_news_articles_name_their_card_in_json_ld(published_dir):
    for lang in ("hi", "en"):
        page = published_dir / formats.prefix(lang) / "conclaves" / JAMSHEDPUR / "index.html"
        (event,) = of_type(page, "Event")
        assert event["image"] == meta(page)["og:image"]
        assert event["image"].endswith(f"conclaves/{JAMSHEDPUR}/card.jpg")
    news = [p for p in shared_pages(published_dir) if "/news/" in str(p)
            and p.parent.name != "news"]
    assert news
    for page in news:
        (article,) = of_type(page, "NewsArticle")
        assert article["image"] == meta(page)["og:image"] == f"{SITEURL}/" + (
            page.parent / "card.jpg").relative_to(published_dir).as_posix()


# reading the card as a person would -----------------------------------------------------

def words(text: str) -> list[str]:
    """The words of a text, folded so that what OCR adds but nobody sees does not count: a
    zero-width joiner and a doubled halant (tesseract reads "क्ल" as "क्‍्ल")."""
    text = unicodedata.normalize("NFC", text).replace("\u200d", "")
    text = text.replace("\u094d\u094d", "\u094d")
    return re.findall(r"[\w\u0900-\u097f]+", text.casefold())


def read_back(jpeg: bytes, lang: str, folder: Path) -> list[str]:
    path = folder / f"card-{lang}.jpg"
    path.write_bytes(jpeg)
    done = subprocess.run(["tesseract", str(path), "stdout", "-l", OCR_LANGUAGES[lang]],
                          capture_output=True, text=True, check=True, timeout=60)
    return words(done.stdout)


def missing(title: str, read: list[str]) -> list[str]:
    return [word for word in words(title) if word not in read]


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_ocr_reads_the_title_back_from_the_card(published_dir, tmp_path, lang):
    jpeg = (published_dir / formats.CONCLAVE_CARD.path(lang, slug=JAMSHEDPUR)).read_bytes()
    read = read_back(jpeg, lang, tmp_path)
    assert missing(TITLES[lang], read) == [], read
    assert "2026" in read  # and its dates


@pytest.fixture(scope="module")
def site(seeded_root):
    return load_site(seeded_root, TODAY)[0]


def conclave(site, slug: str = JAMSHEDPUR):
    return next(c for c in site.conclaves if c.slug == slug)


def test_a_hindi_card_drawn_without_shaping_fails_the_same_reading(site, tmp_path):
    """Pillow's basic layout draws "क्ल" as "क्‌ल": the reading above must catch it."""
    card = cards.conclave_card(site.settings, conclave(site), "hi")
    assert card.title == TITLES["hi"]
    shaped = read_back(cards.draw(card), "hi", tmp_path)
    assert missing(card.title, shaped) == []
    unshaped = read_back(cards.draw(card, basic=True), "hi", tmp_path)
    assert missing(card.title, unshaped) != [], unshaped


@pytest.mark.parametrize(("status", "said"), [
    (ConclaveStatus.CANCELLED, {"hi": "रद्द", "en": "Cancelled"}),
    (ConclaveStatus.POSTPONED, {"hi": "स्थगित", "en": "Postponed"})])
def test_a_cancelled_or_postponed_card_says_so(site, status, said):
    changed = dataclasses.replace(conclave(site), status=status)
    for lang in ("hi", "en"):
        card = cards.conclave_card(site.settings, changed, lang)
        assert card.status == said[lang] and card.alt.startswith(said[lang])
        scheduled = cards.conclave_card(site.settings, dataclasses.replace(
            changed, status=ConclaveStatus.SCHEDULED), lang)
        assert scheduled.status is None
        # the dark red label is drawn above the title
        with Image.open(io.BytesIO(cards.draw(card))) as image:
            label = image.crop((cards.MARGIN + 4, 185, cards.MARGIN + 18, 205)).getcolors(4096)
        assert max(label)[1][0] > 100 > max(label)[1][1], label


def test_a_long_title_wraps_and_never_leaves_the_card(site):
    """A title of any length stays inside the margins, above the dates and place, and ends
    in an ellipsis when even the smallest size cannot hold it."""
    long = " ".join(["क्षेत्रीय उद्यमों के लिए अवसर"] * 12 + ["Aatmanirbharta" * 6])
    endless = "क्ष" * 4000  # one "word" of 8,000 letters: cut, quickly
    card = dataclasses.replace(cards.conclave_card(site.settings, conclave(site), "hi"),
                               title=long)
    for title in (long, endless, f"{endless} {long}"):
        assert_inside(cards.draw(dataclasses.replace(card, title=title)))
    pen = cards.Pen(Image.new("RGB", (cards.WIDTH, cards.HEIGHT)), "hi", False)
    lines = pen.wrap(long, cards.TITLE_SIZES[-1])
    assert len(lines) > 4
    assert all(pen.length(line, cards.TITLE_SIZES[-1], True) <= pen.width for line in lines)
    assert pen.fit(long, 44, True, ellipsis=True).endswith(cards.ELLIPSIS)


@pytest.mark.parametrize("text", [
    "क्षेत्रीय", "प्रदर्शनी", "अर्द्धचंद्र", "कार्यशाला", "श्रीमती", "ज़िले", "हिँदी",
    "स्टार्टअप्स", "उद्योगों", "ऑटो", "आईडेक्स", "द्वितीय", "राष्ट्रीय", "कृषि", "सितंबर,"])
def test_hindi_drawn_syllable_by_syllable_looks_as_drawn_whole(text):
    """Cards draw Devanagari one syllable at a time (each drawn once per build, so names
    never seen before cost little): a conjunct, a reph or an i-sign split from its
    consonants would show as a halant or a sign in the wrong place."""
    from PIL import ImageDraw

    size, top = 72, 100
    whole = Image.new("L", (1000, 160))
    ImageDraw.Draw(whole).text((10, top), text, fill=255, font=cards.font("deva", True, size),
                               anchor="ls", language="hi", direction="ltr")
    parts = Image.new("L", (1000, 160))
    drawn = cards.word(text, "hi", True, size, False)
    for piece in drawn.pieces:
        parts.paste(255, (round(10 + piece.left), top + piece.top), piece.mask)
    assert len(cards.syllables(text.rstrip(","))) > 1
    differ = sum(1 for a, b in zip(whole.tobytes(), parts.tobytes(), strict=True)
                 if abs(a - b) > 128)
    inked = sum(1 for a in whole.tobytes() if a > 128)
    assert differ < 0.03 * inked, (text, cards.syllables(text), differ, inked)


def assert_inside(jpeg: bytes) -> None:
    with Image.open(io.BytesIO(jpeg)) as image:
        gray = image.convert("L")
        right = gray.crop((cards.WIDTH - cards.MARGIN + 4, cards.BAND + cards.STRIP + 2,
                           cards.WIDTH, cards.HEIGHT))
        assert right.getextrema()[0] > 235  # nothing drawn in the right margin


# the same sources, the same bytes; an edit redraws only what shows it -------------------

def test_the_same_sources_give_the_same_card_bytes(site_dir, published_dir):
    """Two builds (preview and published: a card shows no address) and a fresh process."""
    found = sorted(p.relative_to(site_dir) for p in site_dir.rglob("card.jpg"))
    assert len(found) > 40
    for relative in found:
        assert (site_dir / relative).read_bytes() == (published_dir / relative).read_bytes()
    script = ("import sys, pickle; sys.path.insert(0, 'plugins');"
              "from sammelan.render import cards;"
              "sys.stdout.buffer.write(cards.draw(pickle.loads(sys.stdin.buffer.read())))")
    import pickle

    card = cards.site_card(load_site(ROOT / "tests/fixtures/seeded", TODAY)[0].settings, "hi")
    fresh = subprocess.run([sys.executable, "-c", script], input=pickle.dumps(card),
                           capture_output=True, check=True, cwd=ROOT).stdout
    assert fresh == (site_dir / "card.jpg").read_bytes() == cards.draw(card)


def test_an_edit_redraws_only_the_cards_that_show_it(project, tmp_path, monkeypatch):
    output = tmp_path / "output"
    assert build_into(output, root=project) == 0
    edit(project, JHANSI, "en: MSME for Bharat Conclave, Jhansi", "en: MSME for Bharat, Jhansi")
    assert build_into(output, root=project) == 0
    drawn: list[cards.Card] = []
    draw, words_key = cards.draw, cards.words_key
    monkeypatch.setattr(cards, "draw", lambda card, basic=False: drawn.append(card) or draw(
        card, basic))
    worded: list[str] = []  # the entity of each card whose words were worked out
    monkeypatch.setattr(cards, "words_key", lambda drawn_by, path, settings, page: worded.extend(
        e.slug for e in page.context.values()) or words_key(drawn_by, path, settings, page))
    edit(project, JHANSI, "en: MSME for Bharat, Jhansi", "en: MSME for Bharat Jhansi")
    # the third build updates the first one's folder: only what changed since is drawn
    assert build_into(output, root=project) == 0
    assert drawn
    for card in drawn:
        assert card.lang == "en"
        assert "MSME for Bharat Jhansi" in (card.title, *card.details), card
    # nor are the words of another entity's card worked out again: the memo kept their keys
    assert set(worded) == {"msme-for-bharat-jhansi-2025"}
    assert (output / "en/conclaves/msme-for-bharat-jhansi-2025/card.jpg").exists()


# the tools --------------------------------------------------------------------------------

def test_without_raqm_the_build_stops_and_says_what_to_install(project, tmp_path,
                                                                 monkeypatch, capsys):
    monkeypatch.setattr(cards, "raqm_available", lambda: False)
    assert build_into(tmp_path / "output", root=project) == 1
    said = capsys.readouterr().err
    assert "Makefile: error: share cards cannot be drawn: Pillow's Raqm" in said
    assert "libfribidi0" in said and "Traceback" not in said
    assert not (tmp_path / "output").exists()
    with pytest.raises(SourceErrors) as raised:
        cards.require()
    (problem,) = raised.value.problems
    assert DEVANAGARI.search(problem.render("hi"))  # and in Hindi for a Hindi reader


def test_without_the_font_the_build_stops_and_names_it(monkeypatch):
    monkeypatch.setattr(cards, "font_file", lambda style: None if "deva" in style else "x")
    with pytest.raises(SourceErrors) as raised:
        cards.require()
    said = [p.render("en") for p in raised.value.problems]
    assert len(said) == 2 and all("NotoSansDevanagari" in s and "fonts-noto-core" in s
                                  for s in said)


def test_raqm_is_there():
    """What the Makefile installs gives Pillow its Raqm layout (FriBiDi from the system)."""
    assert cards.raqm_available()
    cards.require()



def test_a_new_day_renders_the_pages_again_but_draws_no_card(project, tmp_path, monkeypatch):
    """The nightly build of a new day: what a card shows has not changed, so neither has it."""
    from sammelan.build import build
    from sammelan.options import BuildOptions

    day = 24 * 3600
    output = tmp_path / "output"
    for later in (0, day):
        assert build(project / "pelicanconf.py", output,
                     BuildOptions(epoch=int(BUILD_EPOCH) + later)) == 0
    drawn: list[cards.Card] = []
    monkeypatch.setattr(cards, "draw", lambda card, basic=False: drawn.append(card) or b"")
    page = output / "en/index.html"
    before = page.read_bytes()
    assert build(project / "pelicanconf.py", output,
                 BuildOptions(epoch=int(BUILD_EPOCH) + 2 * day)) == 0
    assert page.read_bytes() != before  # the pages were made again for the new day
    assert drawn == []

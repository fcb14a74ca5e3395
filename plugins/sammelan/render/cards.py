"""Share cards: the picture a link preview shows (WhatsApp, Telegram, X, Facebook) of each
conclave, speaker, scheme and news page, and of the site for every other page, in the
page's language: 1200×630 JPEG with the site's name on a band of its colours, the title,
the dates and the place, and the status when it is not "scheduled".

Hindi needs shaping: Pillow's basic layout draws every conjunct with a visible halant
("क्‌षेत्‌र" for "क्षेत्र"), so cards are drawn only with Raqm (bundled in Pillow's wheels,
with FriBiDi from the system) and the build stops when it is missing (`require`). The font
is Noto Sans Devanagari (Debian's fonts-noto-core, which the Makefile installs), which
covers Latin too, so both languages look alike.

Cheap at thousands of cards: fonts are loaded once per process and size, the band once per
site name, each Devanagari syllable and Latin word drawn once per process and size, and
JPEG is encoded without the optimizing pass. A session has no card: its
share link leads to its conclave's page, whose card is what a preview shows (previews read
the page's tags; the #fragment is not sent to the server).
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sammelan.errors import Location, Problem, SourceErrors
from sammelan.i18n import formatting, labels
from sammelan.i18n.catalog import N_, Gettext
from sammelan.i18n.messages import msg
from sammelan.model.choices import ConclaveStatus
from sammelan.model.entities import Site, SiteSettings
from sammelan.render import formats
from sammelan.render.config import RenderConfig
from sammelan.render.jobs import Job, Keys, digest
from sammelan.render.pages import Page, all_pages

WIDTH, HEIGHT = 1200, 630
QUALITY = 80  # JPEG: text stays crisp; a card weighs 40–70 KB
MARGIN = 64
BAND = 112  # the band's height, with the site's name
STRIP = 8  # the accent line under the band
# The stylesheet's colours (site.css :root): --brand, --accent, --ink, --muted, --warn
BRAND, ACCENT, INK, MUTED, WARN = "#123c69", "#a4430c", "#1a1f29", "#4b5563", "#8a1c0b"
WHITE = "#ffffff"
NAME_SIZE, DETAIL_SIZE, STATUS_SIZE = 40, 36, 32
TITLE_SIZES = (72, 64, 56, 50, 44)  # the largest that fits the title wins
LEADING = 1.3  # line height, in font sizes: room for Devanagari's marks above and below
ELLIPSIS = "…"
FONT_FOLDER = Path("/usr/share/fonts/truetype/noto")
# Debian's Noto Sans Devanagari has digits and punctuation but no Latin letters: those are
# drawn in Noto Sans, of the same design (fonts-noto-core has both).
FONT_FILES = {"deva-regular": "NotoSansDevanagari-Regular.ttf",
              "deva-bold": "NotoSansDevanagari-Bold.ttf",
              "latin-regular": "NotoSans-Regular.ttf", "latin-bold": "NotoSans-Bold.ttf"}
FONT_NAMES = {"deva-regular": "Noto Sans Devanagari:style=Regular",
              "deva-bold": "Noto Sans Devanagari:style=Bold",
              "latin-regular": "Noto Sans:style=Regular", "latin-bold": "Noto Sans:style=Bold"}
# The site's card when data/site.yaml has no description: the words the pages use then
DESCRIPTION = N_("Conclaves, workshops and government schemes for MSMEs, in Hindi and English.")
# The formats of cards, by the key of the entity in a page's context
FORMATS = {"conclave": formats.CONCLAVE_CARD, "speaker": formats.SPEAKER_CARD,
           "scheme": formats.SCHEME_CARD, "item": formats.NEWS_CARD}


@dataclass(frozen=True)
class Card:
    """Exactly what a card shows (its job's key): drawn from these alone."""

    lang: str
    site: str  # the site's name, on the band
    title: str
    details: tuple[str, ...] = ()  # dates, place: one line each
    status: str | None = None  # said above the title when the event is not as scheduled

    @property
    def alt(self) -> str:
        """The card's words, for og:image:alt."""
        return ". ".join(p for p in (self.status, self.title, *self.details) if p)


# what goes on the card ---------------------------------------------------------------

def for_page(settings: SiteSettings, page: Page) -> tuple[str, Card]:
    """The site-relative path of the card a page is shared with, and what it shows."""
    return path_of(page), card_of(settings, page)


def path_of(page: Page) -> str:
    """The site-relative path of the card a page is shared with."""
    key, entity = shown_on(page)
    return FORMATS[key].path(page.lang, slug=entity.slug) if key else formats.SITE_CARD.path(
        page.lang)


def card_of(settings: SiteSettings, page: Page) -> Card:
    key, entity = shown_on(page)
    return CONTENT[key](settings, entity, page.lang) if key else site_card(settings, page.lang)


def shown_on(page: Page) -> tuple[str | None, object]:
    """The entity whose card the page has (and its name in the page's context), or None
    for a page shared with the site's card."""
    for key in FORMATS:
        if key in page.context:
            return key, page.context[key]
    return None, None


def conclave_card(settings: SiteSettings, conclave, lang: str) -> Card:
    status = None
    if conclave.status != ConclaveStatus.SCHEDULED:
        status = Gettext(lang)(labels.CONCLAVE_STATUS[conclave.status])
    return Card(lang, settings.name(lang), conclave.title(lang),
                (formatting.when(conclave, lang), conclave.venue.joined(lang, "name", "city")),
                status)


def speaker_card(settings: SiteSettings, speaker, lang: str) -> Card:
    where = speaker.organization.name(lang) if speaker.organization else None
    return Card(lang, settings.name(lang), speaker.name(lang),
                tuple(d for d in (speaker.designation(lang), where) if d))


def scheme_card(settings: SiteSettings, scheme, lang: str) -> Card:
    title = scheme.name(lang) + (f" ({scheme.acronym})" if scheme.acronym else "")
    return Card(lang, settings.name(lang), title, (scheme.owner.name(lang),))


def news_card(settings: SiteSettings, item, lang: str) -> Card:
    day = formatting.date(item.published.date(), lang)  # in IST, as the page says
    about = (item.conclave.title(lang),) if item.conclave else ()
    return Card(lang, settings.name(lang), item.title(lang), (day, *about))


def site_card(settings: SiteSettings, lang: str) -> Card:
    description = (settings.description(lang) if settings.description
                   else Gettext(lang)(DESCRIPTION))
    return Card(lang, settings.name(lang), description)


CONTENT = {"conclave": conclave_card, "speaker": speaker_card, "scheme": scheme_card,
           "item": news_card}


def jobs(site: Site, config: RenderConfig, keys: Keys) -> Iterator[Job]:
    """One card per page that has its own, one per language for all the others; each keyed
    by what it shows and what draws it, and by nothing else of the build's frame (the day,
    the rest of the code): an edit redraws only the cards whose words changed, and the
    nightly build of a new day, which renders every page again, redraws none."""
    require()
    drawn_by = drawing()
    seen: set[str] = set()
    for page in all_pages(site, config.languages):
        path = path_of(page)
        if path not in seen:  # a poster shares its conclave's card, most pages the site's
            seen.add(path)
            words = functools.partial(words_key, drawn_by, path, site.settings, page)
            # An entity's card shows its words and its site's name: the same as in the last
            # build when the entity was made from the same files (the memo keeps the key),
            # so the words of 9,000 cards are not worked out again after every edit.
            made = site.made_from(shown_on(page)[1])
            key = (keys.lasting(("card", path, made, drawn_by, site.settings.name(page.lang)),
                                words) if made else words())
            yield Job(path, "cards", key,
                      lambda s=site.settings, p=page: draw(card_of(s, p)))


def words_key(drawn_by: str, path: str, settings: SiteSettings, page: Page) -> str:
    """The key of a card by what it shows and what draws it."""
    card = card_of(settings, page)
    # the fields as a tuple: the dataclass's own repr costs 6,000 speakers' cards a tenth of
    # a second of every build
    return digest(drawn_by, path, (card.lang, card.site, card.title, card.details,
                                   card.status))


@functools.cache
def drawing() -> str:
    """What draws a card beside its words: this module, Pillow and the fonts' bytes."""
    import PIL

    fonts = [hashlib.blake2b(Path(font_file(style)).read_bytes(), digest_size=16).hexdigest()
             for style in sorted(FONT_FILES)]
    return digest(Path(__file__).read_bytes(), PIL.__version__, fonts)


# the tools: Raqm and the font ----------------------------------------------------------

def require() -> None:
    """Stop the build, saying what to install, when cards cannot be drawn right."""
    problems = []
    if not raqm_available():
        problems.append(Problem(
            Location("Makefile"),
            msg("share cards cannot be drawn: Pillow's Raqm text layout is not available, "
                "and without it Hindi letters would be drawn broken"),
            msg("install FriBiDi (Debian: `apt-get install libfribidi0`, which `make test` "
                "does) and Pillow from requirements.lock (`make bootstrap`)")))
    for style in FONT_FILES:
        if font_file(style) is None:
            problems.append(Problem(
                Location(str(FONT_FOLDER / FONT_FILES[style])),
                msg("share cards cannot be drawn: the font %(font)s is not installed",
                    font=FONT_NAMES[style]),
                msg("install Debian's fonts-noto-core (`make test` does)")))
    if problems:
        raise SourceErrors(problems)


def raqm_available() -> bool:
    try:
        from PIL import features
    except ImportError:  # Pillow itself is missing: the same fix installs it
        return False
    return bool(features.check("raqm"))


@functools.cache
def font_file(style: str) -> str | None:
    """Debian's file, else the one fontconfig finds (only if it really is that font)."""
    known = FONT_FOLDER / FONT_FILES[style]
    if known.is_file():
        return str(known)
    if shutil.which("fc-match") is None:
        return None
    found = subprocess.run(
        ["fc-match", "-f", "%{file}", FONT_NAMES[style]],
        capture_output=True, text=True, check=False).stdout.strip()
    return found if Path(found).name == FONT_FILES[style] else None


# drawing --------------------------------------------------------------------------------

def draw(card: Card, basic: bool = False) -> bytes:
    """The card as JPEG bytes. `basic`: without shaping (only to show what it breaks)."""
    image = _background(card.site, card.lang, basic).copy()
    pen = Pen(image, card.lang, basic)
    top = BAND + STRIP + 48
    if card.status:
        top = pen.badge(card.status, top) + 28
    step = round(DETAIL_SIZE * LEADING)
    details_top = HEIGHT - 56 - len(card.details) * step
    pen.title(card.title, top, details_top - 24)
    for number, line in enumerate(card.details, start=1):
        pen.line(line, details_top + number * step - round(DETAIL_SIZE * 0.35), DETAIL_SIZE,
                 MUTED)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=QUALITY, optimize=False)
    return buffer.getvalue()


@functools.lru_cache(maxsize=8)
def _background(name: str, lang: str, basic: bool):
    """The band with the site's name, drawn once per process and name."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (WIDTH, HEIGHT), WHITE)
    canvas = ImageDraw.Draw(image)
    canvas.rectangle((0, 0, WIDTH, BAND), fill=BRAND)
    canvas.rectangle((0, BAND, WIDTH, BAND + STRIP), fill=ACCENT)
    Pen(image, lang, basic).line(name, BAND // 2 + NAME_SIZE * 0.35, NAME_SIZE, WHITE, True)
    return image


@functools.cache
def font(script: str, bold: bool, size: int, basic: bool = False):
    from PIL import ImageFont

    layout = ImageFont.Layout.BASIC if basic else ImageFont.Layout.RAQM
    style = "bold" if bold else "regular"
    return ImageFont.truetype(font_file(f"{script}-{style}"), size, layout_engine=layout)


@dataclass(frozen=True)
class Piece:
    """A run of one script drawn once: its coverage, where that sits from the pen."""

    mask: object  # an "L" image
    left: float
    top: int


@dataclass(frozen=True)
class Word:
    pieces: tuple[Piece, ...]
    advance: float


@functools.lru_cache(maxsize=1 << 14)
def word(text: str, lang: str, bold: bool, size: int, basic: bool) -> Word:
    """Words recur from card to card (places, months, "सम्मेलन", the site's name), and
    rasterizing glyphs is most of a card's time: each word is drawn once per process and
    size. Devanagari shapes within a word (conjuncts never join across a space), so
    drawing word by word with the space's advance between them is what a line would be.
    Each run of one script in its font: Debian's Noto Sans Devanagari has no Latin letters."""
    pieces, x = [], 0.0
    for script, run in runs(text):
        # Devanagari by syllable: names are mostly words never seen before, made of
        # syllables seen many times (a glyph costs Pillow 0.1 ms to draw, every time)
        for part in syllables(run) if script == "deva" and not basic else (run,):
            drawn = _drawn(part, script, lang, bold, size, basic)
            pieces.extend(Piece(p.mask, x + p.left, p.top) for p in drawn.pieces)
            x += drawn.advance
    return Word(tuple(pieces), x)


@functools.lru_cache(maxsize=1 << 14)
def _drawn(run: str, script: str, lang: str, bold: bool, size: int, basic: bool) -> Word:
    """A run of one script, drawn in its font."""
    from PIL import Image, ImageDraw

    options = {} if basic else {"language": lang, "direction": "ltr"}
    face = font(script, bold, size, basic)
    left, top, right, bottom = face.getbbox(run, anchor="ls", **options)
    pieces = ()
    if right > left and bottom > top:
        mask = Image.new("L", (right - left, bottom - top), 0)
        ImageDraw.Draw(mask).text((-left, -top), run, fill=255, font=face, anchor="ls",
                                  **options)
        pieces = (Piece(mask, left, top),)
    return Word(pieces, face.getlength(run, **options))


# A Devanagari orthographic syllable (akshara): consonants joined by halants, each with its
# nukta, then vowel signs and the marks after them; or an independent vowel with its signs.
# Shaping (conjuncts, reph, the i-sign drawn before its consonant) never reaches across two.
_CONSONANT = "[\u0915-\u0939\u0958-\u095f\u0978-\u097f]\u093c?"
_SIGNS = "[\u093a\u093b\u093e-\u094c\u094e\u094f\u0955-\u0957\u0962\u0963]*"
_MARKS = "[\u0900-\u0903\ua8e0-\ua8f1\u1cd0-\u1cff]*"
SYLLABLE = re.compile(
    f"(?:{_CONSONANT}(?:\u094d[\u200c\u200d]?{_CONSONANT})*(?:\u094d[\u200c\u200d]?|"
    f"{_SIGNS}){_MARKS}|[\u0904-\u0914\u0960\u0961\u0972-\u0977]\u093c?{_SIGNS}"
    f"{_MARKS}|.)", re.S)


def syllables(run: str) -> list[str]:
    return SYLLABLE.findall(run)


def runs(text: str) -> list[tuple[str, str]]:
    """(script, text) runs: "deva" for Devanagari letters, "latin" for other letters;
    digits, punctuation and marks go with the run they are in (the first: with the next)."""
    found: list[list[str]] = []
    for character in text:
        script = _script(character)
        if found and (script is None or script == found[-1][0]):
            found[-1][1] += character
        elif found and found[-1][0] is None:
            found[-1] = [script, found[-1][1] + character]
        else:
            found.append([script, character])
    return [(script or "latin", run) for script, run in found]


def _script(character: str) -> str | None:
    if "\u0900" <= character <= "\u097f" or "\ua8e0" <= character <= "\ua8ff" or (
            "\u1cd0" <= character <= "\u1cff"):
        return "deva"
    if character.isalpha():
        return "latin"
    return None


@functools.lru_cache(maxsize=1 << 15)
def measure(text: str, lang: str, bold: bool, size: int, basic: bool) -> float:
    """A text's advance, each script's run in its font, without drawing it."""
    options = {} if basic else {"language": lang, "direction": "ltr"}
    return sum(font(script, bold, size, basic).getlength(run, **options)
               for script, run in runs(text))


class Pen:
    """Draws lines of one language on a card, word by word, wrapped or cut to its width."""

    def __init__(self, image, lang: str, basic: bool):
        self.image, self.lang, self.basic = image, lang, basic
        self.width = WIDTH - 2 * MARGIN

    def word(self, text: str, size: int, bold: bool) -> Word:
        return word(text, self.lang, bold, size, self.basic)

    def length(self, text: str, size: int, bold: bool = False) -> float:
        words = text.split()
        space = measure(" ", self.lang, bold, size, self.basic)
        return sum(measure(w, self.lang, bold, size, self.basic) for w in words) + space * max(
            0, len(words) - 1)

    def line(self, text: str, baseline: float, size: int, fill: str, bold: bool = False,
             x: float = MARGIN) -> None:
        """One line, ellipsized if it is wider than the card."""
        space = self.word(" ", size, bold).advance
        for part in self.fit(text, size, bold).split():
            drawn = self.word(part, size, bold)
            for piece in drawn.pieces:
                self.image.paste(fill, (round(x + piece.left), round(baseline) + piece.top),
                                 piece.mask)
            x += drawn.advance + space

    def badge(self, text: str, top: int) -> int:
        """The status on a dark red label; returns its bottom."""
        from PIL import ImageDraw

        text = self.fit(text, STATUS_SIZE, True, self.width - 40)
        height = round(STATUS_SIZE * 1.6)
        right = MARGIN + 40 + self.length(text, STATUS_SIZE, True)
        ImageDraw.Draw(self.image).rounded_rectangle((MARGIN, top, right, top + height), 10,
                                                     fill=WARN)
        self.line(text, top + height / 2 + STATUS_SIZE * 0.35, STATUS_SIZE, WHITE, True,
                  MARGIN + 20)
        return top + height

    def title(self, text: str, top: int, bottom: int) -> None:
        """The title in the largest size whose lines fit between top and bottom; at the
        smallest, the lines that fit, the last one ending in an ellipsis."""
        for size in TITLE_SIZES:
            step = round(size * LEADING)
            room = max(1, (bottom - top) // step)
            lines = self.wrap(text, size, room + 1)
            if len(lines) <= room:
                break
        if len(lines) > room:
            lines = [*lines[:room - 1], self.fit(" ".join(lines[room - 1:]), size, True,
                                                 ellipsis=True)]
        for number, line in enumerate(lines, start=1):
            self.line(line, top + number * step - round(size * 0.35), size, INK, True)

    def wrap(self, text: str, size: int, limit: int = 1 << 16) -> list[str]:
        """Words on lines no wider than the card, at most `limit` lines (and what is left
        on the last): a word wider than a line is cut."""
        lines: list[str] = []
        current = ""
        parts = text.split()
        for number, part in enumerate(parts):
            if len(lines) >= limit - 1:
                lines.append(" ".join([current, *parts[number:]]).strip())
                return lines
            trial = f"{current} {part}" if current else part
            if self.length(trial, size, True) <= self.width:
                current = trial
                continue
            if current:
                lines.append(current)
            current = part
            while len(lines) < limit - 1 and self.length(current, size, True) > self.width:
                head = self.cut(current, size, True, self.width)
                lines.append(head)
                current = current[len(head):]
        if current:
            lines.append(current)
        return lines

    def fit(self, text: str, size: int, bold: bool = False, width: float | None = None,
            ellipsis: bool = False) -> str:
        """The text, or as much of it as fits followed by an ellipsis."""
        width = width or self.width
        if not ellipsis and self.length(text, size, bold) <= width:
            return text
        parts = text.split()
        kept = ""
        for part in parts:
            trial = f"{kept} {part}" if kept else part
            if self.length(f"{trial} {ELLIPSIS}", size, bold) > width:
                break
            kept = trial
        if not kept:  # one word wider than the line: cut inside it
            room = width - self.length(ELLIPSIS, size, bold)
            return self.cut(parts[0] if parts else "", size, bold, room) + ELLIPSIS
        return f"{kept} {ELLIPSIS}"

    def cut(self, text: str, size: int, bold: bool, width: float) -> str:
        """The longest start of `text` that fits `width`, never ending before a combining
        mark (a vowel sign or halant belongs to the letter before it); at least a letter.
        Measured, not drawn, and found by halving: a word may be thousands of letters."""
        low, high = 1, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            if measure(text[:middle], self.lang, bold, size, self.basic) <= width:
                low = middle
            else:
                high = middle - 1
        end = low
        while end > 1 and _joins(text[end:end + 1]):
            end -= 1
        while end < len(text) and _joins(text[end]):
            end += 1
        return text[:end]


def _joins(character: str) -> bool:
    """Whether a character is drawn with the one before it (a mark, or a joiner)."""
    return bool(character) and (unicodedata.category(character) in ("Mn", "Mc")
                                or character in "\u200c\u200d")

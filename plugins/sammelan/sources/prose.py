"""Markdown prose → safe HTML, and the prose files beside each entity."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable
from pathlib import Path

import markdown
import nh3

from sammelan.checks import complexity, placeholders, unsafe
from sammelan.checks import text as characters
from sammelan.errors import Location, Problem
from sammelan.i18n.catalog import N_, Gettext
from sammelan.i18n.messages import msg
from sammelan.model.entities import LANGUAGES, Html
from sammelan.sources.files import read_text

ALLOWED_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code",
                "h3", "h4", "h5", "h6", "span", "abbr", "q", "cite"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "span": {"lang"},
                      "abbr": {"title", "lang"}, "q": {"lang"}, "*": {"lang"}}
URL_SCHEMES = set(unsafe.SAFE_SCHEMES)
# The largest real text is 7.5 KB and its longest paragraph 708 characters. Within these
# limits (and complexity.py's) the slowest text yet found is checked and rendered in about
# 2 s; one 490 KB paragraph took Markdown 37 s, and 64 KB of `[a ` 220 s.
MAX_BYTES = 32 * 1024
MAX_PARAGRAPH = 4000  # characters


def to_html(text: str, lang: str = "en") -> str:
    """Render Markdown to the safe HTML of a page."""
    return mark_external(_clean(_markdown(text)), lang)


# A link to another site (http or https, as nh3 writes its start tag) and its text: links
# do not nest, so its end is the next </a>; nh3 adds rel="noopener" last to every link.
_LINK_OUT = re.compile(r'(<a [^>]*?\bhref="(?i:https?)://[^"]*"[^>]*?) rel="noopener">(.*?)</a>',
                       re.S)


def leaving(lang: str) -> str:
    """What follows the text of a link to another site (GIGW: a visitor is told before
    leaving the site): an arrow for the eye, words for screen readers, in the page's
    language. Templates (html.py) and prose put the same after every such link."""
    words = Gettext(lang)(N_("(external website)"))
    return (f'<span class="external"><span aria-hidden="true">↗</span>'
            f'<span class="visually-hidden"> {words}</span></span>')


def mark_external(html: str, lang: str) -> str:
    """Links to other sites marked once, when the prose is read (not in every page)."""
    if "<a " not in html:
        return html
    after = leaving(lang)
    return _LINK_OUT.sub(lambda m: f'{m[1]} rel="external noopener">{m[2]}{after}</a>', html)


def _markdown(text: str) -> str:
    """Python-Markdown's HTML; headings start at <h3> because the page owns h1 and h2."""
    return _converter().reset().convert(text)


@functools.cache
def _converter() -> markdown.Markdown:
    """One converter for every text, reset before each: making one per text (its parser,
    patterns and extensions) was a third of Markdown's time on a first build."""
    return markdown.Markdown(extensions=["toc"],
                             extension_configs={"toc": {"baselevel": 3, "anchorlink": False,
                                                        "permalink": False}},
                             output_format="html")


def _clean(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=URL_SCHEMES, link_rel="noopener")


def read(folder: Path, slug: str, root: Path, required: bool,
         refused: Callable[[str], bool] = lambda relative: False) -> tuple[Html, list[Problem]]:
    """Read `<slug>.hi.md` and `<slug>.en.md`; both when required, else both or neither.
    `refused` names the paths already refused (and reported) by the survey of the files."""
    html: dict[str, str] = {}
    unreadable: set[str] = set()  # present but refused: reported as such, not as missing
    problems: list[Problem] = []
    shown = folder.relative_to(root).as_posix()
    for lang in LANGUAGES:
        path, file = folder / f"{slug}.{lang}.md", f"{shown}/{slug}.{lang}.md"
        if refused(file):
            unreadable.add(lang)
        elif os.path.lexists(path):  # a link too, which read_text refuses
            raw, bad = read_text(path, file, MAX_BYTES)
            bad = bad or too_intricate(raw or "", file)
            if bad:  # not parsed at all: parsing such a text could take minutes
                unreadable.add(lang)
                problems.extend(bad)
                continue
            rendered, found = _render((raw or "").removeprefix("\ufeff"), file, lang)
            problems.extend(found)
            if any(not p.warning for p in found):
                unreadable.add(lang)  # its problems are reported; it is not missing
            if rendered is not None:
                html[lang] = rendered
    for lang in LANGUAGES:
        if lang in html or lang in unreadable:
            continue
        missing = Location(f"{shown}/{slug}.{lang}.md")
        if required:
            problems.append(Problem(missing, MISSING[lang],
                                    msg("write it in %(file)s", file=missing.file)))
        elif html:
            problems.append(Problem(missing, _UNTRANSLATED[lang],
                                    msg("translate it into %(file)s", file=missing.file),
                                    warning=True))
    return Html(**html), problems


def html_of(raw: str, lang: str) -> str | None:
    """The HTML that `read` makes of one file's text, or None where it would refuse the
    text or find it empty: for old versions of a file (tools/entry_history.py)."""
    if len(raw.encode("utf-8")) > MAX_BYTES or too_intricate(raw, "history"):
        return None
    rendered, problems = _render(raw.removeprefix("\ufeff"), "history", lang)
    return None if any(not p.warning for p in problems) else rendered


MISSING = {"hi": msg("the Hindi text is missing"), "en": msg("the English text is missing")}
_UNTRANSLATED = {"hi": msg("there is no Hindi translation of the text"),
                 "en": msg("there is no English translation of the text")}


def _render(raw: str, file: str, lang: str) -> tuple[str | None, list[Problem]]:
    """One Markdown file's safe HTML (None when it is empty), and its problems. Whatever the
    sanitizer would change that no check named is a problem too, never a silent change."""
    problems = (placeholders.in_text(raw, file) + characters.in_prose(raw, file)
                + unsafe.problems(raw, file, ALLOWED_TAGS, ALLOWED_ATTRIBUTES))
    if not raw.strip():
        return None, problems
    rendered = _markdown(raw.strip())
    cleaned = _clean(rendered)
    if not problems:
        problems = unsafe.dropped(raw, rendered, cleaned, file)
    return mark_external(cleaned, lang), problems


def too_intricate(text: str, file: str) -> list[Problem]:
    """What would make Markdown slow: too many of its marks (complexity.py), or a paragraph
    so long that its links are searched for in all of it (the time grows with the square)."""
    return complexity.problems(text, file) or _long_paragraphs(text, file)


def _long_paragraphs(text: str, file: str) -> list[Problem]:
    found: list[Problem] = []
    start, length = 0, 0  # the paragraph's first line, and its characters so far
    for number, line in enumerate([*text.split("\n"), ""], start=1):
        if line.strip(" \t\r"):
            start, length = start or number, length + len(line) + 1
            continue
        if length - 1 > MAX_PARAGRAPH:
            found.append(Problem(Location(file, start, 1),
                                 msg("this paragraph is %(length)s characters long, over the "
                                     "limit of %(limit)s", length=length - 1,
                                     limit=MAX_PARAGRAPH),
                                 msg("split it into shorter paragraphs, with an empty line "
                                     "between them"), "text"))
        start, length = 0, 0
    return found

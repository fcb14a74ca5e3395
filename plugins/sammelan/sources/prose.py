"""Markdown prose → safe HTML, and the prose files beside each entity."""

from __future__ import annotations

from pathlib import Path

import markdown
import nh3

from sammelan.checks import complexity, placeholders, unsafe
from sammelan.checks import text as characters
from sammelan.errors import Location, Problem
from sammelan.model.entities import LANGUAGES, Html
from sammelan.sources.files import read_text

ALLOWED_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code",
                "h3", "h4", "h5", "h6", "span", "abbr", "q", "cite"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "span": {"lang"},
                      "abbr": {"title", "lang"}, "q": {"lang"}, "*": {"lang"}}
URL_SCHEMES = set(unsafe.SAFE_SCHEMES)


def to_html(text: str) -> str:
    """Render Markdown to the safe HTML of a page."""
    return _clean(_markdown(text))


def _markdown(text: str) -> str:
    """Python-Markdown's HTML; headings start at <h3> because the page owns h1 and h2."""
    return markdown.markdown(text, extensions=["toc"],
                             extension_configs={"toc": {"baselevel": 3, "anchorlink": False,
                                                        "permalink": False}},
                             output_format="html")


def _clean(html: str) -> str:
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=URL_SCHEMES, link_rel="noopener")


def read(folder: Path, slug: str, root: Path, required: bool) -> tuple[Html, list[Problem]]:
    """Read `<slug>.hi.md` and `<slug>.en.md`; both when required, else both or neither."""
    html: dict[str, str] = {}
    unreadable: set[str] = set()  # present but refused: reported as such, not as missing
    problems: list[Problem] = []
    shown = folder.relative_to(root).as_posix()
    for lang in LANGUAGES:
        path = folder / f"{slug}.{lang}.md"
        if path.exists():
            raw, bad = read_text(path, f"{shown}/{path.name}")
            if raw is None:
                unreadable.add(lang)
            rendered, found = _render((raw or "").removeprefix("\ufeff"), f"{shown}/{path.name}")
            problems.extend(bad + found)
            if any(not p.warning for p in found):
                unreadable.add(lang)  # its problems are reported; it is not missing
            if rendered is not None:
                html[lang] = rendered
    for lang in LANGUAGES:
        if lang in html or lang in unreadable:
            continue
        missing = Location(f"{shown}/{slug}.{lang}.md")
        name = "Hindi" if lang == "hi" else "English"
        if required:
            problems.append(Problem(missing, f"the {name} text is missing",
                                    f"write it in {missing.file}"))
        elif html:
            problems.append(Problem(missing, f"there is no {name} translation of the text",
                                    f"translate it into {missing.file}", warning=True))
    return Html(**html), problems


def _render(raw: str, file: str) -> tuple[str | None, list[Problem]]:
    """One Markdown file's safe HTML (None when it is empty), and its problems. Whatever the
    sanitizer would change that no check named is a problem too, never a silent change."""
    too_complex = complexity.problems(raw, file)
    if too_complex:  # parsing such a text could take minutes; it is not parsed at all
        return None, too_complex
    problems = (placeholders.in_text(raw, file) + characters.in_prose(raw, file)
                + unsafe.problems(raw, file, ALLOWED_TAGS, ALLOWED_ATTRIBUTES))
    if not raw.strip():
        return None, problems
    rendered = _markdown(raw.strip())
    cleaned = _clean(rendered)
    if not problems:
        problems = unsafe.dropped(raw, rendered, cleaned, file)
    return cleaned, problems


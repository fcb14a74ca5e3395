"""Markdown prose → safe HTML, and the prose files beside each entity."""

from __future__ import annotations

from pathlib import Path

import markdown
import nh3

from sammelan.checks import placeholders, unsafe
from sammelan.errors import Location, Problem
from sammelan.model.entities import LANGUAGES, Html
from sammelan.sources.files import read_text

ALLOWED_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "blockquote", "code",
                "h3", "h4", "h5", "h6", "span", "abbr", "q", "cite"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title", "hreflang"}, "span": {"lang"},
                      "abbr": {"title", "lang"}, "q": {"lang"}, "*": {"lang"}}
URL_SCHEMES = set(unsafe.SAFE_SCHEMES)


def to_html(text: str) -> str:
    """Render Markdown; headings start at <h3> because the page owns h1 and h2."""
    html = markdown.markdown(text, extensions=["toc"],
                             extension_configs={"toc": {"baselevel": 3, "anchorlink": False,
                                                        "permalink": False}},
                             output_format="html")
    return nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                     url_schemes=URL_SCHEMES, link_rel="noopener")


def read(folder: Path, slug: str, root: Path, required: bool) -> tuple[Html, list[Problem]]:
    """Read `<slug>.hi.md` and `<slug>.en.md`; both when required, else both or neither."""
    texts: dict[str, str] = {}
    unreadable: set[str] = set()  # present but refused: reported as such, not as missing
    problems: list[Problem] = []
    shown = folder.relative_to(root).as_posix()
    for lang in LANGUAGES:
        path = folder / f"{slug}.{lang}.md"
        if path.exists():
            raw, bad = read_text(path, f"{shown}/{path.name}")
            if raw is None:
                unreadable.add(lang)
            raw = raw or ""
            problems.extend(bad + placeholders.in_text(raw, f"{shown}/{path.name}"))
            problems.extend(unsafe.problems(raw, f"{shown}/{path.name}", ALLOWED_TAGS,
                                            ALLOWED_ATTRIBUTES))
            if raw.strip():
                texts[lang] = raw.strip()
    for lang in LANGUAGES:
        if lang in texts or lang in unreadable:
            continue
        missing = Location(f"{shown}/{slug}.{lang}.md")
        name = "Hindi" if lang == "hi" else "English"
        if required:
            problems.append(Problem(missing, f"the {name} text is missing",
                                    f"write it in {missing.file}"))
        elif texts:
            problems.append(Problem(missing, f"there is no {name} translation of the text",
                                    f"translate it into {missing.file}", warning=True))
    return Html(**{lang: to_html(t) for lang, t in texts.items()}), problems


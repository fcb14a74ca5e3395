"""Finds raw HTML and links in Markdown that the sanitizer would remove, and names them.

`prose.to_html` still cleans every page with nh3; this module exists so that an
organizer learns *before* publishing that a `<script>`, an `onclick=`, a
`javascript:` link or a tag outside the allowlist would not appear, with the
line and column where they wrote it, instead of the text silently changing.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from sammelan.errors import Location, Problem

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# browsers ignore ASCII white space and control characters inside a scheme (`java\tscript:`)
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")
_CODE = re.compile(r"(`+)(?:.|\n)*?\1")
# a link target may hold one level of balanced parentheses, as Markdown allows
# (Markdown keeps tabs and spaces inside a target, which browsers then ignore in a scheme)
_MD_LINK = re.compile(r"\]\([ \t]*<?((?:[^()\n<>]|\([^()\n]*\))*)")
_MD_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "cite", "data"}


def problems(text: str, file: str, tags: set[str], attributes: dict[str, set[str]]
             ) -> list[Problem]:
    """Every unsafe or dropped construct in one Markdown file, in file order."""
    source = _blank_code(text)
    finder = _Finder(file, tags, attributes)
    finder.feed(source)
    finder.close()
    found = finder.problems + _markdown_links(source, file) + _images(source, file)
    return sorted(found)


def unsafe_scheme(url: str) -> str | None:
    """The scheme of `url` when it is not one of SAFE_SCHEMES, else None."""
    match = _SCHEME.match(_IGNORED_IN_URL.sub("", url))
    if match and match.group(1).lower() not in SAFE_SCHEMES:
        return match.group(1).lower()
    return None


def _blank_code(text: str) -> str:
    """Code spans and fences are shown as text, not run: blank them, keeping positions."""
    return _CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _link_problem(file: str, line: int, column: int, url: str, scheme: str) -> Problem:
    return Problem(Location(file, line, column), f"the link `{url}` uses `{scheme}:`, "
                   "which the site does not allow",
                   "link only to http://, https://, mailto: or tel: addresses", "link")


def _markdown_links(text: str, file: str) -> list[Problem]:
    found = []
    for pattern in (_MD_LINK, _MD_REFERENCE):
        for match in pattern.finditer(text):
            scheme = unsafe_scheme(match.group(1))
            if scheme:
                found.append(_link_problem(file, *_position(text, match.start(1)),
                                           match.group(1).strip(), scheme))
    return found


def _images(text: str, file: str) -> list[Problem]:
    return [Problem(Location(file, *_position(text, m.start())),
                    "pictures inside the text are not shown",
                    "remove `![…](…)`; a speaker's photo goes in the `photo:` field", "html")
            for m in _MD_IMAGE.finditer(text)]


class _Finder(HTMLParser):
    def __init__(self, file: str, tags: set[str], attributes: dict[str, set[str]]):
        super().__init__(convert_charrefs=True)
        self.file, self.tags, self.attributes = file, tags, attributes
        self.problems: list[Problem] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line, column = self.getpos()
        column += 1
        if ":" in tag or "@" in tag:  # a Markdown autolink such as <https://…>
            raw = self.get_starttag_text().strip("<>")
            scheme = unsafe_scheme(raw)
            if scheme:
                self.problems.append(_link_problem(self.file, line, column, raw, scheme))
            return
        if tag not in self.tags:
            self.problems.append(self._tag_problem(tag, line, column))
            return
        allowed = self.attributes.get(tag, set()) | self.attributes.get("*", set())
        for name, value in attrs:
            self._check_attribute(tag, name, value or "", allowed, line, column)

    handle_startendtag = handle_starttag

    def _tag_problem(self, tag: str, line: int, column: int) -> Problem:
        if tag in ("script", "style", "iframe", "object", "embed", "form"):
            return Problem(Location(self.file, line, column),
                           f"`<{tag}>` is not allowed in the text",
                           "remove it; pages carry no scripts, styles or embedded content",
                           "html")
        return Problem(Location(self.file, line, column),
                       f"the HTML tag `<{tag}>` is not allowed and would be removed",
                       "write Markdown instead, or use one of: "
                       + ", ".join(f"<{t}>" for t in sorted(self.tags)), "html")

    def _check_attribute(self, tag: str, name: str, value: str, allowed: set[str],
                         line: int, column: int) -> None:
        if name in URL_ATTRIBUTES and unsafe_scheme(value):
            self.problems.append(_link_problem(self.file, line, column, value,
                                               unsafe_scheme(value) or ""))
        elif name.startswith("on"):
            self.problems.append(Problem(
                Location(self.file, line, column),
                f"the attribute `{name}` on `<{tag}>` runs a script and is not allowed",
                f"remove `{name}=…`", "html"))
        elif name not in allowed:
            self.problems.append(Problem(
                Location(self.file, line, column),
                f"the attribute `{name}` on `<{tag}>` is not allowed and would be removed",
                f"remove it; allowed here: {', '.join(sorted(allowed)) or 'none'}", "html"))

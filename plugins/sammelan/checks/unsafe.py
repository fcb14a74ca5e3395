"""Finds raw HTML and links in Markdown that the sanitizer would remove, and names them.

`prose.to_html` still cleans every page with nh3; this module exists so that an
organizer learns *before* publishing that a `<script>`, an `onclick=`, a
`javascript:` link or a tag outside the allowlist would not appear, with the
line and column where they wrote it, instead of the text silently changing.
"""

from __future__ import annotations

import bisect
import html
import re
from html.parser import HTMLParser

from sammelan.checks import text as characters
from sammelan.errors import Location, Problem
from sammelan.i18n.messages import Text, msg

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
# browsers ignore ASCII white space and control characters inside a scheme (`java\tscript:`)
_IGNORED_IN_URL = re.compile(r"[\x00-\x20\x7f]")
# A tag is skipped whole before code spans are looked for, so that a backtick inside an
# attribute (`<a title="`">`) cannot start a "code span" that hides the HTML after it.
_TAG_OR_TICKS = re.compile(r"""(?P<tag><[A-Za-z/!?](?:"[^"]*"|'[^']*'|[^'"<>])*>)|`+""")
_TICKS = re.compile(r"`+")
_NOT_NEWLINE = re.compile(r"[^\n]")
# a link target may start on the next line and hold one level of balanced parentheses, as
# Markdown allows (Markdown keeps tabs and spaces inside a target, which browsers then ignore
# in a scheme)
_MD_LINK = re.compile(r"\]\([ \t]*\n?[ \t]*<?((?:[^()\n<>]|\([^()\n]*\))*)")
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
    lines = characters.Lines(source)
    found = finder.problems + _markdown_links(source, file, lines) + _images(source, file, lines)
    return sorted(found + characters.in_references(source, file))


def unsafe_scheme(url: str) -> str | None:
    """The scheme of `url` when it is not one of SAFE_SCHEMES, else None."""
    match = _SCHEME.match(_IGNORED_IN_URL.sub("", url))
    if match and match.group(1).lower() not in SAFE_SCHEMES:
        return match.group(1).lower()
    return None


def _blank_code(text: str) -> str:
    """Code spans and fences are shown as text, not run: blank them, keeping positions.
    A span ends at the next run of exactly as many backticks, as in Python-Markdown; the runs
    are indexed first, so that an unclosed one costs a lookup, not a scan to the end."""
    runs: dict[int, list[int]] = {}
    for run in _TICKS.finditer(text):
        runs.setdefault(len(run.group()), []).append(run.start())
    pieces, done, pos = [], 0, 0
    while match := _TAG_OR_TICKS.search(text, pos):
        pos = match.end()
        if match.group("tag"):
            continue
        starts = runs[len(match.group())]
        closing = bisect.bisect_left(starts, pos)
        if closing < len(starts):
            end = starts[closing] + len(match.group())
            pieces += [text[done:match.start()], _NOT_NEWLINE.sub(" ", text[match.start():end])]
            done = pos = end
    return "".join(pieces) + text[done:]


SCHEME_FIX = msg("link only to http://, https://, mailto: or tel: addresses")


def scheme_refused(url: str, scheme: str) -> Text:
    return msg("the link `%(url)s` uses `%(scheme)s:`, which the site does not allow",
               url=url, scheme=scheme)


def _link_problem(file: str, line: int, column: int, url: str, scheme: str) -> Problem:
    return Problem(Location(file, line, column), scheme_refused(url, scheme), SCHEME_FIX,
                   "link")


def _markdown_links(text: str, file: str, lines: characters.Lines) -> list[Problem]:
    found = []
    for pattern in (_MD_LINK, _MD_REFERENCE):
        for match in pattern.finditer(text):
            # Python-Markdown keeps `&#x73;` and `&colon;` in the address; browsers decode them
            scheme = unsafe_scheme(html.unescape(match.group(1)))
            if scheme:
                found.append(_link_problem(file, *lines.position(match.start(1)),
                                           match.group(1).strip(), scheme))
    return found


def _images(text: str, file: str, lines: characters.Lines) -> list[Problem]:
    return [Problem(Location(file, *lines.position(m.start())),
                    msg("pictures inside the text are not shown"),
                    msg("remove `![…](…)`; a speaker's photo goes in the `photo:` field"),
                    "html")
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

    # Comments, CDATA sections, declarations and processing instructions are never shown.
    def handle_comment(self, data: str) -> None:
        self._hidden(f"<!--{data}-->",
                     msg("delete it, or write its text without `<!--` and `-->`"))

    def unknown_decl(self, data: str) -> None:
        self._hidden(f"<![{data}]]>", msg("delete it, or write its text as plain text"))

    def handle_decl(self, decl: str) -> None:
        self._hidden(f"<!{decl}>", msg("delete it"))

    def handle_pi(self, data: str) -> None:
        self._hidden(f"<?{data}>", msg("delete it"))

    def _hidden(self, written: str, fix: Text) -> None:
        line, column = self.getpos()
        self.problems.append(Problem(Location(self.file, line, column + 1),
                                     msg("`%(text)s` would not appear on the page",
                                         text=_short(written)), fix, "html"))

    def _tag_problem(self, tag: str, line: int, column: int) -> Problem:
        if tag in ("script", "style", "iframe", "object", "embed", "form"):
            return Problem(Location(self.file, line, column),
                           msg("`<%(tag)s>` is not allowed in the text", tag=tag),
                           msg("remove it; pages carry no scripts, styles or embedded content"),
                           "html")
        return Problem(Location(self.file, line, column),
                       msg("the HTML tag `<%(tag)s>` is not allowed and would be removed",
                           tag=tag),
                       msg("write Markdown instead, or use one of: %(tags)s",
                           tags=", ".join(f"<{t}>" for t in sorted(self.tags))), "html")

    def _check_attribute(self, tag: str, name: str, value: str, allowed: set[str],
                         line: int, column: int) -> None:
        if name in URL_ATTRIBUTES and unsafe_scheme(value):
            self.problems.append(_link_problem(self.file, line, column, value,
                                               unsafe_scheme(value) or ""))
        elif name.startswith("on"):
            self.problems.append(Problem(
                Location(self.file, line, column),
                msg("the attribute `%(name)s` on `<%(tag)s>` runs a script and is not allowed",
                    name=name, tag=tag),
                msg("remove `%(name)s=…`", name=name), "html"))
        elif name not in allowed:
            self.problems.append(Problem(
                Location(self.file, line, column),
                msg("the attribute `%(name)s` on `<%(tag)s>` is not allowed and would be "
                    "removed", name=name, tag=tag),
                msg("remove it; allowed here: %(allowed)s",
                    allowed=", ".join(sorted(allowed)) or msg("none")), "html"))


def _short(text: str, limit: int = 40) -> str:
    """A snippet of source text for a message: one line, at most `limit` characters."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


# The safety net: what the sanitizer removed that no check above named --------------------

# Python-Markdown gives headings an id that the page does not keep, and nh3 adds rel=noopener:
# neither changes what a reader sees.
_IGNORED_ATTRIBUTES = {"id", "rel"}

Event = tuple  # ("text", words) | ("tag", name, attributes) | ("hidden", data)


def dropped(source: str, rendered: str, cleaned: str, file: str) -> list[Problem]:
    """A problem where `cleaned` (nh3's output) differs from `rendered` (Python-Markdown's)
    in more than serialization: the text would change silently, in a way the checks above
    did not foresee. Found at the first difference, as near to its line as can be told."""
    if cleaned == rendered:  # nearly every text: nothing to compare, nothing to parse
        return []
    before, after = _shape(rendered), _shape(cleaned)
    index = next((i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
                 len(before))
    if index == len(before):  # nothing removed (at most an element closed and reopened)
        return []
    event, other = before[index], after[index] if index < len(after) else None
    where = Location(file, *characters.Lines(source).position(_locate(source, before, index)))
    return [Problem(where, *_what_changed(event, other), "html")]


# Markdown that makes an element the page does not allow: what it is, and what to do instead
_MADE = {"hr": (msg("a line of `***`, `---` or `___` makes `<hr>`, which the page leaves out"),
                msg("delete the line; paragraphs are set apart without it")),
         "pre": (msg("text indented by four spaces makes `<pre>`, which the page leaves out"),
                 msg("start the line at the margin")),
         "div": (msg("`[TOC]` makes a `<div>`, which the page leaves out"), msg("delete it"))}
PLAIN = msg("write plain text and Markdown here: paragraphs, lists, headings, quotes, emphasis "
            "and links")


def _what_changed(event: Event, other: Event | None) -> tuple[Text, Text]:
    if event[0] == "tag" and other and other[:2] == event[:2]:
        names = sorted({n for n, _ in event[2]} ^ {n for n, _ in other[2]}) or [
            n for n, v in event[2] if (n, v) not in other[2]]
        return msg("the `%(name)s` of `<%(tag)s>` would be changed on the page",
                   name=names[0], tag=event[1]), PLAIN
    if event[0] == "tag":
        return _MADE.get(event[1], (msg("Markdown makes `<%(tag)s>` here, which the page "
                                        "leaves out", tag=event[1]), PLAIN))
    return msg("`%(text)s` would not appear on the page as written",
               text=_short(event[1])), PLAIN


def _locate(source: str, events: list[Event], index: int) -> int:
    """The offset in `source` of events[index], following the text before it in order."""
    cursor = 0
    for event in events[:index]:
        found = _find(source, event, cursor) if event[0] == "text" else None
        cursor = found.end() if found else cursor
    found = _find(source, events[index], cursor) if index < len(events) else None
    if found:
        return found.start()
    following = re.compile(r"\n[ \t]*(?=\S)" if cursor else r"\s*").search(source, cursor)
    return following.end() if following else cursor


def _find(source: str, event: Event, cursor: int) -> re.Match | None:
    if event[0] == "text":
        words = event[1].split()[:4]
        return re.compile(r"\s+".join(map(re.escape, words))).search(source, cursor)
    if event[0] == "tag":
        return re.compile(f"<{re.escape(event[1])}\\b", re.IGNORECASE).search(source, cursor)
    return None


def _shape(markup: str) -> list[Event]:
    """What a reader gets from `markup`: its text (white space folded), its elements with
    their attributes, and anything hidden; end tags are left out (the sanitizer only adds
    those that were missing, which changes nothing that is shown)."""
    shape = _Shape()
    shape.feed(markup)
    shape.close()
    shape.flush()
    return shape.events


class _Shape(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.events: list[Event] = []
        self.text: list[str] = []

    def flush(self) -> None:
        words = " ".join("".join(self.text).split())
        if words:
            self.events.append(("text", words))
        self.text = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.flush()
        kept = tuple(sorted((n, v or "") for n, v in attrs if n not in _IGNORED_ATTRIBUTES))
        self.events.append(("tag", tag, kept))

    handle_startendtag = handle_starttag

    def _hidden(self, data: str) -> None:
        self.flush()
        self.events.append(("hidden", data))

    handle_comment = handle_decl = handle_pi = unknown_decl = _hidden

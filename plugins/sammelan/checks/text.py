"""Characters that no output may hold, found in the text of the sources.

`sources/files.py` refuses control characters in a file as written, but a YAML escape such
as `"\\x07"`, `"\\r"` or `"\\u202E"` writes a character that the file itself does not hold,
and so does an HTML character reference (`&#x1b;`) in Markdown. So every YAML text value is
checked again once decoded (`sources/yamldoc.py` calls `in_value`), Markdown's character
references are decoded and checked (`in_references`), and Markdown is checked for the
invisible characters that are valid in a file but make text read differently from what it
says (`in_prose`).

What is refused, and why:
- control characters (all but tab and line feed) and the Unicode line separators: XML
  (schedule.xml, the Atom feed, qr.svg) cannot hold them, and a carriage return splits an
  iCalendar line;
- half of a surrogate pair, U+FFFE and U+FFFF: no UTF-8 file or XML document can hold them;
- bidirectional overrides and isolates, and zero-width characters: invisible, they make a
  name or a title look like another (a spoofed name would reach every format);
- a line break, except in MULTILINE_FIELDS: one-line fields become calendar NAME lines,
  `<title>`s and feed titles, and the schemas' `^…$` patterns would accept `"x\\n"`.

ZERO WIDTH JOINER and NON-JOINER choose how Devanagari letters join (क्, U+200D, ष), so they
are allowed right after a Devanagari character and refused elsewhere.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata

from sammelan.errors import Location, Problem
from sammelan.i18n.messages import Text, msg

# The only fields whose text may hold several lines (one or two sentences of a session).
MULTILINE_FIELDS = frozenset({"summary"})

_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029"
_BROKEN = "\ud800-\udfff\ufffe\uffff"
_HIDDEN = "\u200b\u2060\ufeff\u202a-\u202e\u2066-\u2069"
_JOINERS = "(?<![\u0900-\u097f])[\u200c\u200d]"
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")

INVISIBLE = re.compile(f"[{_HIDDEN}]|{_JOINERS}")
_SEVERAL_LINES = re.compile(f"[{_CONTROL}{_BROKEN}{_HIDDEN}]|{_JOINERS}")
_ONE_LINE = re.compile(f"[\n{_CONTROL}{_BROKEN}{_HIDDEN}]|{_JOINERS}")
# `&#…;` and `&name;`; the digits are bounded so that int() stays cheap (8 hex digits pass
# U+10FFFF already), and the semicolon is optional, as browsers accept
_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]{1,8}|#[0-9]{1,8}|[A-Za-z][A-Za-z0-9]{1,31});?")
_NEWLINE = re.compile("\n")
_CONTEXT = 20  # characters shown before the refused one, to help find an invisible one

DELETE = msg("delete it (it often comes from copying out of a PDF or a chat)")
DELETE_ESCAPE = msg("delete it, or the `\\` escape that writes it")


def in_value(value: str, multiline: bool = False) -> tuple[Text, Text] | None:
    """(what, fix) about the first character of a text value that no output may hold."""
    match = (_SEVERAL_LINES if multiline else _ONE_LINE).search(value)
    if match is None:
        return None
    start = max(0, match.start() - _CONTEXT)
    tail = ("…" if start else "") + " ".join(value[start:match.start()].split())
    return describe(match.group(), msg(" after `%(text)s`", text=tail) if tail else msg(
        " at the start"))


def refused(char: str, previous: str = "") -> bool:
    """Whether one character (decoded from an escape), after `previous`, is refused in text."""
    return _SEVERAL_LINES.match(previous + char, len(previous)) is not None


def describe(char: str, where: Text | str = "") -> tuple[Text, Text]:
    """(what, fix) for one refused character; `where` says where it is, if that helps."""
    code = f"U+{ord(char):04X}"
    if char == "\n":
        return (msg("a line break%(where)s, in a field of one line", where=where),
                msg("write it on one line"))
    if 0xD800 <= ord(char) <= 0xDFFF:
        return (msg("%(code)s%(where)s, half of a two-part character that cannot stand alone",
                    code=code, where=where),
                msg("write the character itself instead of its escape"))
    if ord(char) in (0xFFFE, 0xFFFF):
        return msg("%(code)s%(where)s, which is not a character", code=code,
                   where=where), DELETE_ESCAPE
    if char in "\u2028\u2029":
        return (msg("line separator %(code)s%(where)s, which not every program reads as a "
                    "line break", code=code, where=where), DELETE_ESCAPE)
    name = unicodedata.name(char, "")
    if not name:  # control characters have no name
        return msg("invisible control character %(code)s%(where)s", code=code,
                   where=where), DELETE_ESCAPE
    if char in "\u200c\u200d":
        return (msg("invisible character %(code)s %(name)s%(where)s, which belongs only right "
                    "after a Devanagari letter", code=code, name=name, where=where),
                msg("delete it"))
    if _BIDI.match(char):
        return (msg("invisible character %(code)s %(name)s%(where)s, which changes the order "
                    "in which the text is shown", code=code, name=name, where=where), DELETE)
    return (msg("invisible character %(code)s %(name)s%(where)s, which makes the text differ "
                "from what it looks like", code=code, name=name, where=where), DELETE)


def in_references(source: str, file: str) -> list[Problem]:
    """HTML character references in Markdown (`&#x1b;`, `&zwj;`) that write a refused
    character: Python-Markdown passes them on, and the sanitizer writes the character out."""
    found, lines = [], Lines(source)
    for match in _REFERENCE.finditer(source):
        what = _reference(match.group(), source[match.start() - 1:match.start()])
        if what:
            found.append(Problem(Location(file, *lines.position(match.start())),
                                 msg("the character reference `%(reference)s` %(what)s",
                                     reference=match.group(), what=what),
                                 msg("delete it, or write the character itself"), "text"))
    return found


def _reference(reference: str, previous: str) -> Text | None:
    """What is wrong with the character a reference writes, or None."""
    digits = reference.strip("&#;")
    if reference.startswith("&#"):
        hexadecimal = digits[:1] in "xX"
        code = int(digits[1:], 16) if hexadecimal else int(digits)
        if code == 0 or code > 0x10FFFF:
            return msg("names no character")
        decoded = chr(code)
    else:
        decoded = html.unescape(reference)
    for char in decoded if decoded != reference else "":
        if refused(char, previous):
            return msg("writes %(what)s", what=describe(char)[0])
        previous = char
    return None


class Lines:
    """Line and column of offsets in one text; the lines are found once, so that many
    problems in a long file do not each count the lines before them."""

    def __init__(self, text: str):
        self.starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def in_prose(text: str, file: str) -> list[Problem]:
    """Every invisible character of a Markdown file, at its line and column (a byte order
    mark at the very start is the file's encoding, not text)."""
    found, lines = [], Lines(text)
    for match in INVISIBLE.finditer(text):
        if match.start() == 0 and match.group() == "\ufeff":
            continue
        what, fix = describe(match.group())
        found.append(Problem(Location(file, *lines.position(match.start())), what, fix,
                             "text"))
    return found

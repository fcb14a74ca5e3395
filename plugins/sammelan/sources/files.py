"""Reading a source file as text: the checks every YAML and Markdown file passes first
(size, UTF-8, no invisible control characters), each refusal a located problem."""

from __future__ import annotations

from pathlib import Path

from sammelan.errors import Location, Problem

MAX_BYTES = 512 * 1024
INVISIBLE_BREAKS = {"\u2028", "\u2029"}  # line/paragraph separators pasted from other apps


def read_text(path: Path, shown_as: str) -> tuple[str | None, list[Problem]]:
    """The file's text, or None and the problem that stops it."""
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        return None, [Problem(Location(shown_as), f"file is {len(raw)} bytes, over the limit "
                              f"of {MAX_BYTES}", "split it or remove what does not belong")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(_where(raw, exc.start, shown_as), "not UTF-8 text (the byte "
                              f"0x{raw[exc.start]:02X} here)", "save the file as UTF-8")]
    bad = control_character(text, shown_as)
    return (None, [bad]) if bad else (text, [])


def _where(raw: bytes, offset: int, shown_as: str) -> Location:
    """The line and column (in characters) of a byte offset: an editor shows those."""
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return Location(shown_as, raw.count(b"\n", 0, offset) + 1, column)


def control_character(text: str, shown_as: str) -> Problem | None:
    # split on \n only: str.splitlines() would also split on (and so hide) \x1c-\x1e and \x85
    for number, line in enumerate(text.split("\n"), start=1):
        for column, char in enumerate(line.removesuffix("\r"), start=1):
            if ((ord(char) < 32 and char != "\t") or 0x7F <= ord(char) < 0xA0
                    or char in INVISIBLE_BREAKS):
                return Problem(Location(shown_as, number, column),
                               f"invisible control character U+{ord(char):04X}",
                               "delete it (it often comes from copying out of a PDF or a chat)")
    return None

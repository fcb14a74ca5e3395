"""How much structure one prose file may hold, checked before anything parses it.

Python-Markdown's time grows with the square of some constructs (8,000 `![` take 16 s,
4,000 `[` 2 s) and Python's HTML parser with the square of unclosed tags, while nesting
recurses once per level (8,000 list markers on one line exhaust Python's stack). A real
explainer holds a few dozen links and lists two or three levels deep; these limits are far
above that and keep the worst file to a fraction of a second.
"""

from __future__ import annotations

import re

from sammelan.errors import Location, Problem
from sammelan.i18n.messages import msg

MAX_MARKS = 300  # of each of [ < ` in one file
MARKS = "[<`"
MAX_NESTING = 8  # lists and quotes inside each other
_LEADING = re.compile(r"^(?:[ \t]*(?:>|[-*+]|\d{1,9}[.)])(?=[ \t]|$))+")
_INDENT = re.compile(r"^[ \t]*")


def problems(text: str, file: str) -> list[Problem]:
    found = [_too_many(text, file, mark) for mark in MARKS if text.count(mark) > MAX_MARKS]
    for number, line in enumerate(text.split("\n"), start=1):
        depth = _depth(line)
        if depth > MAX_NESTING:
            found.append(Problem(Location(file, number, 1),
                                 msg("lists or quotes nested %(depth)s deep, more than the "
                                     "%(limit)s the site reads", depth=depth, limit=MAX_NESTING),
                                 msg("nest them less deeply"), "text"))
            break
    return found


def _too_many(text: str, file: str, mark: str) -> Problem:
    offset = _nth(text, mark, MAX_MARKS + 1)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Problem(Location(file, line, column),
                   msg("the text holds %(count)s `%(mark)s`, more than the %(limit)s the site "
                       "reads", count=text.count(mark), mark=mark, limit=MAX_MARKS),
                   msg("shorten it, or split it into several texts"), "text")


def _nth(text: str, mark: str, n: int) -> int:
    offset = -1
    for _ in range(n):
        offset = text.index(mark, offset + 1)
    return offset


def _depth(line: str) -> int:
    """Markers at the start of a line, and each four columns of indentation, open a level."""
    indent = len(_INDENT.match(line).group(0).expandtabs(4)) // 4
    markers = _LEADING.match(line)
    count = len(re.findall(r">|[-*+]|\d{1,9}[.)]", markers.group(0))) if markers else 0
    return indent + count

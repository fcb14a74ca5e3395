"""Safe YAML reading that remembers where every value came from.

PyYAML's safe loader already refuses Python tags; on top of it this module
refuses every tag outside plain YAML, bounds aliases and file size (a small
file must not expand into a huge one) and nesting (PyYAML recurses on it),
refuses an alias inside the value it repeats, keeps dates and clock times as
the text the organizer wrote (so `15:00` is not read as the sexagesimal number
900 and `2026-02-30` becomes a clear error later instead of a crash), and
returns a map from each value's path to its line and column.

Every value is checked once decoded, as no check of the file's raw text can:
numbers must be short and finite, and text must hold only what every output
can (checks/text.py; a block scalar's final line break is dropped, as it is
YAML's, not the organizer's). All such problems of a file are reported at once.
"""

from __future__ import annotations

import functools
import math
import pickle
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml._yaml import CParser
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, ScalarNode, SequenceNode
from yaml.resolver import Resolver

from sammelan.checks.text import MULTILINE_FIELDS, in_value
from sammelan.errors import Location, Problem
from sammelan.i18n.catalog import N_
from sammelan.i18n.messages import Text, msg
from sammelan.sources.files import read_text

MAX_ALIASES = 16
MAX_VALUES = 100_000  # after aliases are expanded
MAX_DEPTH = 40  # the schemas nest about five levels; PyYAML's composer recurses per level
MAX_NUMBER = 30  # characters: a coordinate needs about 10; Python refuses 4,300 digits
PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}
STR_TAG = "tag:yaml.org,2002:str"
KEEP_AS_TEXT = {"tag:yaml.org,2002:timestamp"}
CLOCK = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")

Path_ = tuple  # a value's path: keys and list indexes from the document root


@dataclass(frozen=True)
class Document:
    """A YAML file's data and the location of each value in it.

    The locations are kept packed (pickled) until a message needs one: the memo keeps a
    document of every source file between builds, and unpickling a thousand conclaves'
    locations as dictionaries of tuples was most of its load time."""

    file: str
    data: object
    packed: bytes  # the locations, by path: see `positions`

    @classmethod
    def of(cls, file: str, data: object, positions: dict[Path_, tuple[int, int]]
           ) -> Document:
        return cls(file, data, pickle.dumps(positions, protocol=pickle.HIGHEST_PROTOCOL))

    @functools.cached_property
    def positions(self) -> dict[Path_, tuple[int, int]]:
        """(line, column) of each value, by its path, in file order."""
        return pickle.loads(self.packed)  # noqa: S301 -- packed by `of`, in this process or the memo's

    def __getstate__(self) -> dict:
        return {name: self.__dict__[name] for name in ("file", "data", "packed")}

    def where(self, path: Path_) -> Location:
        """The location of the value at `path`, or of its nearest parent."""
        path = tuple(path)
        while path not in self.positions and path:
            path = path[:-1]
        line, column = self.positions.get(path, (1, 1))
        return Location(self.file, line, column)

    def at(self, path: Path_) -> object:
        """The value at `path`, or None when the document has none there."""
        data = self.data
        for key in path:
            if isinstance(data, dict):
                data = data.get(key)
            elif isinstance(data, list) and isinstance(key, int) and key < len(data):
                data = data[key]
            else:
                return None
        return data

    def values(self) -> Iterator[tuple[Path_, object]]:
        """Every value in the document with its path, each parent before its children."""
        return _walk(self.data, ())


def _walk(data, path: Path_) -> Iterator[tuple[Path_, object]]:
    yield path, data
    children = data.items() if isinstance(data, dict) else (
        enumerate(data) if isinstance(data, list) else ())
    for key, value in children:
        yield from _walk(value, path + (key,))


class _Refused(Exception):
    def __init__(self, mark, message: Text, fix: Text):
        self.mark, self.message, self.fix = mark, message, fix


ALIAS_FIX = msg("write the values out instead of repeating them with *aliases")


class _Bounded:
    """PyYAML's composer is recursive and follows aliases into the node being built: bound
    the nesting while composing, and refuse an alias inside the value it names."""

    aliases = 0
    depth = 0
    open_anchors: set[str]  # anchors of the collections being composed

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            self._count_alias(event)
        if self.depth > MAX_DEPTH:
            raise _Refused(event.start_mark, msg("values nested more than %(limit)s levels "
                                                 "deep", limit=MAX_DEPTH),
                           msg("the fields need only a few levels: look for a stray `[`, `{` or "
                               "`-`, and check the indentation"))
        anchor = event.anchor if isinstance(event, yaml.CollectionStartEvent) else None
        self.depth += 1
        if anchor:
            self.open_anchors.add(anchor)
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1
            self.open_anchors.discard(anchor)

    def _count_alias(self, event: yaml.AliasEvent) -> None:
        self.aliases += 1
        if self.aliases > MAX_ALIASES:
            raise _Refused(event.start_mark, msg("more than %(limit)s aliases (*name)",
                                                 limit=MAX_ALIASES), ALIAS_FIX)
        if event.anchor in self.open_anchors:
            raise _Refused(event.start_mark, msg("the alias `*%(name)s` is inside the value "
                                                 "`&%(name)s` that it repeats, so it would "
                                                 "never end", name=event.anchor), ALIAS_FIX)


class _Loader(_Bounded, yaml.SafeLoader):
    """The pure-Python loader: slow, but its messages are the ones organizers read."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.open_anchors = set()


class _FastLoader(_Bounded, CParser, Composer, SafeConstructor, Resolver):
    """libyaml's scanner and parser (ten times faster) under the same bounded composer:
    libyaml's own composer recurses in C, past any bound. Used for files that read well;
    a file that does not is read again by _Loader for its message."""

    get_single_node = Composer.get_single_node

    def __init__(self, stream: str):
        CParser.__init__(self, stream)
        Composer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)
        self.open_anchors = set()


def read(path: Path, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file; return its document or the problems that stop it."""
    text, problems = read_text(path, shown_as)
    if text is None:
        return None, problems
    return parse(text, shown_as)


def parse(text: str, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """The document in `text`, read fast; a text with problems is read again by PyYAML's
    own parser, so that messages and their positions are the same whichever parser ran."""
    try:
        document, problems = _read(_FastLoader(text), shown_as)
    except Exception:  # noqa: BLE001 -- whatever libyaml makes of it, PyYAML's answer counts
        document, problems = None, [Problem(Location(shown_as, 1, 1), "", "")]
    return (document, []) if not problems else _parse_slowly(text, shown_as)


def _parse_slowly(text: str, shown_as: str) -> tuple[Document | None, list[Problem]]:
    try:
        loader = _Loader(text)  # PyYAML's reader refuses some characters already here
    except yaml.YAMLError as exc:
        return None, [Problem(Location(shown_as, 1, 1),
                              msg("YAML cannot be read: %(problem)s", problem=str(exc)),
                              msg("delete unusual invisible characters"))]
    try:
        return _read(loader, shown_as)
    finally:
        loader.dispose()


def _read(loader: _Bounded, shown_as: str) -> tuple[Document | None, list[Problem]]:
    try:
        node = loader.get_single_node()
    except ValueError:  # the scanner's chr() of a \U escape past the last character
        return None, [Problem(_location(shown_as, loader.get_mark()),
                              msg("a `\\U` escape names no character (the last one is "
                                  "\\U0010FFFF)"),
                              msg("check its eight digits, or write the character itself"))]
    except (yaml.YAMLError, _Refused) as exc:
        return None, [_stopped(exc, shown_as)]
    converter = _Converter(loader, shown_as)
    try:
        data = converter.convert(node, ()) if node else None
    except (yaml.YAMLError, _Refused) as exc:
        return None, [_stopped(exc, shown_as)]
    if converter.problems:
        return None, converter.problems
    return Document.of(shown_as, data, converter.positions), []


def _stopped(exc: yaml.YAMLError | _Refused, shown_as: str) -> Problem:
    """The problem that stopped reading a file."""
    if isinstance(exc, _Refused):
        return Problem(_location(shown_as, exc.mark), exc.message, exc.fix)
    if isinstance(exc, yaml.MarkedYAMLError):
        return _syntax_problem(exc, shown_as)
    return Problem(Location(shown_as, 1, 1), msg("YAML cannot be read: %(problem)s",
                                                 problem=str(exc)),
                   msg("check the indentation and the colons"))


def _location(shown_as: str, mark) -> Location:
    return Location(shown_as, mark.line + 1, mark.column + 1)


def _syntax_problem(exc: yaml.MarkedYAMLError, shown_as: str) -> Problem:
    what = exc.problem or ""
    # an unclosed quote or bracket is found at the end of the file: show where it opened
    opened = "end of stream" in what or "but got '<stream end>'" in what
    mark = (exc.context_mark if opened else None) or exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    for pattern, message, fix in _SYNTAX:
        found = pattern.search(what)
        if found:
            fields = found.groupdict()
            return Problem(Location(shown_as, line, column), msg(message, **fields),
                           msg(fix, **fields))
    return Problem(Location(shown_as, line, column),
                   msg("YAML syntax: %(problem)s", problem=what or exc.context or "?"),
                   msg(_SYNTAX_FIX))


_SYNTAX_FIX = N_("check the indentation (spaces only), the colon after each name, and "
                 "quotes around text with a colon")
# PyYAML's own words (problem texts) → what an organizer sees and does. Most mistakes in a
# hurried edit are one of these.
_SYNTAX = [
    (re.compile(r"found character '\\t' that cannot start"),
     N_("a tab character: YAML indents with spaces only"),
     N_("replace the tab with spaces (two per level, as in the lines around it)")),
    (re.compile(r"found character '(?P<char>.)' that cannot start any token"),
     N_("a value cannot start with `%(char)s`"),
     N_("put the whole value in quotes: \"…\"")),
    (re.compile(r"mapping values are not allowed here"),
     N_("a second `: ` on one line (YAML reads it as a new field)"),
     N_("put the value in quotes, e.g. title: \"Udyam: the portal\", or check the "
        "indentation")),
    (re.compile(r"could not find expected ':'"),
     N_("a line without `name: value` inside a group of fields"),
     N_("add the colon after the name, or join this line to the one above it")),
    (re.compile(r"expected <block end>, but found"),
     N_("this line does not line up with the fields of its group"),
     N_("indent it with as many spaces as the fields above it")),
    (re.compile(r"found unexpected end of stream"),
     N_("a quote is opened and never closed"),
     N_("close the quote at the end of the value")),
    (re.compile(r"found unknown escape character '(?P<char>.)'"),
     N_("`\\%(char)s` inside double quotes is not an escape YAML knows"),
     N_("write `\\\\` for a backslash, or use single quotes")),
    (re.compile(r"found undefined alias '(?P<name>[^']*)'"),
     N_("`*%(name)s` repeats a value that was never named (`&%(name)s`)"),
     N_("write the value out")),
    (re.compile(r"expected ',' or '(?P<close>[\]}])', but got"),
     N_("a list or group in brackets is not closed"),
     N_("close it with `%(close)s` on the same line")),
    (re.compile(r"but found another document"),
     N_("a second document (`---`) in the file"),
     N_("keep one document per file: delete the `---` line")),
]


class _Converter:
    """Nodes → plain data, remembering each value's position. A value that no output may
    hold is a problem collected here (all of them are reported at once); a structure the
    format does not allow (tags, merge keys, a field twice) stops the file (_Refused)."""

    def __init__(self, loader: _Bounded, shown_as: str):
        self.loader, self.shown_as = loader, shown_as
        self.positions: dict[Path_, tuple[int, int]] = {}
        self.problems: list[Problem] = []

    def convert(self, node, path: Path_):
        self.positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if len(self.positions) > MAX_VALUES:
            raise _Refused(node.start_mark, msg("more than %(limit)s values once aliases are "
                                                "expanded", limit=MAX_VALUES),
                           msg("write the values out instead of nesting *aliases"))
        if len(path) > MAX_DEPTH:  # aliases can nest deeper than the file itself
            raise _Refused(node.start_mark, msg("values nested more than %(limit)s levels "
                                                "deep once aliases are expanded",
                                                limit=MAX_DEPTH), ALIAS_FIX)
        if isinstance(node, MappingNode):
            return self.mapping(node, path)
        if isinstance(node, SequenceNode):
            _check_tag(node, "tag:yaml.org,2002:seq")
            return [self.convert(item, path + (i,)) for i, item in enumerate(node.value)]
        return self.scalar(node, path)

    def mapping(self, node: MappingNode, path: Path_) -> dict:
        _check_tag(node, "tag:yaml.org,2002:map")
        result: dict = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise _Refused(key_node.start_mark, msg("a field name must be plain text"),
                               msg("write `name: value`"))
            key = str(self.scalar(key_node, path, is_key=True))
            if key == "<<":
                raise _Refused(key_node.start_mark, msg("merge keys (<<) are not supported"),
                               msg("write the fields out"))
            if key in result:
                raise _Refused(key_node.start_mark, msg("field `%(name)s` appears twice",
                                                        name=key), msg("keep one of them"))
            result[key] = self.convert(value_node, path + (key,))
        return result

    def scalar(self, node: ScalarNode, path: Path_, is_key: bool = False):
        if node.tag in KEEP_AS_TEXT or (not node.style and CLOCK.match(node.value)):
            return self.text(node, node.value, path, is_key)
        _check_tag(node, *PLAIN_TAGS)
        if node.tag in NUMBER_TAGS and len(node.value) > MAX_NUMBER:
            return self.refuse(node, path, msg("the number `%(start)s…` is %(length)s "
                                               "characters long, more than %(limit)s",
                                               start=node.value[:12], length=len(node.value),
                                               limit=MAX_NUMBER),
                               msg("write a shorter number, or put the text in quotes if it is "
                                   "not a number"))
        # text, most values, is the node's own: the constructor's bookkeeping is for the rest
        value = (node.value if node.tag == STR_TAG
                 else self.loader.construct_object(node, deep=True))
        if isinstance(value, float) and not math.isfinite(value):
            return self.refuse(node, path, msg("`%(value)s` is not an ordinary number: YAML "
                                               "reads it as infinity or as “not a number”",
                                               value=node.value),
                               msg("write a number such as 25.45, or leave the field out"))
        return self.text(node, value, path, is_key) if isinstance(value, str) else value

    def text(self, node: ScalarNode, value: str, path: Path_, is_key: bool) -> str:
        if node.style in ("|", ">"):  # the line break ending a block is YAML's, not the text's
            value = value.rstrip("\n")
        multiline = not is_key and any(key in MULTILINE_FIELDS for key in path)
        refused = in_value(value, multiline)
        if refused:
            self.refuse(node, path, *refused)
        return value

    def refuse(self, node: ScalarNode, path: Path_, message: Text, fix: Text) -> None:
        self.problems.append(Problem(_location(self.shown_as, node.start_mark), message, fix,
                                     ".".join(map(str, path))))


def _check_tag(node, *allowed: str) -> None:
    if node.tag not in allowed:
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise _Refused(node.start_mark, msg("the tag `%(tag)s` is not allowed", tag=shown),
                       msg("remove the `!` tag; write plain text, numbers, lists and fields"))

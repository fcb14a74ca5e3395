"""Safe YAML reading that remembers where every value came from.

PyYAML's safe loader already refuses Python tags; on top of it this module
refuses every tag outside plain YAML, bounds aliases and file size (a small
file must not expand into a huge one), keeps dates and clock times as the text
the organizer wrote (so `15:00` is not read as the sexagesimal number 900 and
`2026-02-30` becomes a clear error later instead of a crash), and returns a
map from each value's path to its line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

from sammelan.errors import Location, Problem
from sammelan.sources.files import read_text

MAX_ALIASES = 16
MAX_VALUES = 100_000  # after aliases are expanded
PLAIN_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
KEEP_AS_TEXT = {"tag:yaml.org,2002:timestamp"}
CLOCK = re.compile(r"^\d{1,2}:\d{2}(:\d{2})?$")

Path_ = tuple  # a value's path: keys and list indexes from the document root


@dataclass(frozen=True)
class Document:
    """A YAML file's data and the location of each value in it."""

    file: str
    data: object
    positions: dict[Path_, tuple[int, int]]

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


class _Loader(yaml.SafeLoader):
    aliases = 0

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                event = self.peek_event()
                raise yaml.MarkedYAMLError(
                    problem=f"more than {MAX_ALIASES} aliases (*name)",
                    problem_mark=event.start_mark,
                )
        return super().compose_node(parent, index)


class _Refused(Exception):
    def __init__(self, node, message: str, fix: str):
        self.node, self.message, self.fix = node, message, fix


def read(path: Path, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """Read one YAML file; return its document or the problems that stop it."""
    text, problems = read_text(path, shown_as)
    if text is None:
        return None, problems
    try:
        loader = _Loader(text)  # PyYAML's reader refuses some characters already here
    except yaml.YAMLError as exc:
        return None, [Problem(Location(shown_as, 1, 1), f"YAML cannot be read: {exc}",
                              "delete unusual invisible characters")]
    try:
        node = loader.get_single_node()
        positions: dict[Path_, tuple[int, int]] = {}
        data = _convert(node, (), positions, loader) if node else None
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, shown_as)]
    except yaml.YAMLError as exc:
        return None, [Problem(Location(shown_as, 1, 1), f"YAML cannot be read: {exc}",
                              "check the indentation and the colons")]
    except _Refused as exc:
        mark = exc.node.start_mark
        return None, [Problem(Location(shown_as, mark.line + 1, mark.column + 1),
                              exc.message, exc.fix)]
    finally:
        loader.dispose()
    return Document(shown_as, data, positions), []


def _syntax_problem(exc: yaml.MarkedYAMLError, shown_as: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = exc.problem or "cannot be read"
    fix = "check the indentation, the colon after each name, and quotes around text with a colon"
    if "aliases" in what:
        fix = "write the values out instead of repeating them with *aliases"
    return Problem(Location(shown_as, line, column), f"YAML syntax: {what}", fix)


def _convert(node, path: Path_, positions: dict, loader: _Loader):
    positions[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if len(positions) > MAX_VALUES:
        raise _Refused(node, f"more than {MAX_VALUES} values once aliases are expanded",
                       "write the values out instead of nesting *aliases")
    if isinstance(node, MappingNode):
        return _mapping(node, path, positions, loader)
    if isinstance(node, SequenceNode):
        _check_tag(node, "tag:yaml.org,2002:seq")
        return [_convert(item, path + (i,), positions, loader) for i, item in enumerate(node.value)]
    return _scalar(node, loader)


def _mapping(node: MappingNode, path: Path_, positions: dict, loader: _Loader) -> dict:
    _check_tag(node, "tag:yaml.org,2002:map")
    result: dict = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, ScalarNode):
            raise _Refused(key_node, "a field name must be plain text", "write `name: value`")
        key = str(_scalar(key_node, loader))
        if key == "<<":
            raise _Refused(key_node, "merge keys (<<) are not supported", "write the fields out")
        if key in result:
            raise _Refused(key_node, f"field `{key}` appears twice", "keep one of them")
        result[key] = _convert(value_node, path + (key,), positions, loader)
    return result


def _scalar(node: ScalarNode, loader: _Loader):
    if node.tag in KEEP_AS_TEXT or (node.style is None and CLOCK.match(node.value)):
        return node.value
    _check_tag(node, *PLAIN_TAGS)
    return loader.construct_object(node, deep=True)


def _check_tag(node, *allowed: str) -> None:
    if node.tag not in allowed:
        shown = node.tag.replace("tag:yaml.org,2002:", "!!")
        raise _Refused(node, f"the tag `{shown}` is not allowed",
                       "remove the `!` tag; write plain text, numbers, lists and fields")

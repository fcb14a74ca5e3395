"""SEQUENCE numbers for calendar entries, from a committed state file.

RFC 5545 wants SEQUENCE raised whenever an entry's day, time or status changes, so
calendar apps replace their copy. The build cannot see what was published before, so
`data/calendar-sequences.json` records, per entry, the state last published and its
sequence. The build gives an entry whose state differs from the record its recorded
sequence plus one; `invoke calendar-sequences` writes the new states and numbers into
the file, to be committed with the change (a test fails while it is out of date). An
organizer's own `sequence` in a session's data stays a floor.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path

from sammelan.errors import Location, Problem
from sammelan.model.entities import CalendarRecord as Record
from sammelan.model.entities import Site
from sammelan.render.calendar.entries import Entry, entries
from sammelan.sources.files import read_text

FILE = "data/calendar-sequences.json"
MAX_DEPTH = 20  # the file nests two levels; json's parser recurses on each
MAX_SEQUENCE = 2**31 - 1  # iCalendar's INTEGER
_NESTING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')  # strings are skipped whole

State = Mapping[str, Record]


def read(root: Path) -> tuple[State, list[Problem]]:
    """The recorded state (the loader puts it in the model), or the problem with the file.
    The file is data like any source: read as safely, and any damage is a located problem."""
    path = root / FILE
    if not path.exists():
        return {}, []
    text, problems = read_text(path, FILE)
    if text is None:
        return {}, problems
    deep = _too_deep(text)
    if deep is not None:
        return {}, [_problem(_position(text, deep), f"values nested more than {MAX_DEPTH} "
                             "levels deep")]
    try:
        # numbers stay text unless they are whole and short; NaN and Infinity are refused
        raw = json.loads(text, parse_int=_whole, parse_float=str, parse_constant=str)
    except json.JSONDecodeError as exc:
        return {}, [_problem(Location(FILE, exc.lineno, exc.colno), f"not valid JSON: {exc.msg}")]
    return _records(raw, text)


def _too_deep(text: str) -> int | None:
    """The offset where the text nests deeper than MAX_DEPTH, if it does."""
    depth = 0
    for match in _NESTING.finditer(text):
        token = match.group()
        depth += 1 if token in "[{" else -1 if token in "]}" else 0
        if depth > MAX_DEPTH:
            return match.start()
    return None


def _whole(digits: str) -> int | str:
    return int(digits) if len(digits) <= len(str(MAX_SEQUENCE)) else digits


def _records(raw: object, text: str) -> tuple[State, list[Problem]]:
    if not isinstance(raw, dict):
        return {}, [_problem(Location(FILE, 1, 1), "the file must hold one object, `{…}`, of "
                             "calendar entries")]
    bad = [key for key, value in raw.items() if not _valid(value)]
    if bad:
        more = f" (and {len(bad) - 1} more)" if len(bad) > 1 else ""
        return {}, [_problem(_key_location(text, bad[0]), f"the entry {json.dumps(bad[0])} "
                             f"needs a whole-number `sequence` and a `state`{more}")]
    return {key: Record(v["sequence"], v["state"]) for key, v in raw.items()}, []


def _valid(value: object) -> bool:
    if not isinstance(value, dict) or not isinstance(value.get("state"), str):
        return False
    number = value.get("sequence")
    return type(number) is int and 0 <= number <= MAX_SEQUENCE


def _key_location(text: str, key: str) -> Location:
    for written in (json.dumps(key, ensure_ascii=False), json.dumps(key)):
        found = re.search(re.escape(written) + r"\s*:", text)  # a key, not a value
        if found:
            return _position(text, found.start())
    return Location(FILE, 1, 1)


def _position(text: str, offset: int) -> Location:
    line_start = text.rfind("\n", 0, offset) + 1
    return Location(FILE, text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _problem(where: Location, what: str) -> Problem:
    return Problem(where, what, "run `invoke calendar-sequences` to write it anew (delete the "
                   "file first if it is damaged)")


def sequence(entry: Entry, state: State) -> int:
    """The entry's SEQUENCE: its record's, plus one if its state changed since."""
    record = state.get(entry.key)
    if record is None:
        return entry.floor
    raised = record.sequence + (record.state != entry.state)
    return max(raised, entry.floor)


def all_entries(site: Site) -> Iterable[Entry]:
    """Every entry of every conclave (the state does not depend on the language)."""
    for conclave in site.conclaves:
        yield from entries(conclave, "en")


def updated(site: Site, state: State) -> State:
    """The state to record for the site as it is now. Records of entries that are gone
    stay, so an entry that comes back goes on from its last number."""
    now = {e.key: Record(sequence(e, state), e.state) for e in all_entries(site)}
    return {**state, **now}


def stale(site: Site) -> list[str]:
    """Keys of entries whose record is missing or out of date."""
    state = site.calendar_records
    new = updated(site, state)
    return sorted(key for key in new if state.get(key) != new[key])


def record(root: Path, site: Site) -> list[str]:
    """What `invoke calendar-sequences` does: write the site's states; return what changed."""
    changed = stale(site)
    save(root, updated(site, site.calendar_records))
    return changed


def dump(state: State) -> str:
    data = {key: {"sequence": r.sequence, "state": r.state} for key, r in sorted(state.items())}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save(root: Path, state: State) -> None:
    (root / FILE).write_text(dump(state), encoding="utf-8")

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
from collections.abc import Iterable, Mapping
from pathlib import Path

from sammelan.errors import Location, Problem
from sammelan.model.entities import CalendarRecord as Record
from sammelan.model.entities import Site
from sammelan.render.calendar.entries import Entry, entries
from sammelan.sources.files import read_text

FILE = "data/calendar-sequences.json"

State = Mapping[str, Record]


def read(root: Path) -> tuple[State, list[Problem]]:
    """The recorded state (the loader puts it in the model), or the problem with the file."""
    path = root / FILE
    if not path.exists():
        return {}, []
    text, problems = read_text(path, FILE)  # a source like any: a folder or a pipe is refused
    if text is None:
        return {}, problems
    try:
        raw = json.loads(text)
        return {key: Record(int(v["sequence"]), str(v["state"])) for key, v in raw.items()}, []
    except json.JSONDecodeError as exc:
        where, what = Location(FILE, exc.lineno, exc.colno), f"not valid JSON: {exc.msg}"
    except (AttributeError, KeyError, TypeError, ValueError):
        where, what = Location(FILE), "each entry needs a whole-number `sequence` and a `state`"
    return {}, [Problem(where, what, "run `invoke calendar-sequences` to write it anew "
                        "(delete the file first if it is damaged)")]


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

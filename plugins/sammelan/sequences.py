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
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .entries import Entry, entries
from .model import Site

FILE = "data/calendar-sequences.json"


@dataclass(frozen=True)
class Record:
    sequence: int
    state: str


State = dict[str, Record]


def load(root: Path) -> State:
    path = root / FILE
    if not path.exists():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {key: Record(value["sequence"], value["state"]) for key, value in raw.items()}


def load_for(settings: dict) -> State:
    """The state of the project a build's settings belong to."""
    return load(Path(settings.get("SAMMELAN_ROOT") or Path(settings["PATH"]).parent))


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


def stale(site: Site, state: State) -> list[str]:
    """Keys of entries whose record is missing or out of date."""
    new = updated(site, state)
    return sorted(key for key in new if state.get(key) != new[key])


def dump(state: State) -> str:
    data = {key: {"sequence": r.sequence, "state": r.state} for key, r in sorted(state.items())}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save(root: Path, state: State) -> None:
    (root / FILE).write_text(dump(state), encoding="utf-8")

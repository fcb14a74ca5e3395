"""SEQUENCE numbers for calendar entries, counted from the git history: nobody has to
record anything.

RFC 5545 wants SEQUENCE raised whenever an entry's day, time or status changes, or
calendar apps keep their old copy. The build cannot see what was published before, but the
history holds every state the organizers committed. So each entry's number is the count of
the changes of its state (states.py) along the first-parent history of HEAD, oldest first:
each version of a conclave's YAML whose state of the entry differs from the one before
adds one (A → B → A is two changes), and the working tree, when it differs from HEAD, is
one more version (so a preview shows the number the commit will publish). An entry that
disappears and comes back goes on from its last number.

Floors: a session's own `sequence` in the data, and `data/calendar-sequences.json`, which
`invoke calendar-sequences` may write (never needed) and which holds each entry's number and
state as they were then. Each version that sets a floor lifts the count to it, never lowers
it, and later changes count on from there: so numbers recorded once are never counted
twice, and never fall.

Without the history (a shallow clone, a tarball, no git), the record file is the only
earlier version known: an entry whose state differs from its recorded one gets its recorded
number plus one, and the build warns that the numbers may be too low.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from sammelan.checks.schema import is_slug
from sammelan.errors import Location, Problem
from sammelan.i18n.messages import Text, msg
from sammelan.model.entities import CalendarRecord as Record
from sammelan.model.entities import Site
from sammelan.render.calendar import states
from sammelan.sources import history
from sammelan.sources.files import MAX_BYTES, read_text
from sammelan.sources.memo import Memo

FILE = "data/calendar-sequences.json"
CONCLAVES = "data/conclaves"
MAX_DEPTH = 20  # the file nests two levels; json's parser recurses on each
MAX_SEQUENCE = 2**31 - 1  # iCalendar's INTEGER
_NESTING = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')  # strings are skipped whole

State = Mapping[str, Record]


# the record file ---------------------------------------------------------------------------

def read(root: Path) -> tuple[State, list[Problem]]:
    """The recorded floors (the loader puts them in the model), or the problem with the
    file. The file is data like any source: read as safely, any damage a located problem."""
    path = root / FILE
    if not path.exists():
        return {}, []
    text, problems = read_text(path, FILE)
    if text is None:
        return {}, problems
    return parse(text)


def parse(text: str) -> tuple[State, list[Problem]]:
    deep = _too_deep(text)
    if deep is not None:
        return {}, [_problem(_position(text, deep), msg("values nested more than %(limit)s "
                                                        "levels deep", limit=MAX_DEPTH))]
    try:
        # numbers stay text unless they are whole and short; NaN and Infinity are refused
        raw = json.loads(text, parse_int=_whole, parse_float=str, parse_constant=str)
    except json.JSONDecodeError as exc:
        return {}, [_problem(Location(FILE, exc.lineno, exc.colno),
                             msg("not valid JSON: %(problem)s", problem=exc.msg))]
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
        return {}, [_problem(Location(FILE, 1, 1), msg("the file must hold one object, `{…}`, "
                                                       "of calendar entries"))]
    bad = [key for key, value in raw.items() if not _valid(value)]
    if bad:
        more = msg(" (and %(count)s more)", count=len(bad) - 1) if len(bad) > 1 else ""
        return {}, [_problem(_key_location(text, bad[0]),
                             msg("the entry %(key)s needs a whole-number `sequence` and a "
                                 "`state`%(more)s", key=json.dumps(bad[0]), more=more))]
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


def _problem(where: Location, what: Text) -> Problem:
    return Problem(where, what, msg("run `invoke calendar-sequences` to write it anew (delete "
                                    "the file first if it is damaged)"))


def dump(state: State) -> str:
    data = {key: {"sequence": r.sequence, "state": r.state} for key, r in sorted(state.items())}
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def save(root: Path, state: State) -> None:
    (root / FILE).write_text(dump(state), encoding="utf-8")


# counting ----------------------------------------------------------------------------------

@dataclass
class Count:
    """Each entry's number and last state, as the versions are taken in order."""

    numbers: dict[str, int] = field(default_factory=dict)
    last: dict[str, str] = field(default_factory=dict)

    def version(self, marks: states.Marks) -> None:
        """One version of one conclave: a changed state adds one, then its floors lift."""
        for key, mark in marks.items():
            before = self.last.get(key)
            number = self.numbers.get(key, 0) + (before is not None and before != mark.state)
            self.numbers[key] = max(number, mark.floor)
            self.last[key] = mark.state

    def floors(self, record: State) -> None:
        for key, r in record.items():
            self.numbers[key] = max(self.numbers.get(key, 0), r.sequence)

    @classmethod
    def recorded(cls, record: State) -> Count:
        """What the record alone says, as if it were the version before the working tree."""
        return cls({key: r.sequence for key, r in record.items()},
                   {key: r.state for key, r in record.items()})


@dataclass(frozen=True)
class Counted:
    count: Count
    now: dict[str, states.Marks]  # the working tree's marks, by conclave slug
    history: history.History


def numbered(root: Path, site: Site, memo: Memo | None = None) -> tuple[Site, list[Problem]]:
    """The site with every calendar entry's SEQUENCE, and a warning when the history that
    counts them is missing."""
    counted = count(root, site, memo or Memo())
    numbers = {slug: {key: counted.count.numbers[key] for key in marks}
               for slug, marks in counted.now.items()}
    return replace(site, calendar_sequences=numbers), _warnings(counted.history, site)


def count(root: Path, site: Site, memo: Memo) -> Counted:
    found = history.read(root, (CONCLAVES, FILE))
    now = {c.slug: _marks_now(root, c.slug, memo) for c in site.conclaves}
    if not found.complete:
        counting = Count.recorded(site.calendar_records)
    else:
        counting = Count()
        _walk(root, found.versions, counting, memo)
    for marks in now.values():
        counting.version(marks)
    counting.floors(site.calendar_records)
    return Counted(counting, now, found)


def _marks_now(root: Path, slug: str, memo: Memo) -> states.Marks:
    for relative in (f"{CONCLAVES}/{slug}.yaml", f"{CONCLAVES}/{slug}.yml"):
        if (root / relative).is_file():
            return memo.recall(root, [relative], "calendar-marks",
                               lambda r=relative: _marks_of_file(root, r, slug, memo)) or {}
    return {}


def _marks_of_file(root: Path, relative: str, slug: str, memo: Memo) -> states.Marks | None:
    """The file's marks, from the document the loader read (in the memo), else read."""
    read = memo.peek(root, [relative], "conclave")
    if isinstance(read, tuple) and read[0] is not None:
        return states.of_data(slug, read[0].data)
    text, _ = read_text(root / relative, relative)
    return None if text is None else states.marks(text, slug)


def _walk(root: Path, versions: Iterable[history.Version], counting: Count, memo: Memo
          ) -> None:
    """Every commit in order: the conclaves it changed, then the record it changed."""
    versions = list(versions)
    read = _Blobs(root, versions, memo)
    for version in versions:
        recorded = None
        for path, blob in version.files:
            if path == FILE:
                recorded = read.record(blob)
            elif blob is not None and _slug(path):
                marks = read.marks(blob, _slug(path))
                if marks is not None:  # unreadable then: its entries keep their states
                    counting.version(marks)
        if recorded:
            counting.floors(recorded)


def _slug(path: str) -> str | None:
    folder, _, name = path.rpartition("/")
    slug, dot, extension = name.rpartition(".")
    found = folder == CONCLAVES and dot and extension in ("yaml", "yml") and is_slug(slug)
    return slug if found else None


class _Blobs:
    """What each blob of the history gives, from the memo (by the blob's id, so a rebuild
    reads only the blobs of new commits) or read with one `git cat-file --batch`."""

    def __init__(self, root: Path, versions: list[history.Version], memo: Memo):
        self.memo = memo
        wanted = {self._key(path, blob) for version in versions
                  for path, blob in version.files if blob is not None}
        missing = memo.lacks(key for key in wanted if key[0])
        self.contents = history.blobs(root, sorted({blob for _, blob, _ in missing}),
                                      MAX_BYTES)
        memo.fill([(key, partial(self._compute, *key)) for key in missing])

    @staticmethod
    def _key(path: str, blob: str) -> tuple[str, str, str]:
        kind = "calendar-record" if path == FILE else "calendar-marks" if _slug(path) else ""
        return kind, blob, _slug(path) or ""

    def marks(self, blob: str, slug: str) -> states.Marks | None:
        key = ("calendar-marks", blob, slug)
        return self.memo.remember(key, partial(self._compute, *key))

    def record(self, blob: str | None) -> State | None:
        if blob is None:
            return None
        key = ("calendar-record", blob, "")
        return self.memo.remember(key, partial(self._compute, *key))

    def _compute(self, kind: str, blob: str, slug: str) -> states.Marks | State | None:
        text = history.text(self.contents, blob)
        if text is None:
            return None
        return states.marks(text, slug) if kind == "calendar-marks" else self._record(text)

    @staticmethod
    def _record(text: str) -> State | None:
        found, problems = parse(text)
        return None if problems else found



def _warnings(found: history.History, site: Site) -> list[Problem]:
    if found.complete or not site.conclaves:
        return []
    if found.shallow:
        what = msg("this is a shallow clone, without the history of data/conclaves/: each "
                   "calendar entry's SEQUENCE comes from this file alone and may be too low, "
                   "so calendar apps may keep an old day, time, status or place")
        fix = msg("run `git fetch --unshallow` before building (in CI, check out the whole "
                  "history, e.g. `fetch-depth: 0`)")
    else:
        what = msg("there is no git history here (no repository, or git is missing): each "
                   "calendar entry's SEQUENCE comes from this file alone and may be too low, "
                   "so calendar apps may keep an old day, time, status or place")
        fix = msg("build from a git clone with its whole history")
    return [Problem(Location(FILE), what, fix, warning=True, advisory=True)]


# `invoke calendar-sequences` ---------------------------------------------------------------

def freeze(root: Path, site: Site, memo: Memo | None = None) -> tuple[list[str], list[Problem]]:
    """Write each entry's number and state as counted now into the record (optional: it
    only helps builds without the history); the entries recorded anew, and the warning
    when the history is missing. Entries that are gone stay, with their last number."""
    counted = count(root, site, memo or Memo())
    old = site.calendar_records
    fresh = dict(old)
    for key, number in counted.count.numbers.items():
        if key in counted.count.last:
            fresh[key] = Record(number, counted.count.last[key])
    if fresh != old:
        save(root, fresh)
    changed = sorted(key for key in fresh if old.get(key) != fresh[key])
    return changed, _warnings(counted.history, site)

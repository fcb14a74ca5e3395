"""When each entity's sources last changed, for the timestamps of the output (calendar
DTSTAMP and LAST-MODIFIED, sitemap lastmod, feed updated, JSON-LD dateModified).

They must be the same from a full clone, a shallow clone (what CI systems and hosts check
out) and a tarball of one commit, so they cannot come from the git history. They come from
a record committed with the sources, `data/changed.json`: per entity, a digest of its
source files and when they changed to that. While an entity's files still have the
recorded digest, its time is the recorded one. An entity changed since the record (or not
recorded yet) takes a time that every copy of the commit agrees on: SOURCE_DATE_EPOCH when
given, else the time of the commit itself (git's HEAD; in a tarball made by `git archive`,
the files' modification time, which is that commit's time). A file edited but not yet
committed counts by its modification time. `invoke calendar-sequences` records the digests
and times anew.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import stat
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from sammelan.errors import Location, Problem
from sammelan.i18n.messages import msg
from sammelan.sources import git
from sammelan.sources.files import read_text
from sammelan.sources.memo import Memo

RECORD = "data/changed.json"
ENTRIES = "feed/"  # keys of feed entries (render/feeds.py), not of entities
MAX_DIGESTED = 1024 * 1024
UTC = dt.UTC


@dataclass(frozen=True)
class Change:
    digest: str  # of the entity's source files, as recorded
    at: dt.datetime


Record = Mapping[str, Change]


def digest(root: Path, relatives: Iterable[str]) -> str:
    """A digest of the named files that exist, with their names (a renamed or removed
    translation changes it too)."""
    summed = hashlib.sha256()
    for relative in sorted(relatives):
        path = root / relative
        if _plain_file(path):
            summed.update(relative.encode() + b"\0" + path.read_bytes() + b"\0")
    return summed.hexdigest()


def _plain_file(path: Path) -> bool:
    """A regular file of a size a source may have: links, pipes and huge files are refused
    by the survey of the sources (files.py), and never read here."""
    try:
        status = path.lstat()
    except OSError:
        return False
    return stat.S_ISREG(status.st_mode) and status.st_size <= MAX_DIGESTED


class Clock:
    """The time of a change that the record does not hold yet (see the module's comment),
    for one load of the project: git is asked once, when first needed."""

    def __init__(self, root: Path, epoch: int | None = None, memo: Memo | None = None):
        self.root, self.epoch, self.memo = root, epoch, memo or Memo()

    @cached_property
    def _git(self) -> tuple[int | None, frozenset[str]]:
        return _git_state(self.root.resolve())

    def unrecorded(self, relatives: list[str]) -> dt.datetime:
        if self.epoch is not None:
            return dt.datetime.fromtimestamp(self.epoch, UTC)
        commit, dirty = self._git
        stamps = []
        for relative in relatives:
            path = self.root / relative
            if not _plain_file(path):
                continue
            clean = commit is not None and relative not in dirty
            stamps.append(commit if clean else int(path.stat().st_mtime))
        return dt.datetime.fromtimestamp(max(stamps, default=0), UTC)

    def last_changed(self, key: str, relatives: list[str], record: Record) -> dt.datetime:
        """When the entity `key` (e.g. "conclaves/<slug>") last changed, in UTC."""
        known = record.get(key)
        if known is not None and known.digest == self.memo.recall(
                self.root, relatives, "digest", lambda: digest(self.root, relatives)):
            return known.at
        return self.unrecorded(relatives)


def _git_state(root: Path) -> tuple[int | None, frozenset[str]]:
    """HEAD's commit time and the source files that differ from it; (None, {}) outside git
    (sources/git.py: the project itself must be the repository)."""
    head = git.output(root, "log", "-1", "--format=%ct")
    status = git.output(root, "status", "--porcelain", "-z", "--untracked-files=all",
                        "--no-renames", "--", "data", "content")
    if head is None or status is None:
        return None, frozenset()
    dirty = {entry[3:] for entry in status.split("\0") if entry}
    return (int(head) if head.strip() else None), frozenset(dirty)


def read(root: Path) -> tuple[dict[str, Change], list[Problem]]:
    """The committed record, or the problem with it (an absent record is an empty one)."""
    path = root / RECORD
    if not os.path.lexists(path):
        return {}, []
    text, problems = read_text(path, RECORD)  # a source like any: a link or a pipe is refused
    if text is None:
        return {}, problems
    try:
        raw = json.loads(text, parse_constant=_refuse)
        return {key: Change(str(v["digest"]), _moment(v["changed"])) for key, v in raw.items()}, []
    except json.JSONDecodeError as exc:
        where = Location(RECORD, exc.lineno, exc.colno)
        what = msg("not valid JSON: %(problem)s", problem=exc.msg)
    except (AttributeError, KeyError, TypeError, ValueError, UnicodeDecodeError):
        where, what = Location(RECORD), msg("each entry needs a `digest` and a `changed` time")
    return {}, [Problem(where, what, msg("run `invoke calendar-sequences` to write it anew "
                                         "(delete the file first if it is damaged)"))]


def _refuse(constant: str) -> None:
    raise ValueError(constant)


def _moment(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    if moment.tzinfo is None:
        raise ValueError(text)
    return moment.astimezone(UTC)


def updated(clock: Clock, current: Mapping[str, list[str]], record: Record
            ) -> dict[str, Change]:
    """The record to write for the entities as they are now (key → their source files).
    Entries of entities that are gone stay: one that comes back keeps its time."""
    fresh = dict(record)
    for key, relatives in current.items():
        now = digest(clock.root, relatives)
        known = record.get(key)
        if known is None or known.digest != now:
            fresh[key] = Change(now, clock.unrecorded(relatives))
    return fresh


def dump(record: Record) -> str:
    data = {key: {"digest": c.digest, "changed": c.at.isoformat(timespec="seconds")}
            for key, c in sorted(record.items())}
    return json.dumps(data, indent=2) + "\n"

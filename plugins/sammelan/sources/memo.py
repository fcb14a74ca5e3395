"""What reading a source file gave (its document and problems, its prose, its digest, its
calendar states), kept between builds and found again by the file's identity on disk: its
size, its times and its inode. A build after one edit reads and checks one file, not a
thousand. What a git blob gave (the calendar states of a conclave in an old commit) is kept
too, found again by the blob's id, and so are output keys found again by what they are
made from (a share card's, by its entity's sources: render/jobs.py, Keys.lasting).

The memo belongs to the build's cache folder beside the output (manifest.py), and holds
the digest of the code that made it: other code, and it is not used. After a good build
that read few files anew, only those are written (`sources.delta`); otherwise the memo is
written whole, holding only the files that build read.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import TypeVar

from sammelan import processes

T = TypeVar("T")
NAME, DELTA = "sources.pickle", "sources.delta"
# A delta larger than this part of the whole is folded into the whole.
MAX_DELTA = 0.1
# Below this many files to read, starting processes costs more than it saves.
PREFETCH_THRESHOLD = 200


class Memo:
    def __init__(self, folder: Path | None = None, code: str = "", workers: int = 1,
                 identities: dict[str, list] | None = None):
        self.folder, self.code, self.workers = folder, code, workers
        # what the build's digest of its inputs found of each file (inputs.py): the same
        # state of the file as the digest, and no second look at it
        self.identities = {path: tuple(found[:5]) for path, found in (identities or {}).items()}
        # and a digest of each file's bytes: what an entity is made from (model/loader.py)
        self.contents = {path: found[5] for path, found in (identities or {}).items()}
        self.old: dict = self._load(NAME)
        self.delta: dict = self._load(DELTA) if self.old else {}
        self.old.update(self.delta)
        self.now: dict = {}
        self.new: dict = {}  # computed by this build

    def _load(self, name: str) -> dict:
        if self.folder is None:
            return {}
        try:
            with (self.folder / name).open("rb") as handle, processes.unscanned():
                # the cache folder is the builder's own, as trusted as the project's code
                code, entries = pickle.load(handle)  # noqa: S301
        except Exception:  # noqa: BLE001 -- a damaged or old memo only costs time
            return {}
        return entries if code == self.code and isinstance(entries, dict) else {}

    def recall(self, root: Path, relatives: Iterable[str], extra: object,
               compute: Callable[[], T]) -> T:
        """`compute()`, or what it gave in the last build for the same files unchanged."""
        key = self._key(root, relatives, extra)
        if key in self.now:
            return self.now[key]
        if key in self.old:
            found = self.old[key]
        else:
            found = self.new[key] = compute()
        self.now[key] = found
        return found

    def peek(self, root: Path, relatives: Iterable[str], extra: object) -> object | None:
        """What `recall` gives for these files, if this build or the last one computed it;
        None rather than computing it."""
        key = self._key(root, relatives, extra)
        return self.now[key] if key in self.now else self.old.get(key)

    def lacks(self, keys: Iterable[Hashable]) -> list:
        """Those of `keys` (of `remember`) that the memo holds no value for."""
        return [key for key in keys if key not in self.now and key not in self.old]

    def remember(self, key: Hashable, compute: Callable[[], T]) -> T:
        """`compute()`, or what it gave in an earlier build, for a key that names what the
        value is made from (a git blob's id names its bytes): such a value never goes stale.
        Its key differs in shape from those of files, `(files, extra)`."""
        if key in self.now:
            return self.now[key]
        found = self.old[key] if key in self.old else compute()
        if key not in self.old:
            self.new[key] = found
        self.now[key] = found
        return found

    def fill(self, tasks: list[tuple[Hashable, Callable]]) -> None:
        """Compute now the values of `remember` keys that the memo lacks, by `workers`
        forked processes when there are many (a first build counting a long history)."""
        missing = [(key, compute) for key, compute in tasks
                   if key not in self.now and key not in self.old]
        if self.workers < 2 or len(missing) < PREFETCH_THRESHOLD:
            return  # computed one by one as the build asks
        found = processes.run([compute for _, compute in missing], self.workers)
        for (key, _), value in zip(missing, found, strict=True):
            self.old[key] = self.new[key] = value

    def prefetch(self, root: Path, tasks: list[tuple[list[str], object, Callable]]) -> None:
        """Compute now what the memo lacks of `tasks` (recall's arguments), by `workers`
        forked processes when there are many: each computes a share and sends it back."""
        missing = [(key, compute) for relatives, extra, compute in tasks
                   if (key := self._key(root, relatives, extra)) not in self.old]
        if self.workers < 2 or len(missing) < PREFETCH_THRESHOLD:
            return  # computed one by one as the build asks
        found = processes.run([compute for _, compute in missing], self.workers)
        for (key, _), value in zip(missing, found, strict=True):
            self.old[key] = self.new[key] = value

    def _key(self, root: Path, relatives: Iterable[str], extra: object) -> tuple:
        base, known = str(root), self.identities
        return tuple((r, known.get(r) or _identity(os.path.join(base, r)))
                     for r in relatives), extra

    def save(self) -> None:
        if self.folder is None:
            return
        delta = {**self.delta, **self.new}
        if self.old and len(delta) <= MAX_DELTA * len(self.now):
            self._write(DELTA, delta)
        else:
            self._write(NAME, self.now)
            self._write(DELTA, {})

    def _write(self, name: str, entries: dict) -> None:
        target = self.folder / name
        partial = target.with_suffix(".new")
        try:
            target.parent.mkdir(exist_ok=True)
            with partial.open("wb") as handle:
                pickle.dump((self.code, entries), handle, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(target)
        except OSError:
            return


def _identity(path: str) -> tuple[int, ...] | None:
    try:
        s = os.lstat(path)
    except OSError:
        return None
    return s.st_mode, s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino

"""What reading a source file gave (its document and problems, its prose, its digest),
kept between builds and found again by the file's identity on disk: its size, its times
and its inode. A build after one edit reads and checks one file, not a thousand.

The memo belongs to the build's cache folder beside the output (manifest.py), and holds
the digest of the code that made it: other code, and it is not used. It is written whole
after a good build, holding only the files that build read.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
NAME = "sources.pickle"


class Memo:
    def __init__(self, folder: Path | None = None, code: str = ""):
        self.path = folder / NAME if folder else None
        self.code = code
        self.old: dict = self._load()
        self.now: dict = {}

    def _load(self) -> dict:
        if self.path is None:
            return {}
        try:
            with self.path.open("rb") as handle:
                # the cache folder is the builder's own, as trusted as the project's code
                code, entries = pickle.load(handle)  # noqa: S301
        except Exception:  # noqa: BLE001 -- a damaged or old memo only costs time
            return {}
        return entries if code == self.code and isinstance(entries, dict) else {}

    def recall(self, root: Path, relatives: Iterable[str], extra: object,
               compute: Callable[[], T]) -> T:
        """`compute()`, or what it gave in the last build for the same files unchanged."""
        key = (tuple((r, _identity(root / r)) for r in relatives), extra)
        if key in self.now:
            return self.now[key]
        found = self.old[key] if key in self.old else compute()
        self.now[key] = found
        return found

    def save(self) -> None:
        if self.path is None:
            return
        partial = self.path.with_suffix(".new")
        try:
            self.path.parent.mkdir(exist_ok=True)
            with partial.open("wb") as handle:
                pickle.dump((self.code, self.now), handle, protocol=pickle.HIGHEST_PROTOCOL)
            partial.replace(self.path)
        except OSError:
            return


def _identity(path: Path) -> tuple[int, ...] | None:
    try:
        s = os.lstat(path)
    except OSError:
        return None
    return s.st_mode, s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino, s.st_dev

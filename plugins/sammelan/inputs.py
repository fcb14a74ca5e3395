"""What a build reads, digested: the organizer's sources, the code and templates that turn
them into a site, the settings and the build's options. Equal digests mean an equal site,
so a build whose digest is the last build's has nothing to do (build.py), and the code's
digest is part of every output file's key (render/jobs.py).

Read without Pelican and without parsing anything, and a file is read again only when its
size, times or inode changed since the last build (`known`): a thousand conclaves' sources
are 13,000 files and 60 MB.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from sammelan.options import BuildOptions
from sammelan.sources import history

PACKAGE = Path(__file__).resolve().parent
SCHEMAS = PACKAGE.parents[1] / "schemas"
SOURCES = ("data", "content")
LIBRARIES = "requirements.lock"
MAX_DEPTH = 12  # folders; the survey refuses sources deeper than files.MAX_DEPTH
MAX_FILE = 64 * 1024 * 1024  # larger files are refused by the survey; here they are skipped

Known = dict[str, list]  # path → [identity…, digest], from the last build


class Digest:
    """One running digest of files, reusing what `known` says of files unchanged on disk;
    `seen` is what the next build may reuse."""

    def __init__(self, known: Known | None = None, with_times: bool = False):
        self.summed = hashlib.blake2b(digest_size=16)
        self.known, self.seen, self.with_times = known or {}, {}, with_times

    def hexdigest(self) -> str:
        return self.summed.hexdigest()

    def tree(self, folder: Path, skip: tuple[str, ...] = ()) -> None:
        """Every entry under `folder` (files, folders, links, anything), in a fixed order;
        never deeper than a good build allows (the survey refuses deeper sources, so no
        good build's digest can equal a tree that changed only below that depth)."""
        stack = [(str(folder), folder.name, 0)]
        while stack:
            top, shown_top, depth = stack.pop()
            try:
                entries = sorted(os.scandir(top), key=lambda e: e.name, reverse=True)
            except OSError:
                self.summed.update(f"?{shown_top}\0".encode("utf-8", "surrogateescape"))
                continue
            for entry in entries:
                shown = f"{shown_top}/{entry.name}"
                if entry.is_dir(follow_symlinks=False):
                    self.summed.update(f"{shown}/\0".encode("utf-8", "surrogateescape"))
                    if entry.name not in skip and depth < MAX_DEPTH:
                        stack.append((entry.path, shown, depth + 1))
                else:
                    self.file(entry.path, shown)

    def file(self, path: str | Path, shown: str) -> None:
        try:
            s = os.lstat(path)
            identity = [s.st_mode, s.st_size, s.st_mtime_ns, s.st_ctime_ns, s.st_ino]
        except OSError:
            identity = None
        known = self.known.get(shown)
        found = known[-1] if identity and known and known[:-1] == identity else _bytes(path)
        if identity:
            self.seen[shown] = [*identity, found]
        times = identity[2] if identity and self.with_times else None
        self.summed.update(f"{shown}\0{identity and identity[:2]}\0{times}\0{found}\0"
                           .encode("utf-8", "surrogateescape"))


def _bytes(path: str | Path) -> str:
    """A digest of the file's bytes, of a link's target, or of nothing (anything else)."""
    try:
        status = os.lstat(path)
        if stat.S_ISLNK(status.st_mode):
            data = os.readlink(path).encode("utf-8", "surrogateescape")
        elif stat.S_ISREG(status.st_mode) and status.st_size <= MAX_FILE:
            with open(path, "rb") as handle:  # lstat said a file: never through a link
                data = handle.read()
        else:
            data = b""
    except OSError:
        data = b"?"
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def code(root: Path) -> str:
    """The generator's code, translations and schemas, the project's themes and settings,
    and the versions of the libraries it runs on (requirements.lock, which `make` installs:
    a new Jinja or icalendar may write other bytes, so every file is made again)."""
    summed = Digest()
    # tools/ (scaffold, preview, bench…) run beside the build, and make no file of the site
    for folder, skip in ((PACKAGE, ("__pycache__", "tools")), (SCHEMAS, ()),
                         (root / "themes", ())):
        summed.tree(folder, skip=skip)
    for settings in sorted(root.glob("*.py")):
        summed.file(settings, settings.name)
    summed.file(root / LIBRARIES, LIBRARIES)  # digested as absent in a project without one
    return summed.hexdigest()


@dataclass(frozen=True)
class Read:
    digest: str  # of everything
    code: str  # of the code alone: part of every output file's key
    sources: Known  # what the next build may reuse, and the memo's view of each file


def build(root: Path, options: BuildOptions, known: Known | None = None) -> Read:
    """Everything one build of `root` reads. Modification times count where they date the
    site's changes (a build without SOURCE_DATE_EPOCH dates edits not yet committed by
    them, provenance.Clock). HEAD counts always: calendar SEQUENCE numbers are counted
    from its history (and a clone made whole by `git fetch --unshallow` has one now), and
    sources not recorded are dated by its commit."""
    dated = options.epoch is None
    sources = Digest(known, with_times=dated)
    for folder in SOURCES:
        sources.tree(root / folder)
    program = code(root)
    summed = hashlib.blake2b(repr((
        program, sources.hexdigest(), options.strict, options.preview_base,
        options.site_url, options.epoch, options.today(), history.head(root),
    )).encode(), digest_size=16).hexdigest()
    return Read(summed, program, sources.seen)

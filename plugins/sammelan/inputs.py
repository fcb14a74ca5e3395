"""What a build reads, digested: the organizer's sources, the code and templates that turn
them into a site, the settings and the build's options. Equal digests mean an equal site,
so a build whose digest is the last build's has nothing to do (build.py), and the code's
digest is part of every output file's key (render/jobs.py).

Read without Pelican and without parsing anything: it must cost a small part of a second
on a thousand conclaves.
"""

from __future__ import annotations

import hashlib
import os
import stat
import subprocess
from pathlib import Path

from sammelan.options import BuildOptions

PACKAGE = Path(__file__).resolve().parent
SCHEMAS = PACKAGE.parents[1] / "schemas"
SOURCES = ("data", "content")
MAX_DEPTH = 12  # folders; the survey refuses sources deeper than files.MAX_DEPTH
MAX_FILE = 64 * 1024 * 1024  # larger files are refused by the survey; here they are skipped


def code(root: Path) -> str:
    """The generator's code, translations and schemas, the project's themes and settings."""
    summed = hashlib.blake2b(digest_size=16)
    for folder in (PACKAGE, SCHEMAS, root / "themes"):
        _tree(summed, folder, skip=("__pycache__",))
    for settings in sorted(root.glob("*.py")):
        _file(summed, settings, settings.name)
    return summed.hexdigest()


def sources(root: Path, with_times: bool) -> str:
    """data/ and content/: names and bytes, and modification times where they date the
    site's changes (a build without SOURCE_DATE_EPOCH dates edits not yet committed by
    them, see provenance.Clock)."""
    summed = hashlib.blake2b(digest_size=16)
    for folder in SOURCES:
        _tree(summed, root / folder, with_times=with_times)
    return summed.hexdigest()


def build(root: Path, options: BuildOptions) -> str:
    """Everything one build of `root` reads, as one digest."""
    dated = options.epoch is None
    return hashlib.blake2b(repr((
        code(root), sources(root, with_times=dated), options.strict, options.preview_base,
        options.epoch, options.today(), _head(root) if dated else None,
    )).encode(), digest_size=16).hexdigest()


def _tree(summed, folder: Path, skip: tuple[str, ...] = (), with_times: bool = False) -> None:
    """Every entry under `folder` (files, folders, links, anything), in a fixed order; never
    deeper than a good build allows (the survey refuses deeper sources, so no good build's
    digest can equal a tree that changed only below that depth)."""
    stack = [(folder, 0)]
    while stack:
        top, depth = stack.pop()
        try:
            entries = sorted(os.scandir(top), key=lambda e: e.name, reverse=True)
        except OSError:
            summed.update(b"?unreadable folder\0")
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.is_dir(follow_symlinks=False):
                summed.update(f"{path.relative_to(folder.parent)}/\0".encode(
                    "utf-8", "surrogateescape"))
                if entry.name not in skip and depth < MAX_DEPTH:
                    stack.append((path, depth + 1))
            else:
                _file(summed, path, str(path.relative_to(folder.parent)), with_times)


def _file(summed, path: Path, shown: str, with_times: bool = False) -> None:
    try:
        status = path.lstat()
        plain = stat.S_ISREG(status.st_mode) and status.st_size <= MAX_FILE
        data = path.read_bytes() if plain else b""  # never through a link
        if stat.S_ISLNK(status.st_mode):
            data = os.readlink(path).encode("utf-8", "surrogateescape")
    except OSError:
        data, status = b"?", None
    summed.update(shown.encode("utf-8", "surrogateescape") + b"\0")
    summed.update(repr((status.st_mode, status.st_size, status.st_mtime_ns if with_times
                        else None) if status else None).encode())
    summed.update(hashlib.blake2b(data, digest_size=16).digest())


def _head(root: Path) -> str | None:
    """The commit the sources are dated by when they have no recorded date."""
    try:
        return subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%H %ct"],
                              capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return None

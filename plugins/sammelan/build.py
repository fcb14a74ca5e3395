"""A whole build: one at a time per output folder, into a fresh folder that is swapped in
only when every step succeeded, so a failed or killed build leaves the last good site.

The fresh folder is `.<output>.new` beside the output. The swap exchanges the two folders
in one step where the system can (Linux's renameat2), so at every moment `output/` is a
whole site, the old or the new one; a build killed at any point leaves at most
`.<output>.new` behind, which the next build removes first.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from sammelan import inputs, manifest
from sammelan.errors import SourceErrors
from sammelan.options import BuildOptions
from sammelan.render.jobs import OutputClash, Reuse

try:
    import fcntl
except ImportError:  # Windows: builds there are not guarded against each other
    fcntl = None  # type: ignore[assignment]

RENAME_EXCHANGE = 2  # linux/fs.h
# Web servers read the site as another user: readable by all, whatever the builder's umask.
FILE_MODE, FOLDER_MODE = 0o644, 0o755


def build(settings_file: Path, output: Path, options: BuildOptions | None = None) -> int:
    """Build the site; return the exit status (0 built, 1 the sources have errors)."""
    options = options or BuildOptions()
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    fresh = output.with_name(f".{output.name}.new")
    with exclusive(output.parent, output.name):
        remove_leftovers(output)
        read = inputs.build(settings_file.resolve().parent, options)
        last = manifest.read(output)
        if last is not None and last.inputs == read:
            if last.warnings:
                print(last.warnings, file=sys.stderr)
            print(f"Nothing changed since the last build: {output.name}/ is up to date.",
                  file=sys.stderr)
            return 0
        # Pelican is imported only when there is something to build: it costs more than
        # finding out that there is not.
        from sammelan.adapter import run_pelican

        reuse = Reuse(folder=output if last else None, keys=last.files if last else {},
                      workers=options.workers)
        try:
            outcome = run_pelican(settings_file, fresh, options, reuse, manifest.folder(output))
        except (SourceErrors, OutputClash) as errors:
            shutil.rmtree(fresh, ignore_errors=True)
            print(errors if isinstance(errors, SourceErrors) else f"error: {errors}",
                  file=sys.stderr)
            print("The site was not built; the last good output is unchanged.",
                  file=sys.stderr)
            return 1
        make_readable(fresh)
        swap(fresh, output)
        manifest.write(output, read, outcome.warnings, reuse.keys)
    return 0


@contextlib.contextmanager
def exclusive(folder: Path, name: str) -> Iterator[None]:
    """Hold the lock of `folder` (the output's parent) for the whole build: a second build
    into it waits. The lock is the kernel's, on the folder itself: it leaves no file behind
    and is released when a killed build's process ends."""
    if fcntl is None:
        yield
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            print(f"Another build into {folder / name} is running; waiting for it to end…",
                  file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def remove_leftovers(output: Path) -> None:
    """What a killed build may have left: its fresh folder, or the old site after a swap."""
    for leftover in (f".{output.name}.new", f".{output.name}.old"):
        path = output.with_name(leftover)
        if path.is_symlink() or path.is_file():
            path.unlink()
        else:
            shutil.rmtree(path, ignore_errors=True)


def make_readable(folder: Path) -> None:
    """Every file and folder readable by all; files linked from the last output are so
    already, and are only looked at."""
    for top, folders, files in os.walk(folder):
        for name, mode in [*((f, FOLDER_MODE) for f in folders), *((f, FILE_MODE) for f in files)]:
            path = os.path.join(top, name)
            status = os.lstat(path)
            if not stat.S_ISLNK(status.st_mode) and stat.S_IMODE(status.st_mode) != mode:
                os.chmod(path, mode)
    os.chmod(folder, FOLDER_MODE)


def swap(fresh: Path, output: Path) -> None:
    """Put `fresh` in the place of `output`; the old site is then removed."""
    if output.exists() and _exchange(fresh, output):
        shutil.rmtree(fresh, ignore_errors=True)  # it holds the old site now
        return
    old = output.with_name(f".{output.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        output.rename(old)
    fresh.rename(output)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one step (Linux 3.15+); False where the system cannot."""
    if sys.platform != "linux":
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_cwd = -100  # AT_FDCWD
    done = renameat2(at_cwd, os.fsencode(a), at_cwd, os.fsencode(b), RENAME_EXCHANGE)
    return done == 0

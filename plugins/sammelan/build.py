"""A whole build: one at a time per output folder, into a folder beside the output that is
swapped in only when every step succeeded, so a failed or killed build leaves the last
good site.

The folder built into is the spare site (`.<output>.cache/spare/`, see manifest.py): the
site as it was two builds ago, updated in place, or an empty folder. The swap exchanges
it with the output in one step where the system can (Linux's renameat2), so at every
moment `output/` is a whole site, the old or the new one, and the old site becomes the
next build's spare. A build killed at any point leaves a spare that the next build does
not trust, and empties.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from sammelan import inputs, manifest
from sammelan.errors import Problem, SourceErrors, report
from sammelan.i18n import messages
from sammelan.i18n.messages import msg, shown
from sammelan.options import BuildOptions
from sammelan.render.jobs import FILE_MODE, FOLDER_MODE, OutputClash, Reuse

try:
    import fcntl
except ImportError:  # Windows: builds there are not guarded against each other
    fcntl = None  # type: ignore[assignment]

RENAME_EXCHANGE = 2  # linux/fs.h


def build(settings_file: Path, output: Path, options: BuildOptions | None = None,
          failed: Callable[[list[Problem]], None] | None = None) -> int:
    """Build the site; return the exit status (0 built, 1 the sources have errors). The
    problems of sources with errors are printed, and handed to `failed` (the preview shows
    them in the browser)."""
    options = options or BuildOptions()
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    with exclusive(output.parent, output.name):
        remove_leftovers(output)
        last = manifest.read(output)
        read = inputs.build(settings_file.resolve().parent, options,
                            last.sources if last else None)
        if last is not None and last.inputs == read.digest:
            warnings = last.warnings.get(messages.language(), "")
            if warnings:
                print(warnings, file=sys.stderr)
            print(shown(msg("Nothing changed since the last build: %(output)s/ is up to date.",
                            output=output.name)), file=sys.stderr)
            return 0
        # Pelican is imported only when there is something to build: it costs more than
        # finding out that there is not.
        from sammelan.adapter import run_pelican

        fresh, reuse = spare_for(output, last, options)
        try:
            outcome = run_pelican(settings_file, fresh, options, reuse, manifest.folder(output),
                                  read)
        except (SourceErrors, OutputClash) as errors:
            if failed and isinstance(errors, SourceErrors):
                failed(errors.problems)
            print(report(errors.problems) if isinstance(errors, SourceErrors)
                  else errors.render(), file=sys.stderr)
            print(shown(msg("The site was not built; the last good output is unchanged.")),
                  file=sys.stderr)
            return 1
        make_readable(fresh, reuse.keys)
        swap(fresh, output)
        spare = manifest.Tree(manifest.identity(fresh), last.output.files) if (
            last and fresh.exists()) else None
        manifest.write(output, manifest.Manifest(
            read.digest, manifest.Tree(manifest.identity(output), reuse.keys), spare,
            outcome.warnings, read.sources))
    return 0


def spare_for(output: Path, last: manifest.Manifest | None, options: BuildOptions
              ) -> tuple[Path, Reuse]:
    """The folder to build into, and what it holds: the spare site two builds old when it
    can be trusted, else an empty folder. From here until the record is written again the
    spare is not trusted: a build killed meanwhile leaves a spare the next one empties."""
    fresh = manifest.spare(output)
    trusted = last is not None and last.spare is not None
    if not trusted:
        _remove(fresh)
    manifest.changing(output)
    fresh.mkdir(parents=True, exist_ok=True)
    keys = last.spare.files if trusted else {}
    owned = {path.split("/", 1)[0] for path in keys}
    for entry in os.scandir(fresh):  # Pelican's copies (theme, pictures): copied afresh
        if entry.name not in owned:
            _remove(Path(entry.path))
    return fresh, Reuse(keys=keys, workers=options.workers)


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
            print(shown(msg("Another build into %(folder)s is running; waiting for it to end…",
                            folder=str(folder / name))), file=sys.stderr)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # closing releases the lock


def remove_leftovers(output: Path) -> None:
    """What a killed build may have left: the old site after a swap; and the folders of
    builds before spares were kept (`.<output>.new`)."""
    for leftover in (f".{output.name}.new", f".{output.name}.old"):
        _remove(output.with_name(leftover))


def _remove(path: Path) -> None:
    if path.is_symlink() or path.is_file():
        path.unlink()
    else:
        shutil.rmtree(path, ignore_errors=True)


def make_readable(folder: Path, site_files: Iterable[str]) -> None:
    """Everything in `folder` readable by all. The site's own files were written so
    (outputs.write_all); what Pelican copied beside them (the theme's files, the pictures)
    is made so here."""
    owned = {path.split("/", 1)[0] for path in site_files}
    os.chmod(folder, FOLDER_MODE)
    for entry in os.scandir(folder):
        if entry.name not in owned:
            _readable(Path(entry.path))


def _readable(top: Path) -> None:
    for path in (top, *top.rglob("*")) if top.is_dir() and not top.is_symlink() else (top,):
        status = os.lstat(path)
        mode = FOLDER_MODE if stat.S_ISDIR(status.st_mode) else FILE_MODE
        if not stat.S_ISLNK(status.st_mode) and stat.S_IMODE(status.st_mode) != mode:
            os.chmod(path, mode)


def swap(fresh: Path, output: Path) -> None:
    """Put `fresh` in the place of `output`, and the old site in the place of `fresh` (the
    next build's spare)."""
    if output.exists() and _exchange(fresh, output):
        return
    old = output.with_name(f".{output.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        output.rename(old)
    fresh.rename(output)
    if old.exists():
        old.rename(fresh)


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

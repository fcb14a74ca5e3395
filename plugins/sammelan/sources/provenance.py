"""When each source file last changed, from git history, so that timestamps in the
output (calendar DTSTAMP, sitemap lastmod, feed updated) come from the sources and
not from the clock: two builds of one commit give the same bytes."""

from __future__ import annotations

import datetime as dt
import subprocess
from functools import cache
from pathlib import Path

UTC = dt.UTC


@cache
def _commit_times(root: Path) -> dict[str, int]:
    """Path (relative to root) → Unix time of the newest commit that touched it."""
    try:
        log = subprocess.run(
            ["git", "-C", str(root), "log", "--format=@%ct", "--name-only", "--no-renames",
             "--", "data", "content"],
            capture_output=True, text=True, check=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    prefix = _git_prefix(root)
    times: dict[str, int] = {}
    current = 0
    for line in log.splitlines():
        if line.startswith("@"):
            current = int(line[1:])
        elif line:
            times.setdefault(line.removeprefix(prefix), current)
    return times


def _git_prefix(root: Path) -> str:
    try:
        out = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-prefix"],
                             capture_output=True, text=True, check=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return ""
    return out.strip()


def last_changed(root: Path, relatives: list[str], epoch: int | None = None) -> dt.datetime:
    """The newest change among the given source files (relative to root), in UTC.

    A committed file counts by its commit time. A file git does not know yet (a new,
    uncommitted source) counts by `epoch` (SOURCE_DATE_EPOCH) when given, else by its mtime.
    """
    times = _commit_times(root.resolve())
    stamps = []
    for relative in relatives:
        path = root / relative
        if not path.exists():
            continue
        if relative in times:
            stamps.append(times[relative])
        elif epoch is not None:
            stamps.append(epoch)
        else:
            stamps.append(int(path.stat().st_mtime))
    newest = max(stamps, default=epoch or 0)
    return dt.datetime.fromtimestamp(newest, UTC)

"""Git, run one way wherever the build asks it something (sources/history.py,
sources/provenance.py, inputs.py).

The environment is fixed rather than inherited, so that the builder's shell cannot change
what git answers: no GIT_DIR or GIT_INDEX_FILE of a surrounding command, no system-wide
configuration, no pager, no hooks, no colours, no signatures in the log, paths written as
they are (`core.quotepath=off`). The repository must be the project itself: git does not
look for one in the folders above it (GIT_CEILING_DIRECTORIES), so a project copied into
another repository has no history rather than that repository's. The builder's own
configuration (HOME) still counts: it may name the project a `safe.directory`.

Git missing, a folder that is no repository, a command that fails or hangs: each is an
answer (None), never an error; the callers then do without the history.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

TIMEOUT = 120  # seconds: the log of a long history takes a few
SETTINGS = (
    "core.quotepath=off", "core.hooksPath=/dev/null", "core.fsmonitor=false",
    "color.ui=false", "log.showSignature=false", "log.showRoot=true",
)
# what git may still read from the builder's environment
KEPT = ("PATH", "HOME", "XDG_CONFIG_HOME", "SYSTEMROOT")


def environment(root: Path) -> dict[str, str]:
    kept = {name: os.environ[name] for name in KEPT if name in os.environ}
    return {**kept, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CEILING_DIRECTORIES": str(root.parent),
            "GIT_PAGER": "cat", "PAGER": "cat", "GIT_TERMINAL_PROMPT": "0",
            "GIT_OPTIONAL_LOCKS": "0", "GIT_NO_REPLACE_OBJECTS": "1", "LC_ALL": "C"}


def command(root: Path, *args: str) -> list[str]:
    settings = [part for setting in SETTINGS for part in ("-c", setting)]
    return ["git", "--no-pager", "-C", str(root), *settings, *args]


def run(root: Path, *args: str, timeout: float = TIMEOUT
        ) -> subprocess.CompletedProcess[bytes] | None:
    """`git ARGS` in the project at `root`, whatever its exit status; None when git could
    not run or did not finish in time."""
    root = root.resolve()
    try:
        return subprocess.run(command(root, *args), capture_output=True, timeout=timeout,
                              env=environment(root), stdin=subprocess.DEVNULL, check=False)
    except (OSError, subprocess.SubprocessError):
        return None


def output(root: Path, *args: str) -> str | None:
    """What `git ARGS` prints when it succeeds, else None."""
    done = run(root, *args)
    if done is None or done.returncode != 0:
        return None
    return done.stdout.decode("utf-8", "surrogateescape")


def start(root: Path, *args: str) -> subprocess.Popen[bytes] | None:
    """`git ARGS` started with pipes to and from it (for `cat-file --batch`); None when git
    cannot run."""
    root = root.resolve()
    try:
        return subprocess.Popen(command(root, *args), stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                env=environment(root))
    except OSError:
        return None

"""A whole build: into a fresh folder, swapped in only when every step succeeded,
so a failed build leaves the last good site in place."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from sammelan.adapter import run_pelican
from sammelan.errors import SourceErrors
from sammelan.options import BuildOptions
from sammelan.render.outputs import OutputClash


def build(settings_file: Path, output: Path, options: BuildOptions | None = None) -> int:
    """Build the site; return the exit status (0 built, 1 the sources have errors)."""
    options = options or BuildOptions()
    output = output.resolve()
    fresh = output.with_name(f".{output.name}.new")
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        run_pelican(settings_file, fresh, options)
    except (SourceErrors, OutputClash) as errors:
        shutil.rmtree(fresh, ignore_errors=True)
        print(errors if isinstance(errors, SourceErrors) else f"error: {errors}",
              file=sys.stderr)
        print("The site was not built; the last good output is unchanged.", file=sys.stderr)
        return 1
    swap(fresh, output)
    return 0


def swap(fresh: Path, output: Path) -> None:
    old = output.with_name(f".{output.name}.old")
    shutil.rmtree(old, ignore_errors=True)
    if output.exists():
        output.rename(old)
    fresh.rename(output)
    shutil.rmtree(old, ignore_errors=True)

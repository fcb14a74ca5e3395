"""A whole build: into a fresh folder, swapped in only when every step succeeded,
so a failed build leaves the last good site in place."""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

from sammelan.errors import SourceErrors


def build(settings_file: Path, output: Path, strict: bool = False) -> int:
    """Build the site; return the exit status (0 built, 1 the sources have errors)."""
    output = output.resolve()
    fresh = output.with_name(f".{output.name}.new")
    shutil.rmtree(fresh, ignore_errors=True)
    settings = read_settings(str(settings_file), override={
        "OUTPUT_PATH": str(fresh), "SAMMELAN_STRICT": strict})
    logging.getLogger("pelican").setLevel(logging.WARNING)
    try:
        Pelican(settings).run()
    except SourceErrors as errors:
        shutil.rmtree(fresh, ignore_errors=True)
        print(errors, file=sys.stderr)
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

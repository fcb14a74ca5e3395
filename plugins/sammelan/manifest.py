"""The record a build keeps beside its output (`.<output>.cache/manifest.json`): the digest
of everything it read, the key of every file it wrote, and its warnings. The next build
into the same folder does nothing when the digest is the same, and links every file whose
key is the same instead of making it again.

The record names the output folder it describes (device and inode): an output replaced
or removed by hand is not trusted, and the next build makes every file.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

VERSION = 1
NAME = "manifest.json"


@dataclass(frozen=True)
class Manifest:
    inputs: str
    output: tuple[int, int]
    warnings: str = ""
    files: dict[str, str] = field(default_factory=dict)


def folder(output: Path) -> Path:
    """Where a build keeps what it remembers of `output`: beside it, never published."""
    return output.with_name(f".{output.name}.cache")


def identity(path: Path) -> tuple[int, int] | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def read(output: Path) -> Manifest | None:
    """The record of the build that made `output`, or None (no build, another output, or
    a record that cannot be read: each means that every file is made)."""
    try:
        data = json.loads((folder(output) / NAME).read_text(encoding="utf-8"))
        last = Manifest(data["inputs"], tuple(data["output"]), data["warnings"],
                        dict(data["files"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return last if data.get("version") == VERSION and last.output == identity(output) else None


def write(output: Path, inputs: str, warnings: str, files: dict[str, str]) -> None:
    """Record the build that made `output`; a record that cannot be written costs only
    speed, so it is skipped quietly (and any old one removed)."""
    target = folder(output) / NAME
    try:
        target.unlink(missing_ok=True)
        found = identity(output)
        if found is None:
            return
        target.parent.mkdir(exist_ok=True)
        record = {"version": VERSION, **asdict(Manifest(inputs, found, warnings, files))}
        partial = target.with_suffix(".new")
        partial.write_text(json.dumps(record, separators=(",", ":")), encoding="utf-8")
        partial.replace(target)
    except OSError:
        return

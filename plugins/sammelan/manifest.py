"""What a build remembers beside its output, in `.<output>.cache/`:

- `manifest.marshal`: the digest of everything the last build read, its warnings, the key
  of every file of the output, and the same for the spare site (below), in Python's
  marshal format: plain values only, read and written in a tenth of JSON's time (tens of
  thousands of keys at a thousand conclaves);
- `spare/`: the site the output held before the last build. The next build updates it in
  place, making only the files whose key changed and deleting those that are gone, then
  swaps it with the output in one step: a build costs what changed, not what the site
  holds, and `output/` is a whole site at every moment;
- `spare.changing`: present while a build changes the spare; a spare found with it is not
  trusted (a killed build) and the next build starts it afresh.

Each tree is named by its folder's device and inode: a folder replaced or removed by hand
is not trusted. The build trusts the files inside to be as it left them.
"""

from __future__ import annotations

import marshal
import os
from dataclasses import dataclass, field
from pathlib import Path

VERSION = 4  # 3: warnings in each language; 4: marshal
NAME = "manifest.marshal"
FORMER = "manifest.json"  # the record's name until version 3: removed when a new one is written
CHANGING = "spare.changing"


@dataclass(frozen=True)
class Tree:
    """A built site: its folder's identity and the key of each file (render/jobs.py)."""

    identity: tuple[int, int]
    files: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Manifest:
    inputs: str
    output: Tree
    spare: Tree | None = None
    warnings: dict[str, str] = field(default_factory=dict)  # by language, as printed
    sources: dict[str, list] = field(default_factory=dict)  # inputs.py's memo of digests


def folder(output: Path) -> Path:
    """Where a build keeps what it remembers of `output`: beside it, never published."""
    return output.with_name(f".{output.name}.cache")


def spare(output: Path) -> Path:
    return folder(output) / "spare"


def identity(path: Path) -> tuple[int, int] | None:
    try:
        status = os.lstat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def read(output: Path) -> Manifest | None:
    """The record of the build that made `output`, or None (no build, another output, or
    a record that cannot be read: each means that every file is made)."""
    try:
        data = marshal.loads((folder(output) / NAME).read_bytes())
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return None
        trees = {name: Tree(tuple(d["identity"]), dict(d["files"])) if d else None
                 for name, d in ((n, data[n]) for n in ("output", "spare"))}
        last = Manifest(data["inputs"], trees["output"], trees["spare"], dict(data["warnings"]),
                        dict(data["sources"]))
    except (OSError, ValueError, EOFError, KeyError, TypeError):
        return None
    if last.output.identity != identity(output):
        return None
    spare_ok = (last.spare and last.spare.identity == identity(spare(output))
                and not (folder(output) / CHANGING).exists())
    return last if spare_ok else Manifest(last.inputs, last.output, None, last.warnings,
                                          last.sources)


def _tree(tree: Tree | None) -> dict | None:
    return {"identity": tree.identity, "files": tree.files} if tree else None


def changing(output: Path) -> None:
    """Say that the spare is about to change: until `write`, it is not trusted."""
    folder(output).mkdir(exist_ok=True)
    (folder(output) / CHANGING).touch()


def write(output: Path, record: Manifest) -> None:
    """Record the build that made `output`. A record that cannot be written costs only
    speed, so it is skipped quietly (and any old one removed)."""
    target = folder(output) / NAME
    try:
        target.unlink(missing_ok=True)
        (folder(output) / FORMER).unlink(missing_ok=True)
        target.parent.mkdir(exist_ok=True)
        partial = target.with_suffix(".new")
        data = {"version": VERSION, "inputs": record.inputs, "output": _tree(record.output),
                "spare": _tree(record.spare), "warnings": record.warnings,
                "sources": record.sources}
        partial.write_bytes(marshal.dumps(data, 4))
        partial.replace(target)
        (folder(output) / CHANGING).unlink(missing_ok=True)
    except OSError:
        return

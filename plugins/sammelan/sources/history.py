"""What some files of the project were in each commit along the first-parent history of
HEAD, oldest first: which commits changed them, to which blobs (one `git log`), and those
blobs' bytes (one `git cat-file --batch`, asked only for the blobs a caller does not know
yet). Calendar SEQUENCE numbers are counted from them (render/calendar/sequences.py).

A shallow clone (what CI systems and hosts check out by default) or a tarball has no
history to read: the answer says so (`complete` False), and the caller does without it.
First-parent: a branch merged into the history counts as one change, made by its merge.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from sammelan.sources import git

REGULAR = (b"100644", b"100755")  # a link or a submodule is no source (files.py)


@dataclass(frozen=True)
class Version:
    """One commit's changes to the files followed: each path with its new blob, or None
    where the commit deleted it (or made it something other than a file)."""

    commit: str
    files: tuple[tuple[str, str | None], ...]


@dataclass(frozen=True)
class History:
    versions: tuple[Version, ...] = ()
    complete: bool = False  # every commit is there (False: none is read)
    shallow: bool = False  # a shallow clone: `git fetch --unshallow` completes it


def head(root: Path) -> str | None:
    """What the history depends on: whether the clone is shallow, and HEAD's commit (none
    before the first commit); None when the project is no repository or git is missing.
    The build's digest of its inputs holds it (inputs.py)."""
    done = git.run(root, "rev-parse", "--is-shallow-repository", "--verify", "-q", "HEAD")
    if done is None:
        return None
    text = done.stdout.decode("ascii", "replace")
    return text if text.split("\n")[0] in ("true", "false") else None


def read(root: Path, paths: Iterable[str]) -> History:
    """The versions of the files under `paths` (relative to the project), oldest first."""
    state = head(root)
    if state is None:
        return History()
    shallow, *commit = state.split()
    if shallow == "true":
        return History(shallow=True)
    if not commit:
        return History(complete=True)  # a repository without a commit yet
    done = git.run(root, "log", "--first-parent", "--diff-merges=first-parent", "--reverse",
                   "--raw", "--no-renames", "--no-abbrev", "-z", "--format=%x01%H",
                   commit[0], "--", *paths)
    if done is None or done.returncode != 0:  # e.g. a git older than 2.31
        return History()
    return History(tuple(_versions(done.stdout)), complete=True)


def _versions(raw: bytes) -> Iterator[Version]:
    """`git log -z --raw --format=%x01%H`: per commit, \\x01 and its id, then for each
    file `:<old mode> <new mode> <old blob> <new blob> <status>` and its path."""
    for chunk in raw.split(b"\x01")[1:]:
        commit, *fields = chunk.split(b"\0")
        files = []
        for meta, path in zip(fields[0::2], fields[1::2], strict=False):
            parts = meta.split()
            if len(parts) != 5:
                continue
            blob = parts[3].decode("ascii", "replace")
            kept = parts[1] in REGULAR and blob.strip("0") != ""
            files.append((path.decode("utf-8", "surrogateescape"), blob if kept else None))
        yield Version(commit.decode("ascii", "replace"), tuple(files))


def text(contents: dict[str, bytes | None], blob: str) -> str | None:
    """A blob of `blobs` as text; None when it was not read or is not UTF-8."""
    content = contents.get(blob)
    try:
        return None if content is None else content.decode("utf-8")
    except UnicodeDecodeError:
        return None


def blobs(root: Path, ids: list[str], limit: int) -> dict[str, bytes | None]:
    """The bytes of each blob of `ids`: None for one larger than `limit` bytes (never held
    in memory: history may hold any file) or one git cannot give."""
    found: dict[str, bytes | None] = dict.fromkeys(ids)
    if not ids:
        return found
    process = git.start(root, "cat-file", "--batch")
    if process is None:
        return found
    # git answers while it reads: the ids are fed from another thread, or both would wait
    # on a full pipe; a git that hangs is stopped
    feeder = threading.Thread(target=_feed, args=(process, ids), daemon=True)
    watchdog = threading.Timer(git.TIMEOUT, process.kill)
    feeder.start()
    watchdog.start()
    try:
        for _ in ids:
            blob, content = _answer(process, limit)
            if blob is None:
                break
            found[blob] = content
    finally:
        watchdog.cancel()
        process.kill()
        process.wait()
        feeder.join()
    return found


def _feed(process, ids: list[str]) -> None:
    try:
        process.stdin.write("".join(f"{blob}\n" for blob in ids).encode("ascii"))
        process.stdin.close()
    except OSError:  # git ended early; the reader sees it
        return


def _answer(process, limit: int) -> tuple[str | None, bytes | None]:
    """One answer of `cat-file --batch`: `<id> blob <size>` and the bytes, or `<id> missing`."""
    header = process.stdout.readline(200).split()
    if not header:
        return None, None
    blob = header[0].decode("ascii", "replace")
    if len(header) != 3 or not header[2].isdigit():
        return blob, None
    size = int(header[2])
    if size > limit:
        _skip(process.stdout, size + 1)
        return blob, None
    content = process.stdout.read(size)
    process.stdout.read(1)  # the line break after the bytes
    return blob, content if len(content) == size else None


def _skip(stream, size: int) -> None:
    while size > 0:
        chunk = stream.read(min(size, 1 << 20))
        if not chunk:
            return
        size -= len(chunk)

"""Every file the site is made of, as jobs from pure renderers (jobs.py), and the one place
that writes them: a path claimed twice is an error, never a silent overwrite; a file whose
key is the one it had in the last build is linked from the last output, not made again."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from jinja2 import Environment

from sammelan.model.entities import Site
from sammelan.render import feeds, html, qr, sitemap
from sammelan.render.calendar import ics
from sammelan.render.config import RenderConfig
from sammelan.render.jobs import Job, Keys, OutputClash, Reuse
from sammelan.render.schedule import frab

Planner = Callable[[Site, RenderConfig, Keys], Iterable[Job]]

# Each planner's files are of the formats named in its module (see formats.py).
PLANNERS: dict[str, Planner] = {
    "calendars": ics.jobs, "schedules": frab.jobs, "sitemap": sitemap.jobs,
    "feeds": feeds.jobs, "qr codes": qr.jobs,
}
# Below this many files to make, starting worker processes costs more than it saves.
POOL_THRESHOLD = 200


def plan(site: Site, env: Environment, config: RenderConfig, code: str) -> list[Job]:
    """Every file of the site, pages first. Raises OutputClash before anything is made."""
    keys = Keys(site, code, config, html.frame(site))
    found = list(html.jobs(site, env, config, keys))
    for planner in PLANNERS.values():
        found.extend(planner(site, config, keys))
    return claim(found)


def claim(jobs: list[Job]) -> list[Job]:
    """The jobs, each path claimed once; raises OutputClash naming both claimants."""
    owners: dict[str, str] = {}
    for job in jobs:
        if job.path in owners:
            raise OutputClash(job.path, owners[job.path], job.owner)
        owners[job.path] = job.owner
    return jobs


def write_all(jobs: Sequence[Job], folder: Path, reuse: Reuse | None = None) -> int:
    """Write every job's file under `folder`; return how many files the site has."""
    reuse = reuse or Reuse()
    folders: set[Path] = set()
    todo = []
    for job in jobs:
        target = folder / job.path
        if target.parent not in folders:
            target.parent.mkdir(parents=True, exist_ok=True)
            folders.add(target.parent)
        if not (reuse.folder and reuse.keys.get(job.path) == job.key
                and _linked(reuse.folder / job.path, target)):
            todo.append(job)
    _make(todo, folder, reuse.workers)
    reuse.keys, reuse.made = {job.path: job.key for job in jobs}, len(todo)
    return len(jobs)


def _linked(old: Path, new: Path) -> bool:
    """The old file in the new folder, sharing its bytes; False where it cannot be."""
    try:
        os.link(old, new, follow_symlinks=False)
    except OSError:  # gone, or a file system without links
        return False
    return True


_TODO: Sequence[Job] = ()  # the jobs of a pool, inherited by its forked workers


def _make(todo: Sequence[Job], folder: Path, workers: int) -> None:
    global _TODO
    if workers < 2 or len(todo) < POOL_THRESHOLD or "fork" not in _start_methods():
        _write(todo, range(len(todo)), folder)
        return
    _TODO = todo
    try:
        # fork: the workers share the model and the compiled templates; nothing is pickled
        # but the indexes of the jobs each one makes and writes.
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            step = max(1, len(todo) // (workers * 8))
            chunks = [(range(i, min(i + step, len(todo))), folder)
                      for i in range(0, len(todo), step)]
            for _ in pool.imap_unordered(_write_chunk, chunks):
                pass
    finally:
        _TODO = ()


def _start_methods() -> list[str]:
    return multiprocessing.get_all_start_methods()


def _write_chunk(chunk: tuple[range, Path]) -> None:
    _write(_TODO, *chunk)


def _write(todo: Sequence[Job], indexes: range, folder: Path) -> None:
    for i in indexes:
        job = todo[i]
        (folder / job.path).write_bytes(job.make())

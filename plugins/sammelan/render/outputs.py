"""Every file the site is made of, as jobs from pure renderers (jobs.py), and the one place
that writes them: a path claimed twice is an error, never a silent overwrite; a file whose
key is the one it had is not made again."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from jinja2 import Environment

from sammelan import processes
from sammelan.model.entities import Site
from sammelan.render import cards, favicon, feeds, hosting, html, qr, sitemap
from sammelan.render.calendar import ics
from sammelan.render.config import RenderConfig
from sammelan.render.jobs import (
    FILE_MODE,
    FOLDER_MODE,
    Job,
    Keys,
    OutputClash,
    Remember,
    Reuse,
)
from sammelan.render.schedule import frab

Planner = Callable[[Site, RenderConfig, Keys], Iterable[Job]]

# Each planner's files are of the formats named in its module (see formats.py).
PLANNERS: dict[str, Planner] = {
    "calendars": ics.jobs, "schedules": frab.jobs, "sitemap": sitemap.jobs,
    "feeds": feeds.jobs, "qr codes": qr.jobs, "server settings": hosting.jobs,
    "favicon": favicon.jobs, "cards": cards.jobs,
}
# Below this many files to make, starting worker processes costs more than it saves.
POOL_THRESHOLD = 200


def plan(site: Site, env: Environment, config: RenderConfig, code: str,
         inputs: str, remember: Remember | None = None) -> list[Job]:
    """Every file of the site, pages first. Raises OutputClash before anything is made.
    `inputs`, the digest of all the build reads, keys the files that list the whole site;
    `remember` keeps digests from build to build (Keys.lasting)."""
    keys = Keys(site, code, config, html.frame(site), everything=inputs, remember=remember)
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
    """Make every job's file under `folder`, which holds the files of `reuse.keys` (none,
    or the spare site of two builds ago): a file whose key is unchanged is left as it is,
    a file no job makes any more is deleted. Return how many files the site has."""
    reuse = reuse or Reuse()
    wanted = {job.path for job in jobs}
    for gone in sorted(set(reuse.keys) - wanted):
        _delete(folder, gone)
    todo = [job for job in jobs if reuse.keys.get(job.path) != job.key]
    made: set[str] = set()
    for job in todo:
        parent = os.path.dirname(job.path)
        if parent not in made:
            _folder(folder, parent)
            made.add(parent)
    _make(todo, folder, reuse.workers)
    reuse.keys = {job.path: job.key for job in jobs}
    return len(jobs)


def _folder(root: Path, relative: str) -> None:
    """The folder and its parents, readable by all whatever the umask."""
    path = root / relative
    if relative and not path.is_dir():
        _folder(root, os.path.dirname(relative))
        path.mkdir(exist_ok=True)
        path.chmod(FOLDER_MODE)


def _delete(root: Path, relative: str) -> None:
    """A file of a page that is gone, and the folders it leaves empty."""
    (root / relative).unlink(missing_ok=True)
    parent = os.path.dirname(relative)
    while parent:
        try:
            (root / parent).rmdir()
        except OSError:  # not empty (or gone): its other files stay
            return
        parent = os.path.dirname(parent)


def _make(todo: Sequence[Job], folder: Path, workers: int) -> None:
    many = workers if len(todo) >= POOL_THRESHOLD else 1
    processes.run([functools.partial(_write, folder, job) for job in todo], many)


def _write(folder: Path, job: Job) -> None:
    # readable by all whatever the umask: web servers read the site as another user
    descriptor = os.open(folder / job.path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    with os.fdopen(descriptor, "wb") as handle:
        os.fchmod(descriptor, FILE_MODE)
        handle.write(job.make())

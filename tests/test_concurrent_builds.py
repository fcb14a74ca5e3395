"""Builds exclude each other, and a build killed at any moment leaves a whole site: the old
one or the new one, and at most one clearly named leftover that the next build removes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from breaking import edit
from conftest import BUILD_EPOCH, digest

KILL_POINTS = 12  # moments spread over a build's run


def start(project, *args: str, umask: int | None = None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(project / "plugins"), SOURCE_DATE_EPOCH=BUILD_EPOCH)
    return subprocess.Popen(
        [sys.executable, "-m", "sammelan", "build", *args], cwd=project, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        preexec_fn=(lambda: os.umask(umask)) if umask is not None else None)


def run(project, *args: str, umask: int | None = None) -> subprocess.CompletedProcess:
    process = start(project, *args, umask=umask)
    out, err = process.communicate(timeout=300)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def leftovers(project) -> list[str]:
    """What a build leaves beside its output beyond its record (the manifest's folder)."""
    return sorted(p.name for p in project.iterdir()
                  if p.name.startswith(".output") and p.name != ".output.cache")


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory):
    """A project, and the digests of its site before and after an edit."""
    from conftest import copy_project

    project = copy_project(tmp_path_factory.mktemp("concurrent") / "project")
    assert run(project).returncode == 0
    old = digest(project / "output")
    edit(project, "data/venues/hotel-lemon-tree-jhansi.yaml", "Hotel Lemon Tree",
         "Hotel Lemon Tree Premier")
    assert run(project).returncode == 0
    new = digest(project / "output")
    assert old != new
    return project, old, new


def test_two_builds_started_together_both_succeed_and_leave_a_whole_site(two_sites):
    project, _, new = two_sites
    for _ in range(4):
        first, second = start(project), start(project)
        results = [p.communicate(timeout=300) for p in (first, second)]
        assert (first.returncode, second.returncode) == (0, 0), results
        assert digest(project / "output") == new
        assert leftovers(project) == []
    waited = [err for _, err in results if "Another build into" in err]
    assert all("waiting for it to end" in err for err in waited)


def test_a_build_killed_at_any_moment_leaves_the_old_or_the_new_site(two_sites):
    project, old, new = two_sites
    started = time.monotonic()
    assert run(project).returncode == 0
    duration = time.monotonic() - started
    outcomes = []
    for point in range(KILL_POINTS):
        current = digest(project / "output")
        target = old if current == new else new
        set_venue_name(project, "Hotel Lemon Tree" if target == old else
                       "Hotel Lemon Tree Premier")
        process = start(project)
        time.sleep(duration * 1.1 * point / KILL_POINTS)  # the last ones land after the swap
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        after = digest(project / "output")
        assert after in (current, target), f"output/ is not a whole site (kill at {point})"
        assert set(leftovers(project)) <= {".output.new"}
        outcomes.append("kept" if after == current else "replaced")
    # the next build removes what a killed one left, and builds what the sources say
    assert run(project).returncode == 0
    assert leftovers(project) == [] and digest(project / "output") == target
    assert outcomes[0] == "kept", outcomes


def set_venue_name(project, name: str) -> None:
    path = project / "data/venues/hotel-lemon-tree-jhansi.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("Hotel Lemon Tree Premier", "Hotel Lemon Tree")
    path.write_text(text.replace("Hotel Lemon Tree", name, 1), encoding="utf-8")


def test_the_site_is_readable_by_a_web_server_whatever_the_umask(two_sites):
    project, _, _ = two_sites
    assert run(project, umask=0o077).returncode == 0
    output = project / "output"
    modes = {oct(p.stat().st_mode & 0o777) for p in output.rglob("*")}
    assert modes == {oct(0o644), oct(0o755)}
    assert oct(output.stat().st_mode & 0o777) == oct(0o755)

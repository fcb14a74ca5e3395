"""Builds are byte-for-byte repeatable: twice in a row, and from a full clone, a shallow clone
and a tarball of one commit. (That the live content builds under --strict, as CI does, is in
test_live_content.py.)"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from breaking import JHANSI, edit, messages
from conftest import build_into, copy_project, digest
from sammelan.build import build
from sammelan.model.loader import load_site
from sammelan.options import BuildOptions
from sammelan.tools.record import record


def test_two_builds_of_the_same_sources_are_identical(seeded_root, tmp_path):
    assert build_into(tmp_path / "a", root=seeded_root) == 0
    assert build_into(tmp_path / "b", root=seeded_root) == 0
    first, second = digest(tmp_path / "a"), digest(tmp_path / "b")
    assert len(first) > 60
    assert first == second


def git(repo: Path, *args: str, when: str | None = None) -> str:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    if when:
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True,
                          capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def repository(tmp_path_factory) -> Path:
    """The seeded site in a git repository of two commits a month apart, the second one
    changing one conclave; data/changed.json records every entity but that conclave."""
    repo = copy_project(tmp_path_factory.mktemp("history") / "repo")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "first", when="2025-08-01T10:00:00+05:30")
    record(repo, BuildOptions(epoch=None))
    edit(repo, JHANSI, "venue: hotel", "registration: https://example.org/r\nvenue: hotel")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "second", when="2025-09-01T10:00:00+05:30")
    return repo


def test_a_full_clone_a_shallow_clone_and_a_tarball_build_the_same_bytes(repository,
                                                                          tmp_path):
    full, shallow, unpacked = tmp_path / "full", tmp_path / "shallow", tmp_path / "tarball"
    git(tmp_path, "clone", "-q", str(repository), str(full))
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repository}", str(shallow))
    unpacked.mkdir()
    archive = subprocess.run(["git", "-C", str(repository), "archive", "HEAD"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(unpacked)], input=archive, check=True)
    sites = {}
    for copy in (full, shallow, unpacked):
        # no SOURCE_DATE_EPOCH: the times come from the record and the commit itself
        assert build(copy / "publishconf.py", copy / "output", BuildOptions()) == 0
        sites[copy.name] = digest(copy / "output")
    assert sites["full"] == sites["shallow"] == sites["tarball"]


def test_times_come_from_the_record_and_a_change_since_from_its_commit(repository, tmp_path):
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repository}", str(clone))
    site, _ = load_site(clone, dt.date(2025, 9, 2))
    changed = {c.slug: c.updated for c in site.conclaves}
    first = dt.datetime(2025, 8, 1, 4, 30, tzinfo=dt.UTC)
    second = dt.datetime(2025, 9, 1, 4, 30, tzinfo=dt.UTC)
    assert changed["msme-for-bharat-jhansi-2025"] == second  # changed after the record
    assert changed["msme-defence-conclave-2026"] == first  # as recorded
    # an edit not yet committed counts by the file's time
    path = clone / JHANSI
    path.write_text(path.read_text(encoding="utf-8") + "# x\n", encoding="utf-8")
    os.utime(path, (1767205800, 1767205800))
    site, _ = load_site(clone, dt.date(2025, 9, 2))
    jhansi = next(c for c in site.conclaves if c.slug == "msme-for-bharat-jhansi-2025")
    assert jhansi.updated == dt.datetime.fromtimestamp(1767205800, dt.UTC)


def test_a_damaged_record_of_changes_is_a_located_error(project):
    (project / "data/changed.json").write_text('{"conclaves/x": {"digest": "a", '
                                               '"changed": NaN}}\n', encoding="utf-8")
    assert messages(project) == [
        "data/changed.json: error: each entry needs a `digest` and a `changed` time — fix: run "
        "`invoke calendar-sequences` to write it anew (delete the file first if it is damaged)"]

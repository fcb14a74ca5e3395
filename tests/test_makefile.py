"""`make site` and `make test` hand over to invoke: when the task fails, what it said is
all the organizer reads (no "make: *** [Makefile:N: site] Error 1" after it), and make
still exits with a failure, as CI needs."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

MESSAGE = "what the task says is wrong, and the fix\n"  # a failed task prints only this


def project(tmp_path: Path, status: int) -> Path:
    """The Makefile beside a stand-in for invoke that says something and exits `status`,
    with .venv up to date (so make runs only the task)."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "requirements.lock").write_text("")
    tool = tmp_path / ".venv/bin/invoke"
    tool.parent.mkdir(parents=True)
    tool.write_text(f"#!/bin/sh\nprintf '%s' '{MESSAGE}' >&2\necho \"ran $*\"\nexit {status}\n")
    tool.chmod(0o755)
    (tmp_path / ".venv/.installed").touch()
    earlier = os.stat(tmp_path / ".venv/.installed").st_mtime - 10
    os.utime(tmp_path / "requirements.lock", (earlier, earlier))
    return tmp_path


def make(folder: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    return subprocess.run(["make", *args], cwd=folder, capture_output=True, text=True,
                          timeout=60, env=env)


@pytest.mark.parametrize("flags", [(), ("-j3",)])
def test_a_failed_build_says_only_what_the_build_said_and_exits_non_zero(tmp_path, flags):
    done = make(project(tmp_path, 1), *flags, "site")
    assert done.returncode != 0
    assert done.stderr == MESSAGE
    assert done.stdout == ".venv/bin/invoke build\nran build\n"


def test_a_good_build_exits_zero(tmp_path):
    done = make(project(tmp_path, 0), "site")
    assert (done.returncode, done.stderr) == (0, MESSAGE)
    assert done.stdout == ".venv/bin/invoke build\nran build\n"

"""The commands as an organizer runs them (`python -m sammelan`, behind `invoke build` and
`invoke check`): a mistake gives exit status 1 and fix-it lines, never a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

from breaking import JAMSHEDPUR, edit
from conftest import BUILD_EPOCH, digest


def run(project, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(project / "plugins"), SOURCE_DATE_EPOCH=BUILD_EPOCH)
    return subprocess.run([sys.executable, "-m", "sammelan", *args], cwd=project, env=env,
                          capture_output=True, text=True, timeout=300)


def test_build_and_check_exit_1_with_located_fixes_and_keep_the_last_site(project):
    built = run(project, "build")
    assert built.returncode == 0
    assert "Processed" not in built.stdout + built.stderr  # Pelican's count of its own content
    before = digest(project / "output")
    edit(project, JAMSHEDPUR, "venue: adityapur-auto-cluster", "venue: adityapur-auto-clustr")
    for command in ("check", "build"):
        done = run(project, command)
        assert done.returncode == 1, done.stderr
        assert "Traceback" not in done.stderr + done.stdout
        assert f"{JAMSHEDPUR}:10:8: error [venue]: no venue with the slug " in done.stderr
        assert "did you mean `adityapur-auto-cluster`?" in done.stderr
    assert digest(project / "output") == before

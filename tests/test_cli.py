"""The commands as an organizer runs them (`python -m sammelan`, behind `invoke build` and
`invoke check`): a mistake gives exit status 1 and fix-it lines, never a traceback."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys

import pytest
from breaking import JAMSHEDPUR, edit
from conftest import BUILD_EPOCH, digest
from sammelan.errors import SourceErrors
from sammelan.i18n.messages import shown
from sammelan.model.loader import load_site


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


def test_build_writes_the_problems_that_stopped_it_for_the_preview(project, tmp_path):
    written = tmp_path / "problems.json"
    assert run(project, "build", "--problems-json", str(written)).returncode == 0
    assert json.loads(written.read_text(encoding="utf-8")) == {"problems": []}

    edit(project, JAMSHEDPUR, "venue: adityapur-auto-cluster", "venue: adityapur-auto-clustr")
    with pytest.raises(SourceErrors) as raised:
        load_site(project, dt.date(2026, 1, 1))
    [problem] = [p for p in raised.value.problems if not p.warning]
    done = run(project, "build", "--lang", "en", "--problems-json", str(written))
    assert done.returncode == 1
    found = json.loads(written.read_text(encoding="utf-8"))["problems"]
    errors = [record for record in found if not record["warning"]]
    assert errors == [{"file": JAMSHEDPUR, "line": 10, "column": 8, "field": "venue",
                       "warning": False, "message": shown(problem.message, "en"),
                       "fix": shown(problem.fix, "en")}]
    assert errors[0]["fix"].startswith("did you mean `adityapur-auto-cluster`?")
    assert len(found) > len(errors)  # the warnings too, marked as such

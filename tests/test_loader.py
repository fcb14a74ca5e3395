"""The loader on the seeded content, and what a broken copy does to a build.
(Each kind of mistake and its exact message: test_mistakes.py.)"""

from __future__ import annotations

import datetime as dt

import pytest
from breaking import JAMSHEDPUR, edit
from conftest import SEEDED, build_into, digest
from sammelan.errors import SourceErrors
from sammelan.model.loader import load_site

TODAY = dt.date(2026, 1, 1)


def problems_of(project) -> list[str]:
    with pytest.raises(SourceErrors) as caught:
        load_site(project, TODAY)
    return [p.render() for p in caught.value.problems if not p.warning]


def test_seeded_content_loads_without_problems():
    site, warnings = load_site(SEEDED, dt.date(2026, 11, 23))
    assert len(site.conclaves) == 4 and not warnings
    jamshedpur = next(c for c in site.conclaves if c.slug == "msme-defence-conclave-2026")
    assert jamshedpur.start == dt.date(2026, 1, 16) and jamshedpur.end == dt.date(2026, 1, 17)
    assert [s.name.en for s in jamshedpur.chief_guests()] == ["Sanjay Seth"]
    assert {s.slug for s in jamshedpur.all_schemes()} == {"idex", "make-project"}






def test_missing_language_and_all_problems_at_once(project):
    (project / "content/conclaves/msme-defence-conclave-2026.en.md").unlink()
    edit(project, "data/venues/parwanoo.yaml", "en: Parwanoo", "fr: Parwanoo")
    messages = problems_of(project)
    assert len(messages) >= 2
    assert any("content/conclaves/msme-defence-conclave-2026.en.md: error: the English text "
               "is missing" in m for m in messages)
    assert any(m.startswith("data/venues/parwanoo.yaml:") and "`en` is missing" in m
               for m in messages)


def test_failed_build_leaves_the_last_good_output(project, tmp_path, capsys):
    output = tmp_path / "output"
    assert build_into(output, root=project) == 0
    before = digest(output)
    edit(project, JAMSHEDPUR, "venue: adityapur-auto-cluster", "venue: nowhere")
    assert build_into(output, root=project) == 1
    assert digest(output) == before
    err = capsys.readouterr().err
    assert "no venue with the slug `nowhere`" in err and "Traceback" not in err

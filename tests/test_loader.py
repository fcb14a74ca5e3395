"""The loader on the real content and on broken copies of it."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import ROOT, build_into
from sammelan.errors import SourceErrors
from sammelan.loader import load_site

TODAY = dt.date(2026, 1, 1)
JAMSHEDPUR = "data/conclaves/msme-defence-conclave-2026.yaml"


def problems_of(project) -> list[str]:
    with pytest.raises(SourceErrors) as caught:
        load_site(project, TODAY)
    return [p.render() for p in caught.value.problems if not p.warning]


def edit(project, relative, old, new):
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project, relative, needle) -> int:
    lines = (project / relative).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_real_content_loads_without_problems():
    site, warnings = load_site(ROOT, TODAY)
    assert len(site.conclaves) == 4 and not warnings
    jamshedpur = next(c for c in site.conclaves if c.slug == "msme-defence-conclave-2026")
    assert jamshedpur.start == dt.date(2026, 1, 16) and jamshedpur.end == dt.date(2026, 1, 17)
    assert [s.name.en for s in jamshedpur.chief_guests()] == ["Sanjay Seth"]
    assert {s.slug for s in jamshedpur.all_schemes()} == {"idex", "make-project"}


def test_unknown_reference_names_file_line_and_near_miss(project):
    edit(project, JAMSHEDPUR, "speaker: sanjay-seth", "speaker: sanjay-set")
    line = line_of(project, JAMSHEDPUR, "sanjay-set")
    [message] = problems_of(project)
    assert message.startswith(f"{JAMSHEDPUR}:{line}:")
    assert "no speaker with the slug `sanjay-set`" in message
    assert "did you mean `sanjay-seth`?" in message


def test_end_before_start(project):
    edit(project, JAMSHEDPUR, 'end: "2026-01-17"', 'end: "2026-01-15"')
    [message] = problems_of(project)
    assert f"{JAMSHEDPUR}:{line_of(project, JAMSHEDPUR, 'end:')}:" in message
    assert "ends (2026-01-15) before it starts (2026-01-16)" in message


def test_session_outside_the_conclave(project):
    edit(project, JAMSHEDPUR, 'date: "2026-01-16"', 'date: "2026-01-19"')
    [message] = problems_of(project)
    assert "outside the conclave (2026-01-16 to 2026-01-17)" in message


def test_impossible_date(project):
    edit(project, JAMSHEDPUR, 'start: "2026-01-16"', 'start: "2026-02-30"')
    assert any("2026-02-30 is not a date in the calendar" in m for m in problems_of(project))


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
    before = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    edit(project, JAMSHEDPUR, "venue: adityapur-auto-cluster", "venue: nowhere")
    assert build_into(output, root=project) == 1
    after = {p: p.read_bytes() for p in output.rglob("*") if p.is_file()}
    assert after == before
    err = capsys.readouterr().err
    assert "no venue with the slug `nowhere`" in err and "Traceback" not in err

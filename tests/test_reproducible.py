"""The bundled content builds under --strict (as CI does), and builds are byte-for-byte
repeatable."""

from __future__ import annotations

from conftest import ROOT, build_into, digest
from sammelan.build import build
from sammelan.options import BuildOptions


def test_bundled_content_builds_under_strict_on_the_real_date(tmp_path, capfd):
    # no epoch: today, when every conclave is over
    assert build(ROOT / "pelicanconf.py", tmp_path / "output", BuildOptions(strict=True)) == 0
    assert "warning" not in capfd.readouterr().err


def test_two_builds_of_the_same_sources_are_identical(tmp_path):
    assert build_into(tmp_path / "a") == 0
    assert build_into(tmp_path / "b") == 0
    first, second = digest(tmp_path / "a"), digest(tmp_path / "b")
    assert len(first) > 60
    assert first == second

"""Builds are byte-for-byte repeatable. (That the live content builds under --strict, as CI
does, is in test_live_content.py.)"""

from __future__ import annotations

from conftest import build_into, digest


def test_two_builds_of_the_same_sources_are_identical(seeded_root, tmp_path):
    assert build_into(tmp_path / "a", root=seeded_root) == 0
    assert build_into(tmp_path / "b", root=seeded_root) == 0
    first, second = digest(tmp_path / "a"), digest(tmp_path / "b")
    assert len(first) > 60
    assert first == second

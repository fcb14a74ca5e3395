"""Property: whatever an organizer does to valid sources, the build answers with exit 0 or 1
and fix-it lines, never a traceback, and never touches output/ when it fails.

The sources mutated are the seeded fixture's, so a seed replays the same mutations whatever
the live content is. A developer's run tries a few, always the same (SAMMELAN_TEST_PROFILE
unset); CI's (SAMMELAN_TEST_PROFILE=ci, set by .ci/run) tries many, from a new seed each
time. SAMMELAN_MUTATION_SEED picks the seed; a failure prints the command that replays it.
"""

from __future__ import annotations

import contextlib
import io
import os
import random
import traceback

import pytest
from conftest import SEEDED, build_into, copy_project, digest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

EXAMPLES = {"dev": 25, "ci": 200}  # mutated builds per profile
PROFILE = os.environ.get("SAMMELAN_TEST_PROFILE") or "dev"
FIXED_SEED = 20261124  # the developer profile's: the same mutations on every run
SEED = int(os.environ.get("SAMMELAN_MUTATION_SEED") or (
    random.randrange(2**32) if PROFILE == "ci" else FIXED_SEED))
REPLAY = (f"SAMMELAN_TEST_PROFILE={PROFILE} SAMMELAN_MUTATION_SEED={SEED} "
          ".venv/bin/python -m pytest tests/test_mutations.py")

SOURCES = sorted(p.relative_to(SEEDED).as_posix() for p in (SEEDED / "data").rglob("*.yaml"))
SOURCES += sorted(p.relative_to(SEEDED).as_posix() for p in (SEEDED / "content").rglob("*.md"))
TRIED: list[int] = []  # exit status of each mutated build

VALUES = st.sampled_from([
    "", "~", "[]", "{}", "[1, 2]", "{a: 1}", "42", "-1.5", "true", '"2025-02-30"', '"25:61"',
    '"2026-13-01"', "sanjay-set", "no-such-slug", "javascript:alert(1)", "Not A Slug",
    "!!python/object/apply:os.system [ls]", "&a x", "*a", "'unclosed", "\"unclosed", "a: b: c",
    "\u0007", "\t", "<script>alert(1)</script>", "scheduled", "held", "cancelled", "TODO",
]) | st.text(max_size=12)
INSERTS = st.sampled_from([
    "<script>alert(1)</script>", "[x](javascript:alert(1))", '<a onclick="x()">y</a>',
    "<div>", "\u0000", "- - -", ":", "  bad indent: x", "key: [unclosed", "*alias", "TODO",
    "x: !!binary aGk=", "sessions: 5", "<iframe>",
]) | st.text(max_size=20)


@st.composite
def mutations(draw) -> tuple[str, str]:
    """A source file and its mutated text."""
    relative = draw(st.sampled_from(SOURCES))
    lines = (SEEDED / relative).read_text(encoding="utf-8").split("\n")
    index = draw(st.integers(0, len(lines) - 1))
    how = draw(st.sampled_from(["value", "delete", "duplicate", "insert", "indent"]))
    line = lines[index]
    if how == "value" and ":" in line:
        lines[index] = line.split(":", 1)[0] + ": " + draw(VALUES)
    elif how == "delete":
        del lines[index]
    elif how == "duplicate":
        lines.insert(index, line)
    elif how == "indent":
        lines[index] = " " * draw(st.integers(0, 5)) + line.lstrip()
    else:
        lines.insert(index, draw(INSERTS))
    return relative, "\n".join(lines)


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    copy = copy_project(tmp_path_factory.mktemp("mutations") / "project")
    assert build_into(copy / "output", root=copy) == 0
    return copy


def _one_mutation(workspace, mutation):
    relative, text = mutation
    path = workspace / relative
    original = path.read_bytes()
    before = digest(workspace / "output")
    stderr = io.StringIO()
    path.write_text(text, encoding="utf-8")
    try:
        with contextlib.redirect_stderr(stderr):
            status = build_into(workspace / "output", root=workspace)
    except BaseException:  # noqa: BLE001 - any exception is what this test hunts for
        pytest.fail(f"{relative}: the build raised\n{traceback.format_exc()}")
    finally:
        path.write_bytes(original)
    TRIED.append(status)
    assert status in (0, 1)
    assert "Traceback" not in stderr.getvalue()
    if status == 1:
        assert digest(workspace / "output") == before
        lines = [line for line in stderr.getvalue().splitlines() if ": error" in line]
        assert lines, stderr.getvalue()


def property_run(examples: int, seed_value: int):
    """The property as hypothesis runs it: `examples` mutations drawn from `seed_value`."""
    run = given(mutation=mutations())(_one_mutation)
    run = settings(max_examples=examples, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture,
                                          HealthCheck.too_slow])(run)
    return seed(seed_value)(run)


def test_mutated_sources_give_exit_0_or_1_and_keep_output_on_failure(workspace):
    assert PROFILE in EXAMPLES, f"SAMMELAN_TEST_PROFILE is one of {', '.join(EXAMPLES)}"
    TRIED.clear()
    try:
        property_run(EXAMPLES[PROFILE], SEED)(workspace)
    except BaseException as failure:
        failure.add_note(f"mutation seed {SEED} ({PROFILE} profile); replay with:\n  {REPLAY}")
        raise
    print(f"\nmutated inputs tried: {len(TRIED)} ({TRIED.count(1)} refused, "
          f"{TRIED.count(0)} built), seed {SEED}, {PROFILE} profile")
    assert len(TRIED) >= EXAMPLES[PROFILE] // 2 and TRIED.count(1) > 0 and TRIED.count(0) > 0

"""The fuzzer: whatever is done to valid sources (their text, their YAML tree, their files
and folders), every build keeps the contract in fuzzing.py.

The sources mutated are the seeded fixture's, so a seed replays the same mutations whatever
the live content is. A developer's run tries a few, always the same (SAMMELAN_TEST_PROFILE
unset); CI's (SAMMELAN_TEST_PROFILE=ci, set by .ci/run) tries 2,000, from a seed that is
the commit's id. SAMMELAN_MUTATION_SEED picks the seed; a failure prints the command that
replays it.
Each defect a fuzzer found once is a fixed case below, tried on every run.
"""

from __future__ import annotations

import os
import subprocess
from collections import Counter

import pytest
from conftest import ROOT, build_into, copy_project
from fuzzing import SECRET, Mutation, change_file, check_contract, mutations
from hypothesis import HealthCheck, given, seed, settings

EXAMPLES = {"dev": 40, "ci": 2000}  # mutated builds per profile
PROFILE = os.environ.get("SAMMELAN_TEST_PROFILE") or "dev"
FIXED_SEED = 20261124  # the developer profile's: the same mutations on every run


def commit_seed() -> int:
    """CI's seed: the commit's id, so each commit tries new mutations and a red run replays
    exactly (a random seed could turn a commit red that was green before)."""
    try:
        head = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], check=True,
                              capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return FIXED_SEED
    return int(head[:8], 16) if head else FIXED_SEED


SEED = int(os.environ.get("SAMMELAN_MUTATION_SEED") or (
    commit_seed() if PROFILE == "ci" else FIXED_SEED))
REPLAY = (f"SAMMELAN_TEST_PROFILE={PROFILE} SAMMELAN_MUTATION_SEED={SEED} "
          ".venv/bin/python -m pytest tests/test_mutations.py")
TRIED: Counter = Counter()  # outcomes of the property's builds

VENUE = "data/venues/hotel-lemon-tree-jhansi.yaml"
JHANSI = "data/conclaves/msme-for-bharat-jhansi-2025.yaml"
BIO = "content/speakers/rakesh-bala.en.md"


def _replace(relative: str, old: str, new: str) -> Mutation:
    def apply(project, _outside) -> None:
        path = project / relative
        text = path.read_text(encoding="utf-8")
        assert old in text, (old, relative)
        path.write_bytes(text.replace(old, new, 1).encode("utf-8", "surrogatepass"))
    return Mutation(f"{relative}: {old!r:.40} → {new!r:.60}", apply)


def _file(change: str, relative: str) -> Mutation:
    return Mutation(f"{change}: {relative}",
                    lambda project, outside: change_file(change, project / relative, outside))


TITLE = "  en: MSME for Bharat Conclave, Jhansi"
# The defects found by fuzzing the sources (issue 9), each tried on every run.
REPRODUCERS = [
    _file("symlink to /etc", "content/images/etc"),
    _file("symlink to /etc/passwd", BIO),
    _file("symlink to a file outside", VENUE),
    _file("fifo", "data/venues/zz.yaml"),
    _file("symlink to /dev/zero", VENUE),
    _file("folder", "data/venues/x.yaml"),
    _file("dangling symlink", VENUE),
    _file("symlink to itself", VENUE),
    Mutation("a 250-character file name", lambda project, _: (
        project / "data/venues" / ("x" * 250 + ".yaml")).write_text("name: x\n")),
    _file("one long Markdown paragraph", BIO),
    _replace(JHANSI, TITLE, "  en: |\n    MSME for Bharat\n    Conclave"),
    _replace(JHANSI, TITLE, '  en: "MSME for Bharat\\r\\nConclave"'),
    _replace(JHANSI, 'end: "2025-09-19"', 'end: "2900-01-17"'),
    _replace(JHANSI, 'end: "2025-09-19"', 'end: "9999-12-30"'),
    _replace(JHANSI, "venue: hotel-lemon-tree-jhansi", "venue: " + "[" * 2000 + "]" * 2000),
    _replace(JHANSI, "venue: hotel-lemon-tree-jhansi", "venue: &r [*r]"),
    _replace(JHANSI, "venue: hotel-lemon-tree-jhansi", "venue: " + "9" * 5000),
    _replace(JHANSI, TITLE, '  en: "\\uD800"'),
    _replace(JHANSI, TITLE, '  en: "MSME \\x07 Jhansi"'),
    _replace(JHANSI, TITLE, '  en: "MSME \\x00 Jhansi"'),
    _replace(JHANSI, TITLE, '  en: "MSME \\r Jhansi"'),
    _replace(JHANSI, "  - id: msme-prospects-and-challenges",
             '  - id: "msme-prospects-and-challenges\\n"'),
    _replace(VENUE, "name:", "geo: {lat: .nan, lon: .nan}\nname:"),
    _replace(JHANSI, TITLE, '  en: "MSME \\u202E ollehJ"'),
    _replace(JHANSI, TITLE, '  en: "MSME\\u200b for Bharat"'),
    Mutation("calendar-sequences.json holds Infinity", lambda project, _: (
        project / "data/calendar-sequences.json").write_text(
            '{"x": {"sequence": Infinity, "state": "s"}}\n')),
    Mutation("parwanoo.yml beside parwanoo.yaml", lambda project, _: (
        project / "data/venues/parwanoo.yml").write_bytes(
            (project / "data/venues/parwanoo.yaml").read_bytes())),
    _file("empty file", "data/venues/con.yaml"),
    _replace(BIO, "\n", "\n\n[x](java&#x73;cript:alert(1))\n"),
    _replace(BIO, "\n", "\n\n[x](javascript&colon;alert(1))\n"),
    _replace(BIO, "\n", "\n\n[x](\njavascript:alert(1))\n"),
    _replace(BIO, "\n", '\n\n<a title="`"><script>x</script>`">y</a>\n'),
    _replace(BIO, "\n", "\n\n<!-- hidden -->\n"),
    _replace(BIO, "\n", "\n\n<![CDATA[x]]>\n"),
]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    """A seeded project built once, and a folder beside it holding a secret."""
    base = tmp_path_factory.mktemp("mutations")
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(f"title: {SECRET}\n", encoding="utf-8")
    project = copy_project(base / "project")
    assert build_into(project / "output", root=project) == 0
    return project, outside


@pytest.mark.parametrize("mutation", REPRODUCERS, ids=[m.description[:60] for m in REPRODUCERS])
def test_each_reproducer_is_refused_with_a_located_error(workspace, mutation):
    project, outside = workspace
    outcome = check_contract(project, mutation, outside)
    assert outcome.status == 1, f"{mutation} was built"
    assert outcome.seconds < 10


def _one(workspace, mutation):
    project, outside = workspace
    outcome = check_contract(project, mutation, outside)
    TRIED["refused" if outcome.status else "built"] += 1
    TRIED["file only"] += sum(":" not in e.split(": error")[0] for e in outcome.errors)


def property_run(examples: int, seed_value: int):
    """The property as hypothesis runs it: `examples` mutations drawn from `seed_value`."""
    run = given(mutation=mutations())(_one)
    run = settings(max_examples=examples, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.function_scoped_fixture,
                                          HealthCheck.too_slow, HealthCheck.filter_too_much,
                                          HealthCheck.data_too_large])(run)
    return seed(seed_value)(run)


def test_mutated_sources_keep_the_contract(workspace):
    assert PROFILE in EXAMPLES, f"SAMMELAN_TEST_PROFILE is one of {', '.join(EXAMPLES)}"
    TRIED.clear()
    try:
        property_run(EXAMPLES[PROFILE], SEED)(workspace)
    except BaseException as failure:
        failure.add_note(f"mutation seed {SEED} ({PROFILE} profile); replay with:\n  {REPLAY}")
        raise
    print(f"\nmutated builds: {TRIED['refused'] + TRIED['built']} ({TRIED['refused']} "
          f"refused with located errors, {TRIED['built']} built well-formed; "
          f"{TRIED['file only']} errors name a file without a line), seed {SEED}, "
          f"{PROFILE} profile")
    assert TRIED["refused"] + TRIED["built"] >= EXAMPLES[PROFILE] // 2
    assert TRIED["refused"] > 0 and TRIED["built"] > 0

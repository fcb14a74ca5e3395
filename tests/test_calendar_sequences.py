"""Calendar updates need no manual step: each entry's SEQUENCE is counted from the git
history of the conclaves' YAML (render/calendar/sequences.py), so it rises whenever the
entry's day, time, status or place changes, whatever the order of edits and commits, and
never falls.

The seeded fixture in a temporary git repository, built after each commit and read back
with icalendar as calendar apps read it: the organizer's scenario (a three-day summit with
parallel halls and an untimed B2B meeting; a panel cancelled; a session moved by 30
minutes; the summit postponed), other orders of commits, edits not committed yet, shallow
clones and tarballs, and the floors of data/calendar-sequences.json.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from breaking import JHANSI, edit
from conftest import BUILD_EPOCH, build_into, copy_project, digest
from icalendar import Calendar
from sammelan.build import build
from sammelan.model.loader import load_site
from sammelan.options import BuildOptions
from sammelan.render.calendar import sequences, states
from sammelan.render.calendar.entries import entries
from sammelan.sources import history, memo
from sammelan.tools.record import record

SUMMIT = "udyog-summit-2026-example"
SUMMIT_FILE = f"data/conclaves/{SUMMIT}.yaml"
SUMMIT_YAML = """\
title:
  hi: उद्योग शिखर सम्मेलन 2026 (उदाहरण)
  en: Udyog Summit 2026 (example)
status: scheduled
start: "2026-03-10"
end: "2026-03-12"
venue: adityapur-auto-cluster
organizers:
  - organization: adityapur-small-industries-association
    roles: [host]
sessions:
  - id: inauguration
    title: {hi: उद्घाटन, en: Inauguration}
    kind: inauguration
    date: "2026-03-10"
    start: "10:00"
    end: "11:00"
  - id: panel
    title: {hi: रक्षा खरीद पर चर्चा, en: Panel on defence buying}
    kind: panel
    date: "2026-03-10"
    start: "11:30"
    end: "13:00"
    track: {hi: हॉल ए, en: Hall A}
  - id: finance-clinic
    title: {hi: वित्त पर परामर्श, en: Finance clinic}
    kind: workshop
    date: "2026-03-10"
    start: "11:30"
    end: "13:00"
    track: {hi: हॉल बी, en: Hall B}
  - id: buyers-meet
    title: {hi: खरीदार-विक्रेता बैठकें, en: Buyer-seller meetings}
    kind: b2b-meetings
    date: "2026-03-11"
  - id: export-talk
    title: {hi: निर्यात पर वार्ता, en: Talk on exports}
    kind: presentation
    date: "2026-03-11"
    start: "14:00"
    end: "15:00"
  - id: exhibition
    title: {hi: औद्योगिक प्रदर्शनी, en: Industrial exhibition}
    kind: exhibition
    date: "2026-03-12"
    start: "10:00"
    end: "17:00"
"""
PROSE = {"hi": "तीन दिन का उद्योग शिखर सम्मेलन (उदाहरण)।\n",
         "en": "A three-day industry summit (example).\n"}
ENTRY = {name: f"{SUMMIT}-{name}" for name in (
    "inauguration", "panel", "finance-clinic", "export-talk", "exhibition")}
DAY = f"{SUMMIT}-day-2026-03-11"  # the untimed B2B meetings
PANEL_TRACK = "    track: {hi: हॉल ए, en: Hall A}\n"
CANCEL = (PANEL_TRACK, PANEL_TRACK + "    status: cancelled\n")
TALK_TIMES = 'start: "14:00"\n    end: "15:00"'
MOVE_TALK = (TALK_TIMES, 'start: "14:30"\n    end: "15:30"')
POSTPONE = ("status: scheduled", "status: postponed")


def git(repo: Path, *args: str, when: str = "2025-12-01T10:00:00+05:30") -> str:
    """git as the organizer runs it, with no configuration of this machine's."""
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull,
               GIT_AUTHOR_NAME="Organizer", GIT_AUTHOR_EMAIL="organizer@example.org",
               GIT_COMMITTER_NAME="Organizer", GIT_COMMITTER_EMAIL="organizer@example.org",
               GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
    return subprocess.run(["git", "-C", str(repo), *args], env=env, check=True,
                          capture_output=True, text=True).stdout


class Repository:
    """A project in a git repository, committed at fixed times and built into one output."""

    def __init__(self, path: Path):
        self.path, self.output, self.commits = path, path.parent / f"{path.name}-site", 0

    def commit(self, message: str) -> None:
        self.commits += 1
        git(self.path, "add", "-A")
        git(self.path, "commit", "-qm", message,
            when=f"2025-12-{self.commits:02d}T10:00:00+05:30")

    def edit(self, change: tuple[str, str], relative: str = SUMMIT_FILE) -> None:
        edit(self.path, relative, *change)

    def build(self) -> dict[str, int]:
        assert build_into(self.output, root=self.path) == 0
        return read_sequences(self.output)


def read_sequences(output: Path) -> dict[str, int]:
    """Every calendar entry's SEQUENCE by its UID (before "@"), as icalendar reads the .ics
    files; an entry is in several (its conclave's, its own, the site's, both languages),
    with one number."""
    found: dict[str, int] = {}
    for path in sorted(output.rglob("*.ics")):
        for event in Calendar.from_ical(path.read_bytes()).walk("VEVENT"):
            uid, number = str(event["UID"]).split("@")[0], int(event["SEQUENCE"])
            assert found.setdefault(uid, number) == number, (uid, path)
    return found


def raised(before: dict[str, int], *uids: str) -> dict[str, int]:
    return {**before, **{uid: before[uid] + 1 for uid in uids}}


def add_summit(project: Path) -> None:
    (project / SUMMIT_FILE).write_text(SUMMIT_YAML, encoding="utf-8")
    for lang, text in PROSE.items():
        (project / f"content/conclaves/{SUMMIT}.{lang}.md").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def seeded_repository(tmp_path_factory) -> Path:
    """The seeded fixture committed once (with its data/calendar-sequences.json)."""
    path = copy_project(tmp_path_factory.mktemp("seeded-git") / "origin")
    git(path, "init", "-q")
    git(path, "add", "-A")
    git(path, "commit", "-qm", "seeded", when="2025-11-01T10:00:00+05:30")
    return path


@pytest.fixture
def repo(seeded_repository, tmp_path) -> Repository:
    """A clone of the seeded repository, where the organizer added the summit (committed)."""
    git(tmp_path, "clone", "-q", str(seeded_repository), "repo")
    found = Repository(tmp_path / "repo")
    add_summit(found.path)
    found.commit("A three-day summit")
    return found


# the organizer's scenario ----------------------------------------------------------------

def test_the_organizers_scenario_raises_what_changed_and_nothing_else(repo):
    added = repo.build()
    summit = {SUMMIT, DAY, *ENTRY.values()}
    assert summit <= set(added)
    assert {added[uid] for uid in summit} == {0}  # new entries start at 0
    assert added["msme-for-bharat-jhansi-2025"] == 1  # the fixture's recorded floors

    repo.edit(CANCEL)
    repo.commit("The panel is cancelled")
    cancelled = repo.build()
    assert cancelled == raised(added, ENTRY["panel"])

    repo.edit(MOVE_TALK)
    repo.commit("The talk on exports starts half an hour later")
    moved = repo.build()
    assert moved == raised(cancelled, ENTRY["export-talk"])

    repo.edit(POSTPONE)
    repo.commit("The summit is postponed")
    postponed = repo.build()
    # every entry of the summit is TENTATIVE now, but the cancelled panel stays cancelled
    assert postponed == raised(moved, SUMMIT, DAY, *(ENTRY[n] for n in (
        "inauguration", "finance-clinic", "export-talk", "exhibition")))
    assert postponed[ENTRY["export-talk"]] == 2
    summit_calendar = Calendar.from_ical(
        (repo.output / f"en/conclaves/{SUMMIT}/calendar.ics").read_bytes())
    statuses = {str(e["UID"]).split("@")[0]: str(e["STATUS"])
                for e in summit_calendar.walk("VEVENT")}
    assert statuses[SUMMIT] == "TENTATIVE" and statuses[ENTRY["panel"]] == "CANCELLED"


def test_a_change_undone_and_redone_counts_each_time_and_nothing_falls(repo):
    seen = [repo.build()]
    panel = ENTRY["panel"]

    def built() -> dict[str, int]:
        now = repo.build()
        assert all(now[uid] >= number for uid, number in seen[-1].items() if uid in now)
        seen.append(now)
        return now

    repo.edit(CANCEL)
    repo.commit("Cancel the panel")
    assert built()[panel] == 1
    git(repo.path, "revert", "--no-edit", "HEAD", when="2025-12-20T10:00:00+05:30")
    assert built()[panel] == 2  # A → B → A: two changes
    # moved to Hall B and cancelled in one commit: one change of its state
    repo.edit(CANCEL)
    repo.edit(("hi: हॉल ए, en: Hall A", "hi: हॉल बी, en: Hall B"))
    repo.commit("The panel is cancelled, and was moved to Hall B")
    assert built()[panel] == 3
    # two commits on a branch, merged: the merge is one change of the published history
    git(repo.path, "checkout", "-q", "-b", "times")
    repo.edit(MOVE_TALK)
    repo.commit("Talk later")
    repo.edit(("start: \"14:30\"", "start: \"14:45\""))
    repo.commit("Talk even later")
    git(repo.path, "checkout", "-q", "-")
    git(repo.path, "merge", "-q", "--no-ff", "-m", "Merge the new times", "times",
        when="2025-12-21T10:00:00+05:30")
    after = built()
    assert after[ENTRY["export-talk"]] == 1 and after[panel] == 3


def test_an_edit_not_committed_yet_is_one_more_in_a_build_and_the_same_once_committed(repo):
    committed = repo.build()
    repo.edit(MOVE_TALK)
    previewed = repo.build()
    assert previewed == raised(committed, ENTRY["export-talk"])
    repo.commit("The talk moves")
    assert repo.build() == previewed
    repo.edit(("end: \"15:30\"", "end: \"15:45\""))  # edited twice before a commit: once
    repo.edit(("end: \"15:45\"", "end: \"16:00\""))
    assert repo.build() == raised(previewed, ENTRY["export-talk"])


def test_a_session_removed_and_put_back_goes_on_from_its_number(repo):
    repo.edit(MOVE_TALK)
    repo.commit("The talk moves")
    before = repo.build()
    talk = SUMMIT_YAML[SUMMIT_YAML.index("  - id: export-talk"):SUMMIT_YAML.index(
        "  - id: exhibition")].replace(*MOVE_TALK)
    repo.edit((talk, ""))
    repo.commit("No talk")
    assert ENTRY["export-talk"] not in repo.build()
    repo.edit(("  - id: exhibition", talk + "  - id: exhibition"))
    repo.commit("The talk is back, as it was")
    assert repo.build() == before
    repo.edit(MOVE_TALK[::-1])
    repo.commit("The talk is back at its first time")
    assert repo.build() == raised(before, ENTRY["export-talk"])


def test_a_version_that_no_longer_reads_is_skipped_without_an_error(repo):
    before = repo.build()
    repo.edit(("end: \"2026-03-12\"", "end: [broken"))
    repo.commit("A broken file")  # a build of this commit fails; its history stays
    assert build_into(repo.output, root=repo.path) == 1
    repo.edit(("end: [broken", "end: \"2026-03-12\""))
    repo.edit(MOVE_TALK)
    repo.commit("Mended, and the talk moves")
    assert repo.build() == raised(before, ENTRY["export-talk"])


# floors --------------------------------------------------------------------------------------

def test_recorded_floors_and_a_sessions_own_sequence_are_honoured(repo):
    jhansi_session = "msme-for-bharat-jhansi-2025-msme-prospects-and-challenges"
    recorded = repo.path / sequences.FILE
    text = recorded.read_text(encoding="utf-8")
    at = text.index(f'"{jhansi_session}"')
    recorded.write_text(text[:at] + text[at:].replace('"sequence": 0', '"sequence": 7', 1),
                        encoding="utf-8")
    repo.edit(("kind: presentation\n", "kind: presentation\n    sequence: 5\n"))
    repo.commit("Floors")
    floors = repo.build()
    assert floors[jhansi_session] == 7 and floors[ENTRY["export-talk"]] == 5
    repo.edit(('start: "15:00"', 'start: "15:30"'), JHANSI)
    repo.edit(MOVE_TALK)
    repo.commit("Two sessions move")
    assert repo.build() == raised(floors, jhansi_session, ENTRY["export-talk"])


def test_recording_is_optional_and_counts_nothing_twice(repo, tmp_path):
    repo.edit(CANCEL)
    repo.commit("Cancel the panel")
    repo.edit(MOVE_TALK)  # not committed yet
    counted = repo.build()
    changed, warnings = record(repo.path, BuildOptions())  # `invoke calendar-sequences`
    assert ENTRY["panel"] in changed and warnings == []
    assert repo.build() == counted
    repo.commit("The talk moves; the record")
    assert repo.build() == counted
    # a shallow clone of the recorded commit builds the full clone's calendars
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo.path}", "shallow")
    shallow = Repository(tmp_path / "shallow")
    assert shallow.build() == counted
    ics = {path: number for path, number in digest(repo.output).items() if path.endswith(".ics")}
    assert {p: n for p, n in digest(shallow.output).items() if p.endswith(".ics")} == ics


# without the history -------------------------------------------------------------------------

def test_a_shallow_clone_builds_with_a_warning_and_unshallowed_counts_everything(repo,
                                                                                 tmp_path,
                                                                                 capsys):
    repo.edit(CANCEL)
    repo.commit("Cancel the panel")
    repo.edit(MOVE_TALK)
    repo.commit("The talk moves")
    full = repo.build()
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo.path}", "shallow")
    shallow = Repository(tmp_path / "shallow")
    capsys.readouterr()
    from_floors = shallow.build()
    printed = capsys.readouterr().err
    assert "this is a shallow clone" in printed and "git fetch --unshallow" in printed
    assert from_floors[ENTRY["panel"]] == 0 < full[ENTRY["panel"]]  # too low, as it says
    git(shallow.path, "fetch", "-q", "--unshallow")
    assert shallow.build() == full  # not "Nothing changed": the clone is whole now
    assert "shallow" not in capsys.readouterr().err


def test_a_tarball_builds_from_the_floors_with_a_warning(repo, tmp_path, capsys):
    unpacked = tmp_path / "tarball"
    unpacked.mkdir()
    archive = subprocess.run(["git", "-C", str(repo.path), "archive", "HEAD"], check=True,
                             capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(unpacked)], input=archive, check=True)
    capsys.readouterr()
    numbers = Repository(unpacked).build()
    printed = capsys.readouterr().err
    assert "there is no git history here" in printed
    assert numbers["msme-for-bharat-jhansi-2025"] == 1  # the recorded floor
    assert numbers[ENTRY["panel"]] == 0


def test_without_git_the_build_uses_the_floors_and_says_so(repo, tmp_path, monkeypatch,
                                                           capsys):
    repo.edit(CANCEL)
    repo.commit("Cancel the panel")
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))  # no git to run
    capsys.readouterr()
    numbers = repo.build()
    assert "there is no git history here" in capsys.readouterr().err
    assert numbers[ENTRY["panel"]] == 0


def test_git_reads_only_the_projects_own_repository(repo, seeded_repository, tmp_path,
                                                    monkeypatch, capsys):
    repo.edit(CANCEL)
    repo.commit("Cancel the panel")
    # a project copied into a folder of another repository has no history, not that one's
    outer = tmp_path / "outer"
    git(tmp_path, "clone", "-q", str(repo.path), "outer")
    copy_project(outer / "site", sources=repo.path)
    git(outer, "add", "-A")
    git(outer, "commit", "-qm", "The site in a folder")
    capsys.readouterr()
    inside = Repository(outer / "site").build()
    assert "there is no git history here" in capsys.readouterr().err
    assert inside[ENTRY["panel"]] == 0
    # the environment of the shell that runs the build does not choose the repository
    monkeypatch.setenv("GIT_DIR", str(seeded_repository / ".git"))  # no summit in it
    assert repo.build()[ENTRY["panel"]] == 1


def test_a_new_commit_is_a_change_to_the_build_even_with_source_date_epoch(repo, capsys):
    repo.build()
    capsys.readouterr()
    repo.build()
    assert "Nothing changed" in capsys.readouterr().err
    git(repo.path, "commit", "-q", "--allow-empty", "-m", "Nothing but a commit")
    repo.build()
    assert "Nothing changed" not in capsys.readouterr().err


def test_a_rebuild_reads_only_the_blobs_of_new_commits(repo, monkeypatch):
    asked: list[list[str]] = []
    read = history.blobs

    def spy(root, ids, limit):
        asked.append(list(ids))
        return read(root, ids, limit)

    monkeypatch.setattr(history, "blobs", spy)
    repo.build()
    assert len(asked) == 1 and len(asked[0]) >= 6  # the seeded conclaves, the record, the summit
    repo.edit(MOVE_TALK)
    repo.commit("The talk moves")
    repo.build()
    blob = git(repo.path, "rev-parse", f"HEAD:{SUMMIT_FILE}").strip()
    assert asked[1:] == [[blob]]


def test_states_read_by_several_processes_are_those_read_by_one(repo, monkeypatch, tmp_path):
    monkeypatch.setattr(memo, "PREFETCH_THRESHOLD", 1)  # the blobs of a long history
    repo.edit(CANCEL)
    repo.commit("Cancel the panel")
    for workers in (1, 2):
        options = BuildOptions(epoch=int(BUILD_EPOCH), workers=workers)
        assert build(repo.path / "pelicanconf.py", tmp_path / f"by-{workers}", options) == 0
    assert read_sequences(tmp_path / "by-2")[ENTRY["panel"]] == 1
    assert digest(tmp_path / "by-2") == digest(tmp_path / "by-1")


# one definition of an entry ------------------------------------------------------------------

def test_states_name_exactly_the_entries_of_each_calendar(repo):
    site, _ = load_site(repo.path, dt.date(2026, 1, 1))
    assert len(site.conclaves) == 5
    for conclave in site.conclaves:
        text = (repo.path / f"data/conclaves/{conclave.slug}.yaml").read_text(encoding="utf-8")
        marks = states.marks(text, conclave.slug)
        assert set(marks) == {e.key for e in entries(conclave, "en")}, conclave.slug

"""The acceptance scenario: an organizer edits their OWN content (a copy of the live data/
and content/) as docs/guide.en.md says — adds a three-day conclave with two parallel tracks,
removes a conclave, moves a session by an hour, and nothing else (no record to run) — and
every content-independent check of the live content still passes, and calendars replace
their copy of the moved session. (The same with commits, on a fixture in a git repository:
test_calendar_sequences.py.)

Nothing here names the live content: what to remove and what to move is chosen from
whatever the content is, so the scenario holds after the organizers change it too.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import site_checks
from conftest import ROOT, copy_project
from icalendar import Calendar
from sammelan.model.entities import Conclave, Session
from sammelan.model.loader import load_site
from sammelan.options import BuildOptions
from sammelan.render.calendar import sequences
from sammelan.sources import yamldoc
from sammelan.tools import scaffold

NEW = "udyog-samagam-ranchi-example"
VENUE = "ranchi-expo-ground-example"
ORGANIZATION = "ranchi-udyog-sangh-example"
SPEAKER = "meera-oraon-example"
HOUR = dt.timedelta(hours=1)


def today() -> dt.date:
    return BuildOptions().today()  # no epoch: the real date


def first_day() -> dt.date:
    """In 2027 (upcoming, so `scheduled` is right), and never in the past however late the
    suite runs."""
    return dt.date(max(2027, today().year + 1), 2, 10)


# (a) a new conclave, its venue, organization and speaker, as `invoke new` starts them -------

def conclave_yaml(day1: dt.date) -> str:
    day2, day3 = day1 + dt.timedelta(days=1), day1 + dt.timedelta(days=2)
    return f"""\
# yaml-language-server: $schema=../../schemas/conclave.schema.json
title:
  hi: उद्योग समागम, रांची (उदाहरण)
  en: Udyog Samagam, Ranchi (example)
status: scheduled
start: "{day1}"
end: "{day3}"
venue: {VENUE}
organizers:
  - organization: {ORGANIZATION}
    roles: [host]
sessions:
  - id: inauguration
    title:
      hi: उद्घाटन
      en: Inauguration
    kind: inauguration
    date: "{day1}"
    start: "10:00"
    end: "11:00"
    speakers:
      - speaker: {SPEAKER}
        role: chair
  - id: buyers-meet
    title:
      hi: खरीदारों से मुलाकात
      en: Meeting buyers
    kind: b2b-meetings
    date: "{day1}"
    start: "11:30"
    end: "13:00"
    track:
      hi: हॉल ए
      en: Hall A
  - id: finance-clinic
    title:
      hi: वित्त पर परामर्श
      en: Finance clinic
    kind: workshop
    date: "{day1}"
    start: "11:30"
    end: "13:00"
    track:
      hi: हॉल बी
      en: Hall B
  - id: export-workshop
    title:
      hi: निर्यात पर कार्यशाला
      en: Workshop on exports
    kind: workshop
    date: "{day2}"
    start: "10:00"
    end: "12:30"
  - id: exhibition
    title:
      hi: औद्योगिक प्रदर्शनी
      en: Industrial exhibition
    kind: exhibition
    date: "{day3}"
"""


NEW_FILES = {
    f"data/venues/{VENUE}.yaml": """\
name:
  hi: प्रदर्शनी मैदान, रांची (उदाहरण)
  en: Expo ground, Ranchi (example)
city:
  hi: रांची
  en: Ranchi
state:
  hi: झारखंड
  en: Jharkhand
""",
    f"content/venues/{VENUE}.hi.md": "रांची रेलवे स्टेशन से दस मिनट (उदाहरण)।\n",
    f"content/venues/{VENUE}.en.md": "Ten minutes from Ranchi railway station (example).\n",
    f"data/organizations/{ORGANIZATION}.yaml": """\
name:
  hi: रांची उद्योग संघ (उदाहरण)
  en: Ranchi Udyog Sangh (example)
kind: association
""",
    f"data/speakers/{SPEAKER}.yaml": f"""\
name:
  hi: मीरा उरांव (उदाहरण)
  en: Meera Oraon (example)
designation:
  hi: अध्यक्ष
  en: President
organization: {ORGANIZATION}
status: tentative
""",
    f"content/speakers/{SPEAKER}.hi.md": "मीरा उरांव रांची उद्योग संघ की अध्यक्ष हैं (उदाहरण)।\n",
    f"content/speakers/{SPEAKER}.en.md": "Meera Oraon is President of the Ranchi Udyog Sangh "
                                         "(example).\n",
    f"content/conclaves/{NEW}.hi.md": "रांची के उद्यमों के लिए तीन दिन का समागम (उदाहरण)।\n\n"
                                      "- पहला दिन: खरीदारों से मुलाकात और वित्त पर परामर्श\n",
    f"content/conclaves/{NEW}.en.md": "A three-day meet for the enterprises of Ranchi "
                                      "(example).\n\n- Day one: buyers and a finance clinic\n",
}


def add_conclave(project: Path) -> None:
    for kind, slug in [("venue", VENUE), ("organization", ORGANIZATION),
                       ("speaker", SPEAKER), ("conclave", NEW)]:
        scaffold.write(project, kind, slug)  # `invoke new`: refuses to overwrite
    for relative, text in NEW_FILES.items():
        (project / relative).write_text(text, encoding="utf-8")
    (project / f"data/conclaves/{NEW}.yaml").write_text(conclave_yaml(first_day()),
                                                         encoding="utf-8")


# (b) remove a conclave -----------------------------------------------------------------

def remove_a_conclave(project: Path) -> str:
    """Delete a conclave's YAML and both texts, preferring one no news item names (else its
    news goes too, as it would name a conclave that is gone)."""
    named = {path: read_yaml(project, path).data.get("conclave")
             for path in sorted((project / "data/news").glob("*.yaml"))}
    slugs = sorted(p.stem for p in (project / "data/conclaves").glob("*.yaml"))
    slug = next((s for s in slugs if s not in named.values()), slugs[0])
    for path, conclave in named.items():
        if conclave == slug:
            delete(project, "news", path.stem)
    delete(project, "conclaves", slug)
    return slug


def delete(project: Path, folder: str, slug: str) -> None:
    (project / "data" / folder / f"{slug}.yaml").unlink()
    for lang in ("hi", "en"):
        (project / "content" / folder / f"{slug}.{lang}.md").unlink(missing_ok=True)


def read_yaml(project: Path, path: Path) -> yamldoc.Document:
    doc, problems = yamldoc.read(path, path.relative_to(project).as_posix())
    assert not problems, problems
    return doc


# (c) move a session by an hour -----------------------------------------------------------

def movable(conclave: Conclave) -> Session | None:
    """A timed session that an hour later still ends that day and meets no other session
    in its room."""
    for session in conclave.sessions:
        if not (session.timed and session.end and not session.cancelled):
            continue
        start, end = (dt.datetime.combine(session.date, t) + HOUR
                      for t in (session.start, session.end))
        if end.date() == session.date and not any(
                clashes(other, session, start, end) for other in conclave.sessions):
            return session
    return None


def clashes(other: Session, moved: Session, start: dt.datetime, end: dt.datetime) -> bool:
    if other is moved or not other.timed or other.cancelled:
        return False
    if (other.date, other.track) != (moved.date, moved.track):
        return False
    other_start = dt.datetime.combine(other.date, other.start)
    other_end = dt.datetime.combine(other.date, other.end or other.start)
    return start < other_end and other_start < end or start == other_start


def move_a_session(project: Path) -> tuple[str, Session]:
    """Move a session an hour later in its conclave's YAML, preferring a seeded conclave
    over the new one; the conclave's slug and the session as it was."""
    site, _ = load_site(project, today())
    ordered = sorted(site.conclaves, key=lambda c: (c.slug == NEW, c.slug))
    conclave, session = next((c, s) for c in ordered if (s := movable(c)))
    path = project / f"data/conclaves/{conclave.slug}.yaml"
    doc = read_yaml(project, path)
    index = [s.id for s in conclave.sessions].index(session.id)
    lines = path.read_text(encoding="utf-8").split("\n")
    for field in ("start", "end"):
        written = doc.data["sessions"][index][field]  # as the organizer wrote it
        later = (dt.datetime.combine(session.date, getattr(session, field)) + HOUR)
        where = doc.where(("sessions", index, field))
        line, column = where.line - 1, where.column - 1
        assert lines[line][column:].lstrip("'\"").startswith(written), lines[line]
        lines[line] = lines[line][:column] + lines[line][column:].replace(
            written, f"{later:%H:%M}", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    return conclave.slug, session


# the scenario ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def edited(tmp_path_factory) -> dict:
    """The live project, edited as an organizer would as the guide says, built as CI builds
    it (a copy without its git history: the SEQUENCE of an entry that changed since
    data/calendar-sequences.json is its recorded number plus one)."""
    project = copy_project(tmp_path_factory.mktemp("organizer") / "project", sources=ROOT)
    recorded = sequences.read(project)[0]
    add_conclave(project)
    removed = remove_a_conclave(project)
    moved_in, moved = move_a_session(project)
    output = project.parent / "output"
    status, printed = site_checks.build_strict(project, output)
    return {"project": project, "output": output, "status": status, "printed": printed,
            "removed": removed, "moved_in": moved_in, "moved": moved, "recorded": recorded}


@pytest.fixture(scope="module")
def built(edited) -> Path:
    assert edited["status"] == 0, edited["printed"]
    return edited["output"]


def test_the_edited_content_builds_under_strict_on_the_real_date(edited):
    assert edited["status"] == 0, edited["printed"]


def test_the_edited_site_passes_every_content_independent_check(built, edited, pot):
    assert site_checks.vnu_errors(built) == []
    assert site_checks.broken_links(built) == []
    assert site_checks.calendar_problems(built) == []
    assert site_checks.schedule_problems(built) == []
    assert site_checks.translation_gaps(edited["project"], pot) == []


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_the_new_conclave_is_published_with_its_tracks_and_the_removed_one_is_gone(
        built, edited, prefix):
    page = (built / prefix / "conclaves" / NEW / "index.html").read_text(encoding="utf-8")
    assert ("Hall A" in page and "Hall B" in page) if prefix else ("हॉल ए" in page
                                                                   and "हॉल बी" in page)
    assert (built / prefix / "speakers" / SPEAKER / "index.html").is_file()
    assert (built / prefix / "conclaves" / NEW / "sessions/finance-clinic.ics").is_file()
    assert not (built / prefix / "conclaves" / edited["removed"]).exists()
    home = (built / prefix / "index.html").read_text(encoding="utf-8")
    assert f"conclaves/{NEW}/" in home and f"conclaves/{edited['removed']}/" not in home


def test_the_moved_session_is_an_hour_later_in_calendars_that_replace_their_copy(built,
                                                                                 edited):
    slug, session = edited["moved_in"], edited["moved"]
    path = built / "conclaves" / slug / "sessions" / f"{session.id}.ics"
    (entry,) = Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    was = dt.datetime.combine(session.date, session.start)
    assert entry.decoded("DTSTART").replace(tzinfo=None) == was + HOUR
    before = edited["recorded"].get(f"{slug}-{session.id}")
    assert int(entry["SEQUENCE"]) == (before.sequence + 1 if before else session.sequence)

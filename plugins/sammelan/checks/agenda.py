"""Checks of a conclave's days and agenda that need more than one field at a time, and the
limits that keep one conclave's output small (a typo in a year must not build for minutes
into gigabytes)."""

from __future__ import annotations

import datetime as dt
from itertools import combinations

from sammelan.errors import Problem
from sammelan.model.entities import Session
from sammelan.sources.yamldoc import Document

MAX_DAYS = 31  # the longest trade fairs run for two weeks
MAX_SESSIONS = 300


def check_days(doc: Document, start: dt.date, end: dt.date) -> list[Problem]:
    if end < start:
        return [_problem(doc, ("end",), f"the conclave ends ({end}) before it starts ({start})",
                         "make `end` the same as or later than `start`")]
    days = (end - start).days + 1
    if days > MAX_DAYS:
        return [_problem(doc, ("end",), f"the conclave lasts {days} days, more than the "
                         f"{MAX_DAYS} the site takes", "check the years of `start` and `end`; "
                         "a longer programme is best written as several conclaves")]
    return []


def check_count(doc: Document) -> list[Problem]:
    count = len(doc.at(("sessions",)) or ())
    if count > MAX_SESSIONS:
        return [_problem(doc, ("sessions",), f"the conclave has {count} sessions, more than "
                         f"the {MAX_SESSIONS} the site takes", "write it as several conclaves")]
    return []


def check_sessions(doc: Document, sessions: tuple[Session, ...], start: dt.date,
                   end: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, session in enumerate(sessions):
        at = ("sessions", i)
        if session.id in seen:
            problems.append(_problem(doc, at + ("id",), f"session id `{session.id}` is used twice",
                                     "give every session its own id"))
        seen.setdefault(session.id, i)
        problems.extend(_check_one(doc, at, session, start, end))
    problems.extend(_clashes(doc, sessions))
    return problems


def _check_one(doc: Document, at: tuple, session: Session, start: dt.date,
               end: dt.date) -> list[Problem]:
    problems = []
    if session.date and not start <= session.date <= end:
        problems.append(_problem(
            doc, at + ("date",), f"session `{session.id}` is on {session.date}, outside the "
            f"conclave ({start} to {end})", "move it to a day of the conclave, or change the "
            "conclave's `start`/`end`"))
    if session.start and not session.date:
        problems.append(_problem(doc, at + ("start",), f"session `{session.id}` has a time "
                                 "but no day", "add `date: YYYY-MM-DD`"))
    if session.end and not session.start:
        problems.append(_problem(doc, at + ("end",), f"session `{session.id}` has an end "
                                 "but no start", "add `start:` or remove `end:`"))
    if session.start and session.end and session.end <= session.start:
        problems.append(_problem(
            doc, at + ("end",), f"session `{session.id}` ends at {session.end:%H:%M}, not "
            f"after it starts ({session.start:%H:%M})", "make `end` later than `start`"))
    return problems


def _clashes(doc: Document, sessions: tuple[Session, ...]) -> list[Problem]:
    problems = []
    timed = [(i, s) for i, s in enumerate(sessions) if s.timed and not s.cancelled]
    for (_, a), (j, b) in combinations(timed, 2):
        if a.date != b.date or a.track != b.track:
            continue
        a_end, b_end = a.end or a.start, b.end or b.start
        if a.start < b_end and b.start < a_end or a.start == b.start:
            room = f"track `{a.track.en}`" if a.track else "the main room"
            problems.append(_problem(
                doc, ("sessions", j, "start"), f"session `{b.id}` overlaps `{a.id}` in {room} "
                f"on {a.date}", "change one session's time, or give them different `track`s"))
    return problems


def _problem(doc: Document, path: tuple, message: str, fix: str) -> Problem:
    return Problem(doc.where(path), message, fix, ".".join(map(str, path)))

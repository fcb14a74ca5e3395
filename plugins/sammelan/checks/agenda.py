"""Checks of a conclave's days and agenda that need more than one field at a time, and the
limits that keep one conclave's output small (a typo in a year must not build for minutes
into gigabytes)."""

from __future__ import annotations

import datetime as dt
from itertools import combinations

from sammelan.errors import Problem
from sammelan.i18n.messages import Text, msg
from sammelan.model.entities import Session
from sammelan.sources.yamldoc import Document

MAX_DAYS = 31  # the longest trade fairs run for two weeks
MAX_SESSIONS = 300


def check_days(doc: Document, start: dt.date, end: dt.date) -> list[Problem]:
    if end < start:
        return [_problem(doc, ("end",), msg("the conclave ends (%(end)s) before it starts "
                                            "(%(start)s)", end=end.isoformat(),
                                            start=start.isoformat()),
                         msg("make `end` the same as or later than `start`"))]
    days = (end - start).days + 1
    if days > MAX_DAYS:
        return [_problem(doc, ("end",), msg("the conclave lasts %(days)s days, more than the "
                                            "%(limit)s the site takes", days=days,
                                            limit=MAX_DAYS),
                         msg("check the years of `start` and `end`; a longer programme is best "
                             "written as several conclaves"))]
    return []


def check_count(doc: Document) -> list[Problem]:
    count = len(doc.at(("sessions",)) or ())
    if count > MAX_SESSIONS:
        return [_problem(doc, ("sessions",), msg("the conclave has %(count)s sessions, more "
                                                 "than the %(limit)s the site takes",
                                                 count=count, limit=MAX_SESSIONS),
                         msg("write it as several conclaves"))]
    return []


def check_sessions(doc: Document, sessions: tuple[Session, ...], start: dt.date,
                   end: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for i, session in enumerate(sessions):
        at = ("sessions", i)
        if session.id in seen:
            problems.append(_problem(doc, at + ("id",),
                                     msg("session id `%(id)s` is used twice", id=session.id),
                                     msg("give every session its own id")))
        seen.setdefault(session.id, i)
        problems.extend(_check_one(doc, at, session, start, end))
    problems.extend(_clashes(doc, sessions))
    problems.extend(_rooms(doc, sessions))
    return problems


def _rooms(doc: Document, sessions: tuple[Session, ...]) -> list[Problem]:
    """One room, one name in each language: a room written with one English name and two
    Hindi ones would be one room on the English pages and two on the Hindi ones (and their
    sessions would clash in one language only)."""
    problems = []
    first: dict[tuple[str, str], tuple[str, object]] = {}  # (lang, name) → (other name, index)
    for i, session in enumerate(sessions):
        if session.track is None:
            continue
        for lang, other in (("en", "hi"), ("hi", "en")):
            name, translation = getattr(session.track, lang), getattr(session.track, other)
            known = first.setdefault((lang, name), (translation, i))
            if known[0] != translation:
                problems.append(_problem(
                    doc, ("sessions", i, "track", other),
                    msg("the room `%(name)s` is also written `%(earlier)s` (in session "
                        "`%(session)s`), so one room would have two names",
                        name=name, earlier=known[0], session=sessions[known[1]].id),
                    msg("write the room the same way in every session, or give different "
                        "rooms different names in both languages")))
                break
    return problems


def _check_one(doc: Document, at: tuple, session: Session, start: dt.date,
               end: dt.date) -> list[Problem]:
    problems = []
    if session.date and not start <= session.date <= end:
        problems.append(_problem(
            doc, at + ("date",),
            msg("session `%(id)s` is on %(date)s, outside the conclave (%(start)s to %(end)s)",
                id=session.id, date=session.date.isoformat(), start=start.isoformat(),
                end=end.isoformat()),
            msg("move it to a day of the conclave, or change the conclave's `start`/`end`")))
    if session.start and not session.date:
        problems.append(_problem(doc, at + ("start",),
                                 msg("session `%(id)s` has a time but no day", id=session.id),
                                 msg("add `date: YYYY-MM-DD`")))
    if session.end and not session.start:
        problems.append(_problem(doc, at + ("end",),
                                 msg("session `%(id)s` has an end but no start", id=session.id),
                                 msg("add `start:` or remove `end:`")))
    if session.start and session.end and session.end <= session.start:
        problems.append(_problem(
            doc, at + ("end",),
            msg("session `%(id)s` ends at %(end)s, not after it starts (%(start)s)",
                id=session.id, end=f"{session.end:%H:%M}", start=f"{session.start:%H:%M}"),
            msg("make `end` later than `start`")))
    return problems


def _clashes(doc: Document, sessions: tuple[Session, ...]) -> list[Problem]:
    problems = []
    timed = [(i, s) for i, s in enumerate(sessions) if s.timed and not s.cancelled]
    for (_, a), (j, b) in combinations(timed, 2):
        if a.date != b.date or a.track != b.track:
            continue
        a_end, b_end = a.end or a.start, b.end or b.start
        if a.start < b_end and b.start < a_end or a.start == b.start:
            room = msg("track `%(track)s`", track=a.track.en) if a.track else msg(
                "the main room")
            problems.append(_problem(
                doc, ("sessions", j, "start"),
                msg("session `%(id)s` overlaps `%(other)s` in %(room)s on %(date)s", id=b.id,
                    other=a.id, room=room, date=a.date.isoformat()),
                msg("change one session's time, or give them different `track`s")))
    return problems


def _problem(doc: Document, path: tuple, message: Text, fix: Text) -> Problem:
    return Problem(doc.where(path), message, fix, ".".join(map(str, path)))

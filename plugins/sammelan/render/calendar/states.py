"""What calendar apps must notice of each entry of a conclave's calendar: its day, its
time, its status and its place (venue and room). Whenever that state differs from the one
committed before, the entry's SEQUENCE rises (sequences.py).

A state is read from the conclave's YAML, the same way for the file as it is now and for
each version of it in the git history: this is the one place that says what a state is.
The entries are those of entries.py, named by its keys: the conclave, each timed session,
and each day (of a conclave longer than a day) with sessions whose time is not announced.

An old version is read leniently: only the fields a state is made of must be well-formed
(the schema may have grown stricter since it was committed, and its references may name
what is gone). A version with one that is not gives nothing: its entries keep the states
of the version before.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sammelan.checks.dates import YEARS, parse_date, parse_time
from sammelan.model.choices import ConclaveStatus, SessionStatus
from sammelan.model.entities import IST
from sammelan.render.calendar.entries import conclave_key, day_key, session_key, status_of
from sammelan.sources import yamldoc

MAX_FLOOR = 2**31 - 1  # iCalendar's INTEGER


@dataclass(frozen=True)
class Mark:
    """An entry's state, and the organizer's own `sequence` of a session (a floor)."""

    state: str
    floor: int = 0


Marks = dict[str, Mark]  # by entry key


class _Unreadable(Exception):
    """A field a state is made of is missing or not well-formed."""


def marks(text: str, slug: str) -> Marks | None:
    """Every entry of the conclave `slug` written in `text` (a conclave's YAML) with its
    mark, or None when the text is no conclave whose states can be read."""
    doc, problems = yamldoc.parse(text, f"{slug}.yaml")
    return None if doc is None or problems else of_data(slug, doc.data)


def of_data(slug: str, data: object) -> Marks | None:
    """The same, of the data of a conclave's YAML as yamldoc.py reads it."""
    try:
        return _marks(slug, data)
    except _Unreadable:
        return None


def _marks(slug: str, data: object) -> Marks:
    conclave = _mapping(data)
    start, end = _date(conclave.get("start"), required=True), _date(conclave.get("end"),
                                                                    required=True)
    status = _choice(ConclaveStatus, conclave.get("status"))
    place = f"@{_text(conclave.get('venue'))}"
    zone = _text(conclave.get("timezone", IST))
    sessions = conclave.get("sessions")
    if not isinstance(sessions, list):
        raise _Unreadable
    found = {conclave_key(slug): Mark(f"{start}/{end} {status} {place}")}
    untimed: set[dt.date] = set()
    for session in map(_mapping, sessions):
        day, begins = _date(session.get("date")), _time(session.get("start"))
        ends = _time(session.get("end"))
        cancelled = _choice(SessionStatus, session.get("status", "scheduled")) == \
            SessionStatus.CANCELLED
        room, floor = _room(session.get("track")), _floor(session.get("sequence", 0))
        key = session_key(slug, _text(session.get("id")))
        if day is None:
            continue  # named under "Day to be announced" in the conclave's own entry
        if begins is None:
            untimed.add(day)
            continue
        said = status_of(status, cancelled).lower()
        found[key] = Mark(f"{day} {_hhmm(begins)}-{_hhmm(ends)} {zone} {said} {place}{room}",
                          floor)
    if end > start:  # a one-day conclave's own entry names its untimed sessions
        for day in sorted(d for d in untimed if start <= d <= end):
            found[day_key(slug, day)] = Mark(f"{day} {status} {place}")
    return found


def _mapping(value: object) -> dict:
    if not isinstance(value, dict):
        raise _Unreadable
    return value


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise _Unreadable
    return value


def _date(value: object, required: bool = False) -> dt.date | None:
    if value is None and not required:
        return None
    day = parse_date(_text(value))
    if day is None or day.year not in YEARS:
        raise _Unreadable
    return day


def _time(value: object) -> dt.time | None:
    if value is None:
        return None
    moment = parse_time(_text(value))
    if moment is None:
        raise _Unreadable
    return moment


def _choice(kind, value: object):
    try:
        return kind(_text(value))
    except ValueError:
        raise _Unreadable from None


def _room(track: object) -> str:
    if track is None:
        return ""
    names = _mapping(track)
    return f" / {_text(names.get('en'))} / {_text(names.get('hi'))}"


def _floor(value: object) -> int:
    if type(value) is not int or not 0 <= value <= MAX_FLOOR:
        raise _Unreadable
    return value


def _hhmm(moment: dt.time | None) -> str:
    return moment.strftime("%H:%M") if moment else ""

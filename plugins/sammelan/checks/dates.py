"""Dates and clock times as organizers write them. The schema checks their shape
(YYYY-MM-DD, HH:MM); this is the one place that reads them as real days and times and
says what is wrong with one that is not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from sammelan.errors import Problem
from sammelan.i18n.catalog import N_
from sammelan.i18n.messages import Text, msg
from sammelan.sources.yamldoc import Document

DATE_FIX = msg("write a real date as YYYY-MM-DD")
TIME_FIX = msg("write HH:MM on the 24-hour clock, e.g. \"15:00\"")
MOMENT_FIX = msg("write YYYY-MM-DD or \"YYYY-MM-DD HH:MM\"")
T = TypeVar("T")
# The years a conclave, session or report can fall in: a year outside them is a typo, and
# would otherwise reach every calendar app.
YEARS = range(2000, 2100)


def parse_date(text: str) -> dt.date | None:
    """The day `text` names, or None when there is no such day (2025-02-30)."""
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def parse_time(text: str) -> dt.time | None:
    """The time of day of "H:MM" or "HH:MM", or None when there is none (25:61)."""
    hours, _, minutes = text.partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2):
        return None
    if int(hours) > 23 or int(minutes) > 59:
        return None
    return dt.time(int(hours), int(minutes))


def date(doc: Document, path: tuple) -> tuple[dt.date | None, list[Problem]]:
    """The date at `path` (None when absent), or the problem that it is no real day."""
    day, problems = _read(doc, path, parse_date, N_("%(value)s is not a date in the calendar"),
                          DATE_FIX)
    if day is not None and day.year not in YEARS:
        return None, [_problem(doc, path, msg("%(day)s is not in the years %(first)s–%(last)s",
                                              day=day.isoformat(), first=YEARS.start,
                                              last=YEARS.stop - 1), msg("check the year"))]
    return day, problems


def time(doc: Document, path: tuple) -> tuple[dt.time | None, list[Problem]]:
    return _read(doc, path, parse_time, N_("%(value)s is not a time of day"), TIME_FIX)


def moment(doc: Document, path: tuple, zone: dt.tzinfo
           ) -> tuple[dt.datetime | None, list[Problem]]:
    """"YYYY-MM-DD" (midnight) or "YYYY-MM-DD HH:MM" in `zone`."""
    value = _value(doc, path)
    if value is None:
        return None, []
    day_text, _, clock_text = value.partition(" ")
    day, clock = parse_date(day_text), parse_time(clock_text or "00:00")
    if day is None or clock is None or day.year not in YEARS:
        return None, [_problem(doc, path, msg("%(value)s is not a real date and time",
                                              value=value), MOMENT_FIX)]
    return dt.datetime.combine(day, clock, tzinfo=zone), []


def _read(doc: Document, path: tuple, parse: Callable[[str], T | None], message: str,
          fix: Text) -> tuple[T | None, list[Problem]]:
    value = _value(doc, path)
    if value is None:
        return None, []
    found = parse(value)
    if found is None:
        return None, [_problem(doc, path, msg(message, value=value), fix)]
    return found, []


def _value(doc: Document, path: tuple) -> str | None:
    value = doc.at(path)
    return value if isinstance(value, str) else None


def _problem(doc: Document, path: tuple, message: Text, fix: Text) -> Problem:
    return Problem(doc.where(path), message, fix, ".".join(map(str, path)))

"""Dates, times and time zones in the reader's language, by Babel's locale data."""

from __future__ import annotations

import datetime as dt
import functools

from babel import Locale
from babel.dates import (
    format_date,
    format_skeleton,
    format_time,
    get_period_id,
    get_timezone,
    get_timezone_name,
)

from sammelan.i18n.catalog import N_, Gettext
from sammelan.model.choices import ConclaveStatus
from sammelan.model.entities import IST, Conclave

LOCALES = {"hi": "hi_IN", "en": "en_IN"}
# How a clock time is written, as a CLDR skeleton: Hindi names the day period in its own
# words ("दोपहर 3:00", "शाम 6:30"), where its am/pm pattern would print Latin "pm"; English
# keeps the am/pm that Indian English readers expect ("3:00 pm").
CLOCK = {"hi": "Bhm", "en": "hm"}
FIELDS = "aBhm"  # the fields of those skeletons' interval formats, greatest first
POSTPONED = N_("Postponed, new dates to be announced")
# Each function below is remembered per argument: Babel takes about 0.1 ms a call, pages
# make thousands of calls, and the dates of a site are few.


@functools.cache
def locale(lang: str) -> Locale:
    """Parsed once: Babel parses a locale named by a string again at every call."""
    return Locale.parse(LOCALES[lang])


@functools.cache
def date(day: dt.date, lang: str) -> str:
    """'16 जनवरी 2026', '16 January 2026'."""
    return format_date(day, "long", locale=locale(lang))


@functools.cache
def weekday_date(day: dt.date, lang: str) -> str:
    """'शुक्रवार, 16 जनवरी 2026'."""
    return format_date(day, "full", locale=locale(lang))


@functools.cache
def date_range(start: dt.date, end: dt.date, lang: str) -> str:
    """'16–17 जनवरी 2026'; the long month name, unlike CLDR's interval formats."""
    if start == end:
        return date(start, lang)
    day_first = locale(lang).date_formats["long"].pattern.startswith("d")
    if day_first and (start.year, start.month) == (end.year, end.month):
        return f"{format_date(start, 'd', locale=locale(lang))}–{date(end, lang)}"
    if day_first and start.year == end.year:
        return f"{format_date(start, 'd MMMM', locale=locale(lang))} – {date(end, lang)}"
    return f"{date(start, lang)} – {date(end, lang)}"


def when(conclave: Conclave, lang: str) -> str:
    """A conclave's days, or, once it is postponed, that they are no longer its days: a
    page, a share text or a feed that still gave them would send people on the wrong day."""
    if conclave.status == ConclaveStatus.POSTPONED:
        return Gettext(lang)(POSTPONED)
    return date_range(conclave.start, conclave.end, lang)


@functools.cache
def time(moment: dt.time, lang: str) -> str:
    """'दोपहर 3:00', '3:00 pm'."""
    if CLOCK[lang] == "hm":  # CLDR's short time, with the narrow no-break space of its ranges
        return format_time(moment, "short", locale=locale(lang))
    return format_skeleton(CLOCK[lang], moment, locale=locale(lang))


@functools.cache
def time_range(start: dt.time, end: dt.time | None, lang: str) -> str:
    """By CLDR's interval formats: 'सुबह 9:30–11:00' names the day period once when both
    ends share it, 'दोपहर 3:00 – शाम 6:00' names each when they differ; '3:00–6:00 pm'.
    Babel's format_interval cannot compare day periods (field B), hence the loop here."""
    if end is None or end == start:
        return time(start, lang)
    where = locale(lang)
    patterns = where.interval_formats[CLOCK[lang]]
    for field in FIELDS:  # the greatest field in which the two ends differ
        if field in patterns and _field(start, field, where) != _field(end, field, where):
            return "".join(format_time(moment, pattern, locale=where)
                           for pattern, moment in zip(patterns[field], (start, end), strict=True))
    return time(start, lang)


def _field(moment: dt.time, field: str, where: Locale) -> object:
    """What a time shows in one field of an interval skeleton: its day period, its half
    of the day, its hour or its minute."""
    if field == "B":
        return get_period_id(moment, locale=where)
    if field == "a":
        return moment.hour < 12
    return moment.minute if field == "m" else moment.hour


@functools.cache
def zone(name: str, lang: str) -> str:
    """The name written after a time: "IST" for India (CLDR knows no short name for it,
    visitors do), else CLDR's name of the zone's country ("United Arab Emirates Time")."""
    if name == IST:
        return Gettext(lang)("IST")
    return get_timezone_name(get_timezone(name), "long", zone_variant="generic",
                             locale=locale(lang))

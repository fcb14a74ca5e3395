"""Dates, times and time zones in the reader's language, by Babel's locale data."""

from __future__ import annotations

import datetime as dt
import functools

from babel import Locale
from babel.dates import format_date, format_time, get_timezone, get_timezone_name

from sammelan.i18n.catalog import N_, Gettext
from sammelan.model.choices import ConclaveStatus
from sammelan.model.entities import IST, Conclave

LOCALES = {"hi": "hi_IN", "en": "en_IN"}
POSTPONED = N_("Postponed, new dates to be announced")
# Each function below is remembered per argument: Babel takes about 0.1 ms a call, pages
# make thousands of calls, and the dates of a site are few.


def locale(lang: str) -> str:
    return LOCALES[lang]


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
    day_first = Locale.parse(locale(lang)).date_formats["long"].pattern.startswith("d")
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
    """'3:00 pm'."""
    return format_time(moment, "short", locale=locale(lang))


@functools.cache
def time_range(start: dt.time, end: dt.time | None, lang: str) -> str:
    if end is None:
        return time(start, lang)
    return f"{time(start, lang)} – {time(end, lang)}"


@functools.cache
def zone(name: str, lang: str) -> str:
    """The name written after a time: "IST" for India (CLDR knows no short name for it,
    visitors do), else CLDR's name of the zone's country ("United Arab Emirates Time")."""
    if name == IST:
        return Gettext(lang)("IST")
    return get_timezone_name(get_timezone(name), "long", zone_variant="generic",
                             locale=locale(lang))

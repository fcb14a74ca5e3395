"""iCalendar content lines as octets (RFC 5545 §3.1): the value types and parameters that
ics.py writes, each exactly as the icalendar library (7.3) writes it.

icalendar makes an object per value and per parameter list and folds every line one
character at a time: most of the time a build spent on calendars. Here a line is one
string, folded only when it is long. The files stay the same to the byte, so a build with
this module changes no subscriber's calendar and no output key; tests/test_ics_octets.py
builds every file both ways with icalendar as the oracle. Hence icalendar's quirks are
kept: escapes carried past a fold, zones equal to UTC written as Z. (Its NAME written raw was
a defect, not a quirk: calendar names are TEXT now, for icalendar and here alike.)
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from icalendar.timezone.tzid import tzid_from_tzinfo

CRLF = b"\r\n"
LIMIT = 75  # a folded line is shorter than this many octets, its CRLF aside
FOLD = b"\r\n "
# TEXT's escape character and RFC 6868's: a folded line does not end with one, icalendar
# carries it to the next line (for clients that misread it otherwise, icalendar #1501)
ESCAPES = b"\\^"
QUOTED = re.compile("[,;:’]")  # icalendar quotes a parameter value that holds one of these


def line(name: str, value: str, params: str = "") -> bytes:
    """One property: `value` as its type writes it, `params` as `parameters` makes them."""
    return fold(f"{name}{params}:{value}".encode())


def fold(octets: bytes) -> bytes:
    """The line ended by CRLF and folded as icalendar folds it: each part as long as it can
    be and shorter than LIMIT, never cut inside a character, nor right after an escape."""
    if len(octets) < LIMIT:
        return octets + CRLF
    parts = []
    start = 0
    while len(octets) - start >= LIMIT:
        end = start + LIMIT - 1
        while octets[end] & 0xC0 == 0x80:  # 10xxxxxx: inside a UTF-8 character
            end -= 1
        if octets[end - 1] in ESCAPES:
            end -= 1
        parts.append(octets[start:end])
        start = end
    parts.append(octets[start:])
    return FOLD.join(parts) + CRLF


@functools.cache  # a few languages and zones, on every line of every file
def parameters(**values: str) -> str:
    """`;NAME=value` for each, by name as icalendar sorts them, escaped as RFC 6868 says
    and quoted where icalendar quotes (never an always-quoted one: ALTREP, DIR, …)."""
    return "".join(f";{name}={parameter(values[name])}" for name in sorted(values))


def parameter(value: str) -> str:
    escaped = (value.replace("^", "^^").replace("\r\n", "^n").replace("\r", "^n")
               .replace("\n", "^n").replace('"', "^'"))
    return f'"{escaped}"' if QUOTED.search(escaped) else escaped


def text(value: str) -> str:
    """A TEXT value (§3.3.11), in icalendar's order of replacements: a written `\\N` is
    first taken for a line break; every line break, CR, LF or both, becomes `\\n`."""
    return (value.replace("\\N", "\n").replace("\\", "\\\\").replace(";", "\\;")
            .replace(",", "\\,").replace("\r\n", "\\n").replace("\n", "\\n")
            .replace("\r", "\\n"))


def verbatim(value: str) -> str:
    """A value icalendar has no type for (X-WR-TIMEZONE, a zone's name), written as
    RFC 7265's UNKNOWN: unescaped. A line break would end the line, so icalendar refuses it."""
    if "\n" in value:
        raise ValueError(f"a line break in an unescaped value: {value!r}")
    return value


def uri(value: str) -> str:
    """A URI (§3.3.13): written as it is, and refused with a line break, as icalendar does."""
    if "\r" in value or "\n" in value:
        raise ValueError(f"a URI value may not contain CR or LF characters: {value!r}")
    return value


def moment(value: dt.date) -> tuple[str, str]:
    """A DATE or DATE-TIME value and its parameters: `;VALUE=DATE` for a day, `;TZID=…`
    for a time in a named zone, a trailing Z in UTC, neither for a floating time."""
    day = f"{value.year:04}{value.month:02}{value.day:02}"
    if not isinstance(value, dt.datetime):
        return day, parameters(VALUE="DATE")
    written = f"{day}T{value.hour:02}{value.minute:02}{value.second:02}"
    zone = tzid(value)
    if zone == "UTC":
        return f"{written}Z", ""
    return written, parameters(TZID=zone) if zone is not None else ""


def tzid(value: dt.date | None) -> str | None:
    """The zone of a date-time as icalendar names it: "UTC" for any zone it holds equal to
    UTC (Etc/UTC, GMT, Africa/Abidjan…), else the zone's own name; None for a date, a
    floating time or no value. icalendar's naming is kept because its VTIMEZONE, which
    the files still carry, is made for that name."""
    if not isinstance(value, dt.datetime):
        return None
    found = _zone_name(value.tzinfo)
    return found if found is not None else value.tzname()


@functools.cache
def _zone_name(zone: dt.tzinfo | None) -> str | None:
    return tzid_from_tzinfo(zone)


def duration(value: dt.timedelta) -> str:
    """A DURATION (§3.3.6) as icalendar writes a timedelta: days, then hours, minutes and
    seconds, leaving out what is zero (minutes stay between hours and seconds)."""
    sign = "-" if value.days < 0 else ""
    value = abs(value)
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    time = "T" if value.seconds else ""
    if hours:
        time += f"{hours}H"
    if minutes or (hours and seconds):
        time += f"{minutes}M"
    if seconds:
        time += f"{seconds}S"
    if value.days == 0 and time:
        return f"{sign}P{time}"
    return f"{sign}P{value.days}D{time}"


def geo(latitude: float, longitude: float) -> str:
    """A GEO value (§3.8.1.6): both as Python writes a float, as icalendar does."""
    return f"{float(latitude)};{float(longitude)}"

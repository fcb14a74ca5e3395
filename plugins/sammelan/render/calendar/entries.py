"""What a calendar holds for a conclave, in one language: the conclave spanning its days,
each timed session, and an all-day entry for a day whose sessions have no time yet.

The .ics files and the Google Calendar links read these entries, so they cannot disagree.
An entry's key (its UID before "@domain") is made here for states.py too, which reads from
the conclave's YAML what calendar apps must notice of each entry (for its SEQUENCE).

A session whose day is not announced gets no entry of its own: the conclave's entry names
it under "Day to be announced". A one-day conclave's entry is itself that day's all-day
entry, so it names the day's untimed sessions instead of a second all-day entry on the
same day.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sammelan.i18n import labels
from sammelan.i18n.catalog import N_, Gettext
from sammelan.i18n.formatting import time_range, zone
from sammelan.model.choices import ConclaveStatus, SpeakerRole, exhaustive
from sammelan.model.entities import Conclave, Session
from sammelan.render import urls

# RFC 5545 knows only these three. A postponed conclave has no day yet: its old days stay
# in the calendar, marked as not to be counted on. Moved online or rescheduled, it does take
# place on the days the entry now shows.
STATUS = exhaustive(ConclaveStatus, {
    ConclaveStatus.SCHEDULED: "CONFIRMED", ConclaveStatus.POSTPONED: "TENTATIVE",
    ConclaveStatus.RESCHEDULED: "CONFIRMED", ConclaveStatus.CANCELLED: "CANCELLED",
    ConclaveStatus.MOVED_ONLINE: "CONFIRMED", ConclaveStatus.HELD: "CONFIRMED",
    ConclaveStatus.UNREPORTED: "CONFIRMED"})


@dataclass(frozen=True)
class Entry:
    key: str  # the UID before "@domain": <conclave>, <conclave>-<session>, <conclave>-day-<date>
    summary: str
    start: dt.date | dt.datetime  # a date for an all-day entry
    end: dt.date | dt.datetime | None  # exclusive day after, or the end time if known
    status: str  # CONFIRMED, TENTATIVE or CANCELLED (RFC 5545)
    description: str
    location: str
    anchor: str  # fragment on the conclave page: "" or "session-<id>"

    @property
    def all_day(self) -> bool:
        return not isinstance(self.start, dt.datetime)


def conclave_key(slug: str) -> str:
    return slug


def session_key(slug: str, session_id: str) -> str:
    return f"{slug}-{session_id}"


def day_key(slug: str, day: dt.date) -> str:
    return f"{slug}-day-{day.isoformat()}"


def entries(conclave: Conclave, lang: str) -> list[Entry]:
    """Every entry of a conclave's calendar: the conclave, its timed sessions, its days."""
    timed = [session_entry(conclave, s, lang) for s in conclave.sessions if s.timed]
    return [conclave_entry(conclave, lang), *timed, *day_entries(conclave, lang)]


def conclave_entry(c: Conclave, lang: str) -> Entry:
    _ = Gettext(lang)
    lines = [_(labels.CONCLAVE_STATUS[c.status])] if c.status != ConclaveStatus.SCHEDULED else []
    if c.hours is not None:  # the entry stays all-day: the hours are the event's, each day
        hours = f"{time_range(c.hours.start, c.hours.end, lang)} {zone(c.timezone, lang)}"
        lines.append(_("Hours of the conclave: %(hours)s", hours=hours))
    lines += [speaker_line(e.role, e.speaker, lang) for e in c.speaker_roles()]
    if len(c.days) == 1:
        lines += _untimed_lines(c, c.start, _("Time to be announced"), lang)
    lines += _untimed_lines(c, None, _("Day to be announced"), lang)
    return Entry(
        key=conclave_key(c.slug), summary=c.title(lang), start=c.start,
        end=c.end + dt.timedelta(days=1), status=STATUS[c.status], description="\n".join(lines),
        location=c.venue.full_address(lang), anchor="")


def session_entry(c: Conclave, s: Session, lang: str) -> Entry:
    _ = Gettext(lang)
    lines = [c.title(lang)]
    if s.summary:
        lines.append(s.summary(lang))
    lines += [speaker_line(e.role, e.speaker, lang) for e in s.speakers]
    if s.organizations:
        names = ", ".join(o.name(lang) for o in s.organizations)
        lines.append(f"{_('Presented by')}: {names}")
    place = c.venue.full_address(lang)
    return Entry(
        key=session_key(c.slug, s.id), summary=s.title(lang), start=s.starts_at(c.tz),
        end=s.ends_at(c.tz), status=session_status(c, s), description="\n".join(lines),
        location=f"{s.track(lang)}, {place}" if s.track else place,
        anchor=urls.session_anchor(s.id))


def day_entries(c: Conclave, lang: str) -> list[Entry]:
    """All-day entries for the days (of a conclave longer than a day) with untimed sessions."""
    if len(c.days) == 1:
        return []
    _ = Gettext(lang)
    found = []
    for day in c.days:
        untimed = [s for s in c.sessions if s.date == day and not s.timed]
        if not untimed:
            continue
        titles = ", ".join(s.title(lang) for s in untimed)
        found.append(Entry(
            key=day_key(c.slug, day),
            summary=_(N_("%(conclave)s: %(sessions)s (time to be announced)"),
                      conclave=c.title(lang), sessions=titles),
            start=day, end=day + dt.timedelta(days=1), status=STATUS[c.status],
            description="\n".join(_session_lines(untimed, lang)),
            location=c.venue.full_address(lang), anchor=urls.session_anchor(untimed[0].id)))
    return found


def session_status(c: Conclave, s: Session) -> str:
    return status_of(c.status, s.cancelled)


def status_of(conclave: ConclaveStatus, cancelled: bool = False) -> str:
    """What a calendar says of a session of a conclave in this status (RFC 5545)."""
    return "CANCELLED" if cancelled else STATUS[conclave]


def speaker_line(role: SpeakerRole, speaker, lang: str) -> str:
    _ = Gettext(lang)
    name = speaker.name(lang)
    if speaker.honorific:
        name = f"{speaker.honorific(lang)} {name}"
    parts = [name, speaker.designation(lang)]
    if speaker.organization:
        parts.append(speaker.organization.name(lang))
    return f"{_(labels.SPEAKER_ROLE[role])}: {', '.join(parts)}"


def _untimed_lines(c: Conclave, day: dt.date | None, heading: str, lang: str) -> list[str]:
    sessions = [s for s in c.sessions if s.date == day and not s.timed]
    return [f"{heading}:", *_session_lines(sessions, lang)] if sessions else []


def _session_lines(sessions: list[Session], lang: str) -> list[str]:
    lines = []
    for s in sessions:
        lines.append(f"• {s.title(lang)}")
        lines += [f"  {speaker_line(e.role, e.speaker, lang)}" for e in s.speakers]
    return lines

"""The agenda in the conference schedule format ("frab"/"Fahrplan") that Giggity,
EventFahrplan and other conference apps read: schedule.xml and schedule.json.

The format places every event at a time: its XSD and JSON Schema require an event's `date`,
`start` and `duration`, c3voc's own tools refuse an event without them (voc/schedule,
voc/event.py: "either date or start is required", "end must be after start"), Giggity
drops one that lacks them ("Invalid event, some attributes are missing") and EventFahrplan
gives up the whole file on a time it cannot parse. So only timed sessions are events; a
session whose time is not announced is left out rather than given a guessed time (the page
and the calendar still show it). Neither app wants a day without events: Giggity makes its
days from the events' times and skips the empty ones (Schedule.java; its pull request
#544), while EventFahrplan shows a tab for every `<day>` up to the highest index
(ParserTask.java). So only the days with an event are written, numbered 1, 2… in order.
A conclave with no timed session but with the hours a report gives for the whole event
(Jhansi: "शाम 3 से 6 बजे तक") is one event a day at those hours, the conclave itself, its
sessions named in its description as not timed; with neither, it has no schedule at all:
the XSD needs one `<day>`, which would be an empty one. Its page then offers none.

An event's `end`, which the JSON Schema prefers to `start` and `duration` (both still
required), is given where the session's end is known; `duration` is then the same span.
A session without an end keeps the format's required duration, 00:00, and no `end`.
A cancelled session stays, its title marked as cancelled; a postponed conclave says so in
its title and in each of its events' titles.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator

from sammelan.i18n import formatting, labels
from sammelan.i18n.catalog import Gettext
from sammelan.model.choices import ConclaveStatus
from sammelan.model.entities import Conclave, Session, Site
from sammelan.render import formats, urls
from sammelan.render.config import RenderConfig
from sammelan.render.jobs import Job, Keys, together
from sammelan.render.schedule.xml import to_xml

NAMESPACE = uuid.NAMESPACE_URL
VERSION_FORMAT = "%Y-%m-%d %H:%M UTC"  # the schedule's version: its last source change


def jobs(site: Site, config: RenderConfig, keys: Keys) -> Iterator[Job]:
    for lang in config.languages:
        for conclave in filter(has_schedule, site.conclaves):
            paths = (formats.SCHEDULE_JSON.path(lang, slug=conclave.slug),
                     formats.SCHEDULE_XML.path(lang, slug=conclave.slug))
            yield from together("schedules", keys.conclave(conclave),
                                lambda c=conclave, lang=lang, p=paths: files(c, lang, config, p),
                                paths)


def has_schedule(c: Conclave) -> bool:
    return c.on_schedule


def files(c: Conclave, lang: str, config: RenderConfig, paths: tuple[str, str]
          ) -> list[tuple[str, bytes]]:
    data = schedule(c, lang, config)
    return [(paths[0], to_json(data)), (paths[1], to_xml(data, config.app_url(paths[1])))]


def schedule(c: Conclave, lang: str, config: RenderConfig) -> dict:
    """The schedule as plain data, in the field names and order of schedule.json."""
    page = config.app_url(urls.conclave(lang, c.slug))
    updated = c.updated.astimezone(dt.UTC)
    dates = ([d for d in c.days if any(s.timed and s.date == d for s in c.sessions)]
             if c.timed else list(c.days))
    return {"schedule": {
        "version": updated.strftime(VERSION_FORMAT),
        "base_url": page,
        "conference": {
            "acronym": acronym(c),
            "title": conference_title(c, lang),
            "start": c.start.isoformat(),
            "end": c.end.isoformat(),
            "daysCount": len(dates),
            "timeslot_duration": "00:15",
            "time_zone_name": c.timezone,
            "url": page,
            "rooms": [{"name": name, "guid": _guid(config, c.slug, "room", name)}
                      for name in rooms(c, lang)],
            "days": [day(c, i, d, lang, config) for i, d in enumerate(dates, 1)],
        },
    }, "generator": {"name": "Sammelan"}}


def conference_title(c: Conclave, lang: str) -> str:
    """The conclave's title, and that it is postponed when it is: the format has no status,
    and the days it still gives are no longer the conclave's."""
    if c.status == ConclaveStatus.POSTPONED:
        return f"{c.title(lang)} ({formatting.when(c, lang)})"
    return c.title(lang)


def acronym(c: Conclave) -> str:
    """The conclave's slug in the alphabet the format allows (no hyphens)."""
    return c.slug.replace("-", "_")


def rooms(c: Conclave, lang: str) -> list[str]:
    """A session's room is its track, or the venue when it has none (the conclave's own
    event is at the venue)."""
    if not c.timed:
        return [c.venue.name(lang)]
    found = {room(c, s, lang): None for s in c.sessions if s.timed}
    return list(found)


def room(c: Conclave, s: Session, lang: str) -> str:
    return s.track(lang) if s.track else c.venue.name(lang)


def day(c: Conclave, index: int, date: dt.date, lang: str, config: RenderConfig) -> dict:
    start = dt.datetime.combine(date, dt.time(0), tzinfo=c.tz)
    timed = sorted((s for s in c.sessions if s.timed and s.date == date),
                   key=lambda s: (s.start, s.id))
    by_room: dict[str, list] = {name: [] for name in rooms(c, lang)}
    for s in timed:
        by_room[room(c, s, lang)].append(event(c, s, lang, config))
    if not c.timed:
        by_room[c.venue.name(lang)].append(hours_event(c, date, lang, config))
    return {"index": index, "date": date.isoformat(), "day_start": start.isoformat(),
            "day_end": (start + dt.timedelta(days=1)).isoformat(),
            "rooms": {name: events for name, events in by_room.items() if events}}


def event(c: Conclave, s: Session, lang: str, config: RenderConfig) -> dict:
    _ = Gettext(lang)
    page = config.app_url(urls.conclave(lang, c.slug))
    return {
        **timing(c, s.starts_at(c.tz), s.ends_at(c.tz), _guid(config, c.slug, "session", s.id)),
        "room": room(c, s, lang),
        "slug": f"{acronym(c)}-{s.id}",
        "url": f"{page}#{urls.session_anchor(s.id)}",
        "title": titled(c, s.title(lang), s.cancelled, lang),
        "subtitle": "",
        "track": _(labels.SESSION_KIND[s.kind]),
        "type": s.kind,
        "language": lang,
        "abstract": s.summary(lang) if s.summary else "",
        "description": "",
        "persons": [person(e.speaker, lang, config) for e in s.speakers],
        "links": [],
    }


def hours_event(c: Conclave, date: dt.date, lang: str, config: RenderConfig) -> dict:
    """The conclave itself on one of its days, at the hours its report gives for the whole
    event; its sessions, whose times no report gives, are named in the description."""
    _ = Gettext(lang)
    start = dt.datetime.combine(date, c.hours.start, c.tz)
    end = dt.datetime.combine(date, c.hours.end, c.tz) if c.hours.end else None
    sessions = "; ".join(s.title(lang) for s in c.sessions if s.date in (None, date))
    return {
        **timing(c, start, end, _guid(config, c.slug, "hours", date.isoformat())),
        "room": c.venue.name(lang),
        "slug": f"{acronym(c)}-{date.isoformat()}",
        "url": config.app_url(urls.conclave(lang, c.slug)),
        "title": titled(c, c.title(lang), False, lang),
        "subtitle": "",
        "track": "",
        "type": "other",
        "language": lang,
        "abstract": "",
        "description": _("Sessions (times not known): %(sessions)s",
                         sessions=sessions) if sessions else "",
        "persons": [],
        "links": [],
    }


def timing(c: Conclave, start: dt.datetime, end: dt.datetime | None, guid: str) -> dict:
    """An event's identity and times: `end` only where it is known."""
    return {"guid": guid, "id": event_id(guid), "date": start.isoformat(),
            "start": start.strftime("%H:%M"), **({"end": end.isoformat()} if end else {}),
            "duration": _hours_minutes((end or start) - start)}


def titled(c: Conclave, title: str, cancelled: bool, lang: str) -> str:
    """An event's title, with the conclave's status when the format could not say it."""
    _ = Gettext(lang)
    if cancelled or c.status == ConclaveStatus.CANCELLED:
        return f"{_('Cancelled')}: {title}"
    if c.status == ConclaveStatus.POSTPONED:
        return f"{_(labels.CONCLAVE_STATUS[c.status])}: {title}"
    return title


def person(speaker, lang: str, config: RenderConfig) -> dict:
    name = speaker.name(lang)
    return {"name": name, "public_name": name,
            "guid": _guid(config, "speaker", speaker.slug)}


def event_id(guid: str) -> int:
    """A positive integer for apps that still key events by number, stable with the guid."""
    return int(guid.replace("-", "")[:7], 16) + 1


def to_json(data: dict) -> bytes:
    # Compact: with `indent`, json falls back from its C encoder to Python (five times
    # slower, 0.5 s of a build at 1,000 conclaves), and apps do not read the spaces.
    return (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def _guid(config: RenderConfig, *parts: str) -> str:
    """A UUID fixed by the site's domain and the names of the thing."""
    return str(uuid.uuid5(NAMESPACE, f"https://{config.domain}/"
                                     + "/".join(parts)))


def _hours_minutes(length: dt.timedelta) -> str:
    minutes = int(length.total_seconds()) // 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"

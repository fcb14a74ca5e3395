"""iCalendar files (RFC 5545, RFC 7986), built with the icalendar library from the model:
each conclave's calendar, a calendar per timed session, and every conclave in one.

Nothing here reads the clock: DTSTAMP and LAST-MODIFIED are the conclave's last source
commit (UTC), so two builds of one commit give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass

from icalendar import Calendar, Event, Timezone, vDuration

from sammelan.i18n.catalog import N_, Gettext
from sammelan.model.entities import Conclave, Session, Site
from sammelan.render import formats, urls
from sammelan.render.calendar import sequences
from sammelan.render.calendar.entries import Entry, entries
from sammelan.render.config import RenderConfig
from sammelan.render.jobs import Job, Keys, together, whole_site

PRODID = "-//Sammelan//Sammelan conclave microsites//{lang}"
REFRESH = dt.timedelta(hours=12)  # how often subscribers' apps should fetch again
AHEAD, RECENT_PAST = dt.timedelta(days=366), 30  # the site-wide calendar's window


def conclave_file(lang: str, slug: str) -> str:
    return formats.CONCLAVE_CALENDAR.path(lang, slug=slug)


def session_file(lang: str, slug: str, session_id: str) -> str:
    return formats.SESSION_CALENDAR.path(lang, slug=slug, session=session_id)


def site_file(lang: str) -> str:
    return formats.SITE_CALENDAR.path(lang)


def jobs(site: Site, config: RenderConfig, keys: Keys) -> Iterator[Job]:
    state = site.calendar_records
    for lang in config.languages:
        for conclave in site.conclaves:
            timed = [s for s in conclave.sessions if s.timed]
            paths = [conclave_file(lang, conclave.slug),
                     *(session_file(lang, conclave.slug, s.id) for s in timed)]
            yield from together("calendars", keys.conclave(conclave),
                                lambda c=conclave, t=timed, p=paths, lang=lang:
                                zip(p, conclave_files(c, t, lang, config, state), strict=True),
                                paths)
        yield from whole_site("calendars", keys, lambda lang=lang: [
            (site_file(lang), site_calendar(site, lang, config))], [site_file(lang)])


def conclave_files(conclave: Conclave, timed: list[Session], lang: str, config: RenderConfig,
                   state: sequences.State) -> list[bytes]:
    """The conclave's calendar, then one calendar per timed session (for "add this
    session" and its subscription). Each event is serialized once, for every file it is in."""
    own = entries(conclave, lang)
    events = [Serialized.of(event(e, conclave, lang, config, state)) for e in own]
    page = urls.conclave(lang, conclave.slug)
    found = [assemble(calendar(conclave.title(lang), lang, conclave_file(lang, conclave.slug),
                               config, conclave.timezone, page=page), events)]
    by_anchor = dict(zip((e.anchor for e in own), events, strict=True))
    for session in timed:
        name = f"{session.title(lang)} · {conclave.title(lang)}"
        cal = calendar(name, lang, session_file(lang, conclave.slug, session.id), config,
                       conclave.timezone, page=page)
        found.append(assemble(cal, [by_anchor[urls.session_anchor(session.id)]]))
    return found


def site_calendar(site: Site, lang: str, config: RenderConfig) -> bytes:
    name = Gettext(lang)(N_("Sammelan: every conclave"))
    everything = calendar(name, lang, site_file(lang), config, config.timezone)
    return assemble(everything, [
        Serialized.of(event(entries(c, lang)[0], c, lang, config, site.calendar_records))
        for c in window(site)])


def window(site: Site) -> list[Conclave]:
    """The conclaves of the site-wide subscription: every one from today to a year ahead,
    and the most recent ones before today. Every conclave ever held would make a file that
    grows without end (1.9 MB at 1,000 conclaves), which subscribers' apps fetch every few
    hours; a conclave's own calendar.ics keeps its entries whatever its date."""
    ahead = site.today + AHEAD
    upcoming = [c for c in site.conclaves if c.end >= site.today and c.start <= ahead]
    recent = sorted((c for c in site.conclaves if c.end < site.today),
                    key=lambda c: (c.end, c.slug))[-RECENT_PAST:]
    shown = {id(c) for c in upcoming + recent}
    return [c for c in site.conclaves if id(c) in shown]


@dataclass(frozen=True)
class Serialized:
    """An event as the octets it has in every calendar that holds it, and its zones."""

    octets: bytes
    zones: frozenset[str]

    @classmethod
    def of(cls, component: Event) -> Serialized:
        zones = {value.params.get("TZID") for _, value in component.property_items()
                 if hasattr(value, "params")}
        return cls(component.to_ical(), frozenset(zones - {None, "UTC"}))


def assemble(cal: Calendar, events: list[Serialized]) -> bytes:
    """The calendar with its events and a VTIMEZONE for every TZID they use: what
    icalendar's to_ical would write, without serializing an event more than once."""
    end = b"END:VCALENDAR\r\n"
    head = cal.to_ical().removesuffix(end)
    zones = sorted(set().union(*(e.zones for e in events)))
    return b"".join([head, *map(vtimezone_octets, zones), *(e.octets for e in events), end])


@functools.cache
def vtimezone_octets(tzid: str) -> bytes:
    zone = vtimezone(tzid)
    return zone.to_ical() if zone else b""


def calendar(name: str, lang: str, path: str, config: RenderConfig, timezone: str,
             page: str | None = None) -> Calendar:
    """A calendar's own properties; `timezone` is where its events happen (X-WR-TIMEZONE,
    which some apps use to show floating and all-day entries)."""
    cal = Calendar()
    cal.add("prodid", PRODID.format(lang=lang.upper()))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", name, parameters={"LANGUAGE": lang})
    cal.add("x-wr-calname", name, parameters={"LANGUAGE": lang})
    cal.add("x-wr-timezone", timezone)
    cal.add("refresh-interval", REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(REFRESH))  # the older name, for Outlook
    cal.add("source", config.app_url(path), parameters={"VALUE": "URI"})
    cal.add("url", config.app_url(page if page is not None else urls.path(lang)))
    return cal


def event(entry: Entry, conclave: Conclave, lang: str, config: RenderConfig,
          state: sequences.State) -> Event:
    stamp = conclave.updated.astimezone(dt.UTC)
    page = config.app_url(urls.conclave(lang, conclave.slug))
    text = {"LANGUAGE": lang}
    ev = Event()
    ev.add("uid", f"{entry.key}@{config.domain}")
    ev.add("dtstamp", stamp)
    ev.add("last-modified", stamp)
    ev.add("sequence", sequences.sequence(entry, state))
    ev.add("summary", entry.summary, parameters=text)
    ev.add("dtstart", entry.start)
    if entry.end is not None:
        ev.add("dtend", entry.end)
    if entry.all_day:
        ev.add("transp", "TRANSPARENT")  # a day-long entry should not block the day
    ev.add("status", entry.status)
    ev.add("location", entry.location, parameters=text)
    if conclave.venue.geo:
        ev.add("geo", conclave.venue.geo)
    if entry.description:
        ev.add("description", entry.description, parameters=text)
    ev.add("url", f"{page}#{entry.anchor}" if entry.anchor else page)
    return ev


@functools.cache
def vtimezone(tzid: str) -> Timezone | None:
    """A zone's VTIMEZONE, made once per build: icalendar derives it by probing the zone's
    offsets day by day, which cost most of a build when it was done for every file."""
    try:
        return Timezone.from_tzid(tzid)
    except ValueError:  # a zone icalendar cannot describe: apps fall back on TZID's name
        return None

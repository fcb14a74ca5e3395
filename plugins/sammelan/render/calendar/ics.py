"""iCalendar files (RFC 5545, RFC 7986), built with the icalendar library from the model:
each conclave's calendar, a calendar per timed session, and every conclave in one.

Nothing here reads the clock: DTSTAMP and LAST-MODIFIED are the conclave's last source
commit (UTC), so two builds of one commit give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator

from icalendar import Calendar, Event, Timezone, vDuration

from sammelan.i18n.catalog import N_, Gettext
from sammelan.model.entities import Conclave, Site
from sammelan.render import formats, urls
from sammelan.render.calendar import sequences
from sammelan.render.calendar.entries import Entry, entries
from sammelan.render.config import RenderConfig

PRODID = "-//Sammelan//Sammelan conclave microsites//{lang}"
REFRESH = dt.timedelta(hours=12)  # how often subscribers' apps should fetch again


def conclave_file(lang: str, slug: str) -> str:
    return formats.CONCLAVE_CALENDAR.path(lang, slug=slug)


def session_file(lang: str, slug: str, session_id: str) -> str:
    return formats.SESSION_CALENDAR.path(lang, slug=slug, session=session_id)


def site_file(lang: str) -> str:
    return formats.SITE_CALENDAR.path(lang)


def render(site: Site, config: RenderConfig) -> Iterator[tuple[str, bytes]]:
    state = site.calendar_records
    for lang in config.languages:
        name = Gettext(lang)(N_("Sammelan: every conclave"))
        everything = calendar(name, lang, site_file(lang), config, config.timezone)
        for conclave in site.conclaves:
            own = entries(conclave, lang)
            everything.add_component(event(own[0], conclave, lang, config, state))
            yield conclave_file(lang, conclave.slug), to_bytes(
                conclave_calendar(conclave, own, lang, config, state))
            yield from session_files(conclave, own[1:], lang, config, state)
        yield site_file(lang), to_bytes(everything)


def conclave_calendar(conclave: Conclave, own: list[Entry], lang: str, config: RenderConfig,
                      state: sequences.State) -> Calendar:
    cal = calendar(conclave.title(lang), lang, conclave_file(lang, conclave.slug), config,
                   conclave.timezone, page=urls.conclave(lang, conclave.slug))
    for entry in own:
        cal.add_component(event(entry, conclave, lang, config, state))
    return cal


def session_files(conclave: Conclave, own: list[Entry], lang: str, config: RenderConfig,
                  state: sequences.State) -> Iterator[tuple[str, bytes]]:
    """One calendar per timed session, for "add this session" and its subscription."""
    for session in (s for s in conclave.sessions if s.timed):
        entry = next(e for e in own if e.anchor == urls.session_anchor(session.id))
        name = f"{session.title(lang)} · {conclave.title(lang)}"
        path = session_file(lang, conclave.slug, session.id)
        cal = calendar(name, lang, path, config, conclave.timezone,
                       page=urls.conclave(lang, conclave.slug))
        cal.add_component(event(entry, conclave, lang, config, state))
        yield path, to_bytes(cal)


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


def to_bytes(cal: Calendar) -> bytes:
    """The calendar with a VTIMEZONE for every TZID it uses, as CRLF-folded octets."""
    zones = [zone for zone in map(vtimezone, sorted(cal.get_missing_tzids())) if zone]
    cal.subcomponents[len(cal.timezones):len(cal.timezones)] = zones
    return cal.to_ical()


@functools.cache
def vtimezone(tzid: str) -> Timezone | None:
    """A zone's VTIMEZONE, made once per build: icalendar derives it by probing the zone's
    offsets day by day, which cost most of a build when it was done for every file."""
    try:
        return Timezone.from_tzid(tzid)
    except ValueError:  # a zone icalendar cannot describe: apps fall back on TZID's name
        return None

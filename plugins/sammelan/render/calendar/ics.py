"""iCalendar files (RFC 5545, RFC 7986) from the model: each conclave's calendar, a
calendar per timed session, and every conclave in one.

octets.py writes their lines, byte for byte as the icalendar library wrote them when it
built these files, in a tenth of the time; icalendar still derives each VTIMEZONE.
Nothing here reads the clock: DTSTAMP and LAST-MODIFIED are the conclave's last source
commit (UTC), so two builds of one commit give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from icalendar import Timezone

from sammelan.i18n.catalog import N_, Gettext
from sammelan.model.entities import Conclave, Session, Site
from sammelan.render import formats, urls
from sammelan.render.calendar.entries import Entry, conclave_entry, entries
from sammelan.render.calendar.octets import (
    duration,
    geo,
    line,
    moment,
    parameters,
    text,
    tzid,
    uri,
    verbatim,
)
from sammelan.render.config import RenderConfig
from sammelan.render.jobs import Job, Keys, together

PRODID = "-//Sammelan//Sammelan conclave microsites//{lang}"
REFRESH = dt.timedelta(hours=12)  # how often subscribers' apps should fetch again
AHEAD, RECENT_PAST = dt.timedelta(days=366), 30  # the site-wide calendar's window
BEGIN, END = b"BEGIN:VCALENDAR\r\n", b"END:VCALENDAR\r\n"
REFRESH_INTERVAL = line("REFRESH-INTERVAL", duration(REFRESH), parameters(VALUE="DURATION"))
PUBLISHED_TTL = line("X-PUBLISHED-TTL", duration(REFRESH))  # the older name, for Outlook


def conclave_file(lang: str, slug: str) -> str:
    return formats.CONCLAVE_CALENDAR.path(lang, slug=slug)


def session_file(lang: str, slug: str, session_id: str) -> str:
    return formats.SESSION_CALENDAR.path(lang, slug=slug, session=session_id)


def site_file(lang: str) -> str:
    return formats.SITE_CALENDAR.path(lang)


def jobs(site: Site, config: RenderConfig, keys: Keys) -> Iterator[Job]:
    for lang in config.languages:
        for conclave in site.conclaves:
            timed = [s for s in conclave.sessions if s.timed]
            paths = [conclave_file(lang, conclave.slug),
                     *(session_file(lang, conclave.slug, s.id) for s in timed)]
            numbers = sequences_of(site, conclave)
            yield from together("calendars", keys.conclave(conclave),
                                lambda c=conclave, t=timed, p=paths, lang=lang, n=numbers:
                                zip(p, conclave_files(c, t, lang, config, n), strict=True),
                                paths)
        # the subscription shows the conclaves of its window and nothing else of the site
        shown = keys.once("window", lambda: keys.of([keys.conclave(c) for c in window(site)]))
        yield from together("calendars", shown, lambda lang=lang: [
            (site_file(lang), site_calendar(site, lang, config))], [site_file(lang)])


def sequences_of(site: Site, conclave: Conclave) -> Mapping[str, int]:
    """The SEQUENCE of each entry of the conclave (render/calendar/sequences.py); an entry
    of a site not numbered (a model made by hand) has 0."""
    return site.calendar_sequences.get(conclave.slug, {})


def conclave_files(conclave: Conclave, timed: list[Session], lang: str, config: RenderConfig,
                   numbers: Mapping[str, int]) -> list[bytes]:
    """The conclave's calendar, then one calendar per timed session (for "add this
    session" and its subscription). Each event is serialized once, for every file it is in."""
    own = entries(conclave, lang)
    events = [event(e, conclave, lang, config, numbers.get(e.key, 0)) for e in own]
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
    name = Gettext(lang)(N_("%(site)s: every event"), site=site.settings.name(lang))
    everything = calendar(name, lang, site_file(lang), config, config.timezone)
    heads = ((conclave_entry(c, lang), c) for c in window(site))
    return assemble(everything, [event(e, c, lang, config, sequences_of(site, c).get(e.key, 0))
                                 for e, c in heads])


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


def assemble(head: bytes, events: list[Serialized]) -> bytes:
    """The calendar: its own properties, a VTIMEZONE for every TZID its events use, then
    the events, each serialized once for every file it is in."""
    zones = sorted(set().union(*(e.zones for e in events)))
    return b"".join([head, *map(vtimezone_octets, zones), *(e.octets for e in events), END])


def calendar(name: str, lang: str, path: str, config: RenderConfig, timezone: str,
             page: str | None = None) -> bytes:
    """A calendar's head: BEGIN and its own properties; `timezone` is where its events
    happen (X-WR-TIMEZONE, which some apps use to show floating and all-day entries).
    The properties are in icalendar's order: VERSION, PRODID, CALSCALE, METHOD, NAME and
    X-WR-CALNAME, then the others by name. NAME and X-WR-CALNAME are TEXT (RFC 7986 §5.1),
    escaped: icalendar knew no type for them and wrote them raw, so a comma in a name
    ("MSME for Bharat Conclave, Jhansi") cut it short for parsers such as vobject."""
    language = parameters(LANGUAGE=lang)
    url = config.app_url(page if page is not None else urls.path(lang))
    return b"".join([
        _head(lang),
        line("NAME", text(name), language),
        line("X-WR-CALNAME", text(name), language),
        REFRESH_INTERVAL,
        line("SOURCE", uri(config.app_url(path)), parameters(VALUE="URI")),
        line("URL", uri(url)),
        PUBLISHED_TTL,
        line("X-WR-TIMEZONE", verbatim(timezone)),
    ])


@functools.cache
def _head(lang: str) -> bytes:
    """What every calendar in a language begins with."""
    return b"".join([BEGIN, line("VERSION", text("2.0")),
                     line("PRODID", text(PRODID.format(lang=lang.upper()))),
                     line("CALSCALE", text("GREGORIAN")), line("METHOD", text("PUBLISH"))])


def event(entry: Entry, conclave: Conclave, lang: str, config: RenderConfig,
          sequence: int) -> Serialized:
    """The entry's VEVENT, its properties in icalendar's order: SUMMARY, DTSTART, DTEND,
    DTSTAMP, UID, SEQUENCE, then the others by name."""
    stamp, _ = moment(conclave.updated.astimezone(dt.UTC))
    page = config.app_url(urls.conclave(lang, conclave.slug))
    language = parameters(LANGUAGE=lang)
    lines = [b"BEGIN:VEVENT\r\n",
             line("SUMMARY", text(entry.summary), language),
             line("DTSTART", *moment(entry.start))]
    if entry.end is not None:
        lines.append(line("DTEND", *moment(entry.end)))
    lines += [line("DTSTAMP", stamp),
              line("UID", text(f"{entry.key}@{config.domain}")),
              line("SEQUENCE", str(sequence))]
    if entry.description:
        lines.append(line("DESCRIPTION", text(entry.description), language))
    if conclave.venue.geo:
        lines.append(line("GEO", geo(*conclave.venue.geo)))
    lines += [line("LAST-MODIFIED", stamp),
              line("LOCATION", text(entry.location), language),
              line("STATUS", text(entry.status))]
    if entry.all_day:  # a day-long entry should not block the day
        lines.append(line("TRANSP", text("TRANSPARENT")))
    lines += [line("URL", uri(f"{page}#{entry.anchor}" if entry.anchor else page)),
              b"END:VEVENT\r\n"]
    zones = {tzid(entry.start), tzid(entry.end)} - {None, "UTC"}
    return Serialized(b"".join(lines), frozenset(zones))


@functools.cache
def vtimezone_octets(name: str) -> bytes:
    """A zone's VTIMEZONE, made once per build: icalendar derives it by probing the zone's
    offsets day by day, which cost most of a build when it was done for every file."""
    try:
        zone = Timezone.from_tzid(name)
    except ValueError:  # a zone icalendar cannot describe: apps fall back on TZID's name
        return b""
    # icalendar notes the years it covers in a COMMENT right inside the VTIMEZONE, where
    # RFC 5545 §3.6.5 allows none (only inside STANDARD and DAYLIGHT): it is left out
    zone.pop("COMMENT", None)
    return zone.to_ical()

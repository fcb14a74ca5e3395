"""octets.py writes the .ics files byte for byte as icalendar wrote them: calendar apps
compare what they fetch with what they have, so not an octet may change.

icalendar stays the oracle: below is the way ics.py built the files with it (each calendar
whole, its VTIMEZONEs and events as subcomponents), and every calendar of the seeded site,
events and calendars of hostile text, and octets.py's values one by one are made both ways."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import replace
from zoneinfo import ZoneInfo

import pytest
from conftest import BUILD_EPOCH
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar, Event, Parameters, Timezone, vDuration, vGeo, vText
from sammelan.i18n.catalog import N_, Gettext
from sammelan.model.entities import Conclave, Site
from sammelan.model.loader import load_site
from sammelan.render import urls
from sammelan.render.calendar import ics, octets, sequences
from sammelan.render.calendar.entries import Entry, entries
from sammelan.render.config import RenderConfig
from sammelan.render.jobs import Keys

PUBLISHED = RenderConfig(site_url="https://sammelan.example.org", relative=False)
PREVIEW = RenderConfig()  # app addresses on the preview server, UIDs @localhost
JHANSI = "msme-for-bharat-jhansi-2025"
IST = ZoneInfo("Asia/Kolkata")

# --- the way ics.py built the files with icalendar ----------------------------------------


def old_calendar(name: str, lang: str, path: str, config: RenderConfig, timezone: str,
                 page: str | None = None) -> Calendar:
    cal = Calendar()
    cal.add("prodid", ics.PRODID.format(lang=lang.upper()))
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", vText(name), parameters={"LANGUAGE": lang})  # TEXT (RFC 7986 §5.1)
    cal.add("x-wr-calname", vText(name), parameters={"LANGUAGE": lang})
    cal.add("x-wr-timezone", timezone)
    cal.add("refresh-interval", ics.REFRESH, parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(ics.REFRESH))
    cal.add("source", config.app_url(path), parameters={"VALUE": "URI"})
    cal.add("url", config.app_url(page if page is not None else urls.path(lang)))
    return cal


def old_event(entry: Entry, conclave: Conclave, lang: str, config: RenderConfig,
              sequence: int) -> Event:
    stamp = conclave.updated.astimezone(dt.UTC)
    page = config.app_url(urls.conclave(lang, conclave.slug))
    text = {"LANGUAGE": lang}
    ev = Event()
    ev.add("uid", f"{entry.key}@{config.domain}")
    ev.add("dtstamp", stamp)
    ev.add("last-modified", stamp)
    ev.add("sequence", sequence)
    ev.add("summary", entry.summary, parameters=text)
    ev.add("dtstart", entry.start)
    if entry.end is not None:
        ev.add("dtend", entry.end)
    if entry.all_day:
        ev.add("transp", "TRANSPARENT")
    ev.add("status", entry.status)
    ev.add("location", entry.location, parameters=text)
    if conclave.venue.geo:
        ev.add("geo", conclave.venue.geo)
    if entry.description:
        ev.add("description", entry.description, parameters=text)
    ev.add("url", f"{page}#{entry.anchor}" if entry.anchor else page)
    return ev


def old_zones(event: Event) -> set[str]:
    return {value.params["TZID"] for _, value in event.property_items()
            if "TZID" in getattr(value, "params", {})} - {"UTC"}


@functools.cache
def old_vtimezone(name: str) -> Timezone | None:
    try:
        zone = Timezone.from_tzid(name)
    except ValueError:
        return None
    zone.pop("COMMENT", None)  # not allowed directly in a VTIMEZONE (RFC 5545 §3.6.5)
    return zone


def old_file(cal: Calendar, events: list[Event]) -> bytes:
    for name in sorted(set().union(*map(old_zones, events))):
        if old_vtimezone(name) is not None:
            cal.add_component(old_vtimezone(name))
    for event in events:
        cal.add_component(event)
    return cal.to_ical()


def old_files(site: Site, config: RenderConfig) -> dict[str, bytes]:
    """Every calendar file of the site, made the old way."""
    found = {}
    for lang in config.languages:
        for c in site.conclaves:
            own = entries(c, lang)
            numbers = ics.sequences_of(site, c)
            page = urls.conclave(lang, c.slug)
            path = ics.conclave_file(lang, c.slug)
            found[path] = old_file(old_calendar(c.title(lang), lang, path, config, c.timezone,
                                                page), [old_event(e, c, lang, config,
                                                                  numbers[e.key])
                                                        for e in own])
            by_anchor = {e.anchor: e for e in own}
            for s in (s for s in c.sessions if s.timed):
                path = ics.session_file(lang, c.slug, s.id)
                name = f"{s.title(lang)} · {c.title(lang)}"
                entry = by_anchor[urls.session_anchor(s.id)]
                found[path] = old_file(old_calendar(name, lang, path, config, c.timezone, page),
                                       [old_event(entry, c, lang, config,
                                                  numbers[entry.key])])
        path = ics.site_file(lang)
        name = Gettext(lang)(N_("%(site)s: every event"), site=site.settings.name(lang))
        found[path] = old_file(old_calendar(name, lang, path, config, config.timezone),
                               [old_event(entries(c, lang)[0], c, lang, config,
                                          ics.sequences_of(site, c)[c.slug])
                                for c in ics.window(site)])
    return found


def same(new: bytes, old: bytes) -> None:
    assert new.split(b"\r\n") == old.split(b"\r\n")  # pytest shows the line that differs
    assert new == old


# --- every calendar of the seeded site ------------------------------------------------------


@pytest.fixture(scope="module")
def site(seeded_root) -> Site:
    loaded = load_site(seeded_root, dt.date(2026, 1, 1), epoch=int(BUILD_EPOCH))[0]
    return sequences.numbered(seeded_root, loaded)[0]


@pytest.mark.parametrize("config", [PUBLISHED, PREVIEW], ids=["published", "preview"])
def test_every_calendar_of_the_seeded_site_is_what_icalendar_wrote(site, config):
    new = {job.path: job.make() for job in ics.jobs(site, config, Keys(site, everything="all"))}
    old = old_files(site, config)
    assert sorted(new) == sorted(old)
    assert len(old) == 12 and any("/sessions/" in path for path in old)
    for path, expected in old.items():
        same(new[path], expected)


# --- events and calendars of hostile text ---------------------------------------------------


@pytest.fixture(scope="module")
def jhansi(site) -> Conclave:
    return next(c for c in site.conclaves if c.slug == JHANSI)


def entry(**changes) -> Entry:
    """A timed session's entry, with `changes`."""
    timed = Entry(key=f"{JHANSI}-talk", summary="Talk", status="CONFIRMED",
                  start=dt.datetime(2025, 9, 19, 15, tzinfo=IST),
                  end=dt.datetime(2025, 9, 19, 18, tzinfo=IST),
                  description="Speaker: someone", location="Hall A, Jhansi",
                  anchor="session-talk")
    return replace(timed, **changes)


def both_events(event: Entry, conclave: Conclave, lang: str = "hi",
                config: RenderConfig = PUBLISHED, sequence: int = 0) -> None:
    new = ics.event(event, conclave, lang, config, sequence)
    old = old_event(event, conclave, lang, config, sequence)
    same(new.octets, old.to_ical())
    assert new.zones == old_zones(old)


def both_calendars(name: str, lang: str = "hi", config: RenderConfig = PUBLISHED,
                   timezone: str = "Asia/Kolkata", page: str | None = None) -> None:
    path = "conclaves/x/calendar.ics"
    new = ics.calendar(name, lang, path, config, timezone, page) + ics.END
    same(new, old_calendar(name, lang, path, config, timezone, page).to_ical())


HINDI = "एमएसएमई फॉर भारत कॉन्क्लेव, झांसी: उद्योग; व्यापार और विकास "
HOSTILE = [
    HINDI * 4,  # folds inside Devanagari, whose characters are 3 octets
    *(("x" * k) + HINDI * 3 for k in range(1, 3)),  # ... at each offset in a character
    *(("x" * k) + "🎉" * 40 for k in range(4)),  # 4-octet characters
    "a,b;c\\d\ne\r\nf\rg",  # TEXT's specials and every line break
    r"C:\New folder\N and \n written out",  # `\N` is read as a line break first
    '"quoted" ^caret^ colon: here’s',
    "line one\n\nline three\n",
    "",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_in_every_text_property(jhansi, text):
    both_events(entry(summary=text, description=text, location=text), jhansi)
    both_events(entry(summary=text, description=text, location=text), jhansi, "en", PREVIEW)


@pytest.mark.parametrize("special", ["\\", ",", ";", "\n", "^", "é", "\\\\", "^^", "\\N"])
def test_an_escape_at_every_octet_around_a_fold(jhansi, special):
    """icalendar never ends a folded line with a backslash or a caret: it carries it over."""
    for k in range(40, 160):
        text = "y" * k + special + "z" * 90
        both_events(entry(summary=text, description=text, location=text), jhansi)
        both_calendars(text)


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_calendar_names_are_written_as_icalendar_wrote_them(name):
    both_calendars(name)
    both_calendars(name, "en", PREVIEW, timezone="America/New_York", page="en/conclaves/x/")


def test_a_line_break_in_a_calendar_name_is_escaped_as_text():
    both_calendars("a\nb")
    assert b"NAME;LANGUAGE=hi:a\\nb\r\n" in ics.calendar(
        "a\nb", "hi", "calendar.ics", PUBLISHED, "Asia/Kolkata")


ZONES = [IST, ZoneInfo("Asia/Dubai"), ZoneInfo("America/New_York"), ZoneInfo("Europe/London"),
         ZoneInfo("Asia/Calcutta"), ZoneInfo("Australia/Lord_Howe"),
         # zones icalendar takes for UTC: written with Z and no VTIMEZONE
         ZoneInfo("UTC"), ZoneInfo("Etc/UTC"), ZoneInfo("Africa/Abidjan"), dt.UTC,
         dt.timezone(dt.timedelta(hours=5, minutes=30)), None]  # a fixed offset; floating


@pytest.mark.parametrize("zone", ZONES, ids=str)
def test_times_in_any_zone(jhansi, zone):
    start = dt.datetime(2025, 3, 9, 2, 30, 15, 999999, tzinfo=zone)
    both_events(entry(start=start, end=start + dt.timedelta(hours=5)), jhansi)
    both_events(entry(start=start, end=None), jhansi)  # a session with no end time
    both_events(entry(start=start, end=dt.datetime(2025, 3, 9, 4, tzinfo=IST)), jhansi)
    early = dt.datetime(999, 12, 31, 23, 59, 59, tzinfo=zone)  # years of fewer digits
    both_events(entry(start=early, end=None), jhansi)


@pytest.mark.parametrize("days", [(dt.date(2025, 9, 19), dt.date(2025, 9, 20)),
                                  (dt.date(2025, 9, 19), None), (dt.date(99, 1, 2), None)])
def test_all_day_entries(jhansi, days):
    start, end = days
    both_events(entry(start=start, end=end, anchor=""), jhansi)


@pytest.mark.parametrize("geo", [None, (25.4484, 78.5685), (31, 77), (-33.8688, 151.2093),
                                 (1e-05, -180.0), (0.1 + 0.2, 12.345678901234567)])
def test_geo_present_or_absent(jhansi, geo):
    both_events(entry(), replace(jhansi, venue=replace(jhansi.venue, geo=geo)))


@pytest.mark.parametrize("updated", [
    dt.datetime(2025, 8, 1, 12, 30, tzinfo=dt.UTC),
    dt.datetime(2025, 8, 1, 3, 4, 5, 678, tzinfo=IST),  # the stamp is in UTC, Z
    dt.datetime(2025, 12, 31, 23, 0, tzinfo=ZoneInfo("America/Los_Angeles"))])
def test_stamps_are_in_utc(jhansi, updated):
    both_events(entry(), replace(jhansi, updated=updated))


def test_sequence_status_and_the_rest(jhansi):
    both_events(entry(status="CANCELLED", description=""), jhansi, sequence=2**31 - 1)
    both_events(entry(), jhansi, sequence=5)
    both_events(entry(anchor=""), jhansi, config=RenderConfig(
        site_url="https://example.org/a,b;c/" + "long-" * 20, relative=False))
    for real in jhansi_entries(jhansi):
        both_events(real, jhansi)


def jhansi_entries(conclave: Conclave) -> list[Entry]:
    return entries(conclave, "hi") + entries(conclave, "en")


# --- octets.py's values one by one --------------------------------------------------------


TEXTS = st.text(st.sampled_from(list("ab \\;,:^\"\n\rN’é") + ["ह", "्", "🎉"]), max_size=300)


@settings(max_examples=300, deadline=None, database=None)
@given(summary=TEXTS, description=TEXTS, location=st.text(max_size=200))
def test_any_text(jhansi, summary, description, location):
    both_events(entry(summary=summary, description=description, location=location), jhansi)


@settings(max_examples=200, deadline=None, database=None)
@given(name=TEXTS.filter(lambda t: "\n" not in t))
def test_any_calendar_name(name):
    both_calendars(name)


@pytest.mark.parametrize("value", ["hi", "en-IN", "a,b", "a;b", "x:y", "en’", 'say "hi"',
                                   "a^b", "one\ntwo", "one\r\ntwo", "cr\r", "^n"])
def test_parameter_values_are_escaped_and_quoted_as_icalendar_does(value):
    assert octets.parameters(LANGUAGE=value) == ";" + Parameters(
        {"LANGUAGE": value}).to_ical().decode()
    assert octets.parameters(VALUE="DATE", TZID=value) == ";" + Parameters(
        {"VALUE": "DATE", "TZID": value}).to_ical().decode()


@pytest.mark.parametrize("delta", [dt.timedelta(hours=12), dt.timedelta(0), dt.timedelta(days=2),
                                   dt.timedelta(days=1, hours=1, seconds=5),
                                   dt.timedelta(minutes=90), dt.timedelta(seconds=59),
                                   -dt.timedelta(hours=3, minutes=1), -dt.timedelta(days=8)])
def test_durations(delta):
    assert octets.duration(delta) == vDuration(delta).to_ical().decode()


def test_geo_values():
    for value in [(1.0, 2.0), (1e-7, -1e22), (float("0.1"), 3)]:
        assert octets.geo(*value) == vGeo(value).to_ical()

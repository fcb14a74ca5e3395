"""The "add to calendar" links a page offers: the .ics file, its webcal:// subscription
and a Google Calendar template, for a conclave, a timed session, or every conclave."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sammelan.model.entities import Conclave, Session
from sammelan.render import formats, urls
from sammelan.render.calendar import ics
from sammelan.render.calendar.entries import Entry, conclave_entry, session_entry
from sammelan.render.config import RenderConfig

GOOGLE = "https://calendar.google.com/calendar/render"


@dataclass(frozen=True)
class Links:
    ics: str
    webcal: str
    google: str


class CalendarLinks:
    """Made once per page: `ics` follows the page's links (relative in preview);
    webcal:// and Google need absolute URLs (see RenderConfig.app_base)."""

    def __init__(self, lang: str, linker: urls.Linker, config: RenderConfig):
        self.lang = lang
        self.url = linker
        self.config = config

    def conclave(self, c: Conclave) -> Links:
        path = ics.conclave_file(self.lang, c.slug)
        return self._links(formats.CONCLAVE_CALENDAR, path, conclave_entry(c, self.lang), c)

    def session(self, c: Conclave, s: Session) -> Links:
        path = ics.session_file(self.lang, c.slug, s.id)
        return self._links(formats.SESSION_CALENDAR, path, session_entry(c, s, self.lang), c)

    def every_conclave(self) -> Links:
        path = ics.site_file(self.lang)
        feed = self.config.subscribe(formats.SITE_CALENDAR, path)
        # Google Calendar subscribes to a feed given by its address.
        google = f"{GOOGLE}?{query({'cid': feed})}"
        return Links(self.url(path), feed, google)

    def _links(self, fmt: formats.OutputFormat, path: str, entry: Entry, c: Conclave) -> Links:
        return Links(self.url(path), self.config.subscribe(fmt, path),
                     google_link(entry, self._page(c, entry), c.timezone))

    def _page(self, c: Conclave, entry: Entry) -> str:
        page = self.config.app_url(urls.conclave(self.lang, c.slug))
        return f"{page}#{entry.anchor}" if entry.anchor else page


def google_link(entry: Entry, page: str, timezone: str) -> str:
    """A Google Calendar "create event" link with the entry's facts filled in."""
    details = f"{entry.description}\n\n{page}" if entry.description else page
    fields = {"action": "TEMPLATE", "text": entry.summary, "dates": _dates(entry),
              "details": details, "location": entry.location, "ctz": timezone}
    return f"{GOOGLE}?{query(fields)}"


# Every byte but the unreserved characters of RFC 3986 percent-encoded, as urllib's
# quote(safe="") does it, but by one translation of the whole text: urllib's loop over
# each byte in Python was a tenth of the time of a conclave page, whose agenda links
# every session, its Hindi words three bytes to a letter.
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~")
_ESCAPED = {byte: chr(byte) if byte in _UNRESERVED else f"%{byte:02X}" for byte in range(256)}


def query(fields: dict[str, str]) -> str:
    """A URL's query of these fields, each name and value percent-encoded."""
    return "&".join(f"{_escaped(name)}={_escaped(value)}" for name, value in fields.items())


def _escaped(text: str) -> str:
    return text.encode("utf-8").decode("latin-1").translate(_ESCAPED)


def _dates(entry: Entry) -> str:
    """start/end as Google wants them: dates for all-day entries (end exclusive), local
    times otherwise (read in `ctz`); an entry without an end ends when it starts."""
    end = entry.end if entry.end is not None else entry.start
    if entry.all_day:
        return f"{entry.start:%Y%m%d}/{end:%Y%m%d}"
    return f"{_local(entry.start)}/{_local(end)}"


def _local(moment: dt.datetime) -> str:
    return moment.strftime("%Y%m%dT%H%M%S")

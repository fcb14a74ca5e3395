"""The immutable model every renderer reads: Site → Conclave → Session, the entities
referenced by slug (Speaker, Scheme, Organization, Venue, NewsItem), and the site's own
settings (SiteSettings)."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sammelan.model.choices import (
    Attendance,
    ConclaveStatus,
    DateInference,
    OrganizationKind,
    OrganizingRole,
    Participation,
    PersonPart,
    SessionKind,
    SessionStatus,
    SpeakerRole,
)

LANGUAGES = ("hi", "en")
# `updated` of an entity built outside the loader (the loader stamps each one with the
# last commit of its sources, see provenance.py).
UNDATED = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
DEFAULT_LANGUAGE = "hi"
# India's zone: a conclave's unless it names another, news times, and "today" of a build
IST = "Asia/Kolkata"


@dataclass(frozen=True)
class Text:
    """A text in both languages."""

    hi: str
    en: str

    def __call__(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class Html:
    """Markdown prose rendered to safe HTML, per language (either may be empty)."""

    hi: str = ""
    en: str = ""

    def __call__(self, lang: str) -> str:
        return getattr(self, lang)


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Venue:
    slug: str
    name: Text
    city: Text
    state: Text
    address: Text | None = None
    district: Text | None = None
    pin: str | None = None
    geo: tuple[float, float] | None = None
    directions: Html = Html()

    def full_address(self, lang: str) -> str:
        text = self.joined(lang, "name", "address", "city", "district", "state")
        return f"{text} {self.pin}" if self.pin else text

    def joined(self, lang: str, *fields: str) -> str:
        """The named parts of the place that it has, in order, each once: a district that
        is its city ("Ludhiana, Ludhiana"), a place named for its town, or a town the name
        already ends with ("Business Centre, Shoghi, Shoghi") is said once."""
        parts: list[str] = []
        said: set[str] = set()
        for name in fields:
            value = getattr(self, name)
            if value is not None and _folded(value(lang)) not in said:
                parts.append(value(lang))
                said.update(_folded(piece) for piece in [value(lang), *value(lang).split(",")])
        return ", ".join(parts)


@dataclass(frozen=True)
class Organization:
    slug: str
    name: Text
    kind: OrganizationKind
    acronym: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Speaker:
    slug: str
    name: Text
    designation: Text
    status: Participation
    honorific: Text | None = None
    organization: Organization | None = None
    photo: str | None = None
    links: tuple[str, ...] = ()
    bio: Html = Html()
    updated: dt.datetime = UNDATED

    @property
    def tentative(self) -> bool:
        return self.status == Participation.TENTATIVE


@dataclass(frozen=True)
class Scheme:
    slug: str
    name: Text
    owner: Organization
    acronym: str | None = None
    url: str | None = None
    about: Html = Html()
    updated: dt.datetime = UNDATED


@dataclass(frozen=True)
class SessionSpeaker:
    speaker: Speaker
    role: SpeakerRole


@dataclass(frozen=True)
class Session:
    id: str
    title: Text
    kind: SessionKind
    date: dt.date | None = None
    start: dt.time | None = None
    end: dt.time | None = None
    track: Text | None = None
    status: SessionStatus = SessionStatus.SCHEDULED
    sequence: int = 0
    summary: Text | None = None
    speakers: tuple[SessionSpeaker, ...] = ()
    organizations: tuple[Organization, ...] = ()
    schemes: tuple[Scheme, ...] = ()

    @property
    def timed(self) -> bool:
        return self.date is not None and self.start is not None

    @property
    def cancelled(self) -> bool:
        return self.status == SessionStatus.CANCELLED

    def starts_at(self, tz: dt.tzinfo) -> dt.datetime | None:
        if not self.timed:
            return None
        return dt.datetime.combine(self.date, self.start, tzinfo=tz)

    def ends_at(self, tz: dt.tzinfo) -> dt.datetime | None:
        if not self.timed or self.end is None:
            return None
        return dt.datetime.combine(self.date, self.end, tzinfo=tz)


@dataclass(frozen=True)
class OrganizerRole:
    organization: Organization
    roles: tuple[OrganizingRole, ...]


@dataclass(frozen=True)
class Participant:
    organization: Organization
    status: Participation


@dataclass(frozen=True)
class Person:
    """Someone named in connection with a conclave but not on its agenda: what they did
    (`part`), and more about it in the report's words (`role`)."""

    speaker: Speaker
    part: PersonPart
    role: Text | None = None


@dataclass(frozen=True)
class Hours:
    """A conclave's hours, each day, as a report gives them for the whole event."""

    start: dt.time
    end: dt.time | None = None


@dataclass(frozen=True)
class Conclave:
    slug: str
    title: Text
    status: ConclaveStatus
    start: dt.date
    end: dt.date
    venue: Venue
    organizers: tuple[OrganizerRole, ...]
    sessions: tuple[Session, ...]
    timezone: str = IST
    attendance: Attendance = Attendance.OFFLINE
    previous_start: dt.date | None = None
    hours: Hours | None = None
    dates_inferred: tuple[DateInference, ...] = ()
    registration: str | None = None
    participants: tuple[Participant, ...] = ()
    people: tuple[Person, ...] = ()
    schemes: tuple[Scheme, ...] = ()
    topics: tuple[Text, ...] = ()
    highlights: tuple[Text, ...] = ()
    description: Html = Html()
    updated: dt.datetime = UNDATED

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def timed(self) -> bool:
        """Whether a session has a time: the conference apps' schedule is made of those
        alone (render/schedule/frab.py)."""
        return any(s.timed for s in self.sessions)

    @property
    def on_schedule(self) -> bool:
        """Whether conference apps get a schedule of it (render/schedule/frab.py): a
        session with a time, or else the hours the report gives for the whole conclave."""
        return self.timed or self.hours is not None

    @property
    def days(self) -> tuple[dt.date, ...]:
        count = (self.end - self.start).days + 1
        return tuple(self.start + dt.timedelta(days=i) for i in range(count))

    def all_schemes(self) -> tuple[Scheme, ...]:
        """Schemes of the conclave and of its sessions, each once, in order of mention."""
        seen: dict[str, Scheme] = {s.slug: s for s in self.schemes}
        for session in self.sessions:
            for scheme in session.schemes:
                seen.setdefault(scheme.slug, scheme)
        return tuple(seen.values())

    def speaker_roles(self) -> tuple[SessionSpeaker, ...]:
        """Each speaker on the agenda once, with their first role, in agenda order."""
        seen: dict[str, SessionSpeaker] = {}
        for session in self.sessions:
            for entry in session.speakers:
                seen.setdefault(entry.speaker.slug, entry)
        return tuple(seen.values())

    def speakers(self) -> tuple[Speaker, ...]:
        return tuple(entry.speaker for entry in self.speaker_roles())

    def chief_guests(self) -> tuple[Speaker, ...]:
        return tuple(e.speaker for s in self.sessions for e in s.speakers
                     if e.role == SpeakerRole.CHIEF_GUEST)


@dataclass(frozen=True)
class NewsItem:
    slug: str
    title: Text
    published: dt.datetime
    body: Html
    conclave: Conclave | None = None
    updated: dt.datetime = UNDATED

    @property
    def modified(self) -> dt.datetime:
        """A report's own date counts too: its sources may predate its publication."""
        return max(self.published, self.updated)


@dataclass(frozen=True)
class CalendarRecord:
    """What data/calendar-sequences.json remembers of one calendar entry: a floor for its
    SEQUENCE, and its state then (sequences.py)."""

    sequence: int
    state: str


@dataclass(frozen=True)
class SiteSettings:
    """Who the site is (data/site.yaml): what every page says of it beside its content."""

    name: Text
    description: Text | None = None  # None: the interface's own words about the site
    publisher: Organization | None = None
    email: str | None = None
    phone: str | None = None
    statement: Text | None = None  # where the facts come from, in every page's footer
    url: str | None = None  # the published address, without a trailing slash

    @property
    def contact(self) -> bool:
        return bool(self.email or self.phone)


# A site without data/site.yaml: the generator's own name, and no publisher.
DEFAULT_SETTINGS = SiteSettings(name=Text(hi="सम्मेलन", en="Sammelan"))


@dataclass(frozen=True)
class Site:
    conclaves: tuple[Conclave, ...]
    speakers: tuple[Speaker, ...]
    schemes: tuple[Scheme, ...]
    organizations: tuple[Organization, ...]
    venues: tuple[Venue, ...]
    news: tuple[NewsItem, ...]
    today: dt.date = field(default_factory=dt.date.today)
    calendar_records: Mapping[str, CalendarRecord] = field(default_factory=dict)
    settings: SiteSettings = DEFAULT_SETTINGS
    # conclave slug → calendar entry key → its SEQUENCE, counted by sequences.numbered
    calendar_sequences: Mapping[str, Mapping[str, int]] = field(default_factory=dict)
    # what data/changed.json records of each feed entry (render/feeds.py): its key →
    # (a digest of what it said, when it came to say that)
    entry_changes: Mapping[str, tuple[str, dt.datetime]] = field(default_factory=dict)
    # (kind, slug) → a digest of what the entity was made from: its files' bytes, when
    # they changed, and the same digest of each entity it refers to (model/loader.py).
    # Empty when the build did not digest its files (render/jobs.py pickles them then).
    sources: Mapping[tuple[str, str], str] = field(default_factory=dict)

    def made_from(self, entity: object) -> str | None:
        """The digest of what an entity was made from (`sources`), if known."""
        kind = KIND.get(type(entity))
        return self.sources.get((kind, entity.slug)) if kind else None

    def upcoming(self) -> tuple[Conclave, ...]:
        return tuple(sorted((c for c in self.conclaves if c.end >= self.today),
                            key=lambda c: c.start))

    def past(self) -> tuple[Conclave, ...]:
        return tuple(sorted((c for c in self.conclaves if c.end < self.today),
                            key=lambda c: c.start, reverse=True))

    def sessions_of(self, speaker: Speaker) -> tuple[tuple[Conclave, Session], ...]:
        return self._index["sessions"].get(speaker.slug, ())

    def mentions_of(self, speaker: Speaker) -> tuple[tuple[Conclave, Person], ...]:
        return self._index["mentions"].get(speaker.slug, ())

    def conclaves_discussing(self, scheme: Scheme) -> tuple[Conclave, ...]:
        return self._index["discussing"].get(scheme.slug, ())

    def news_of(self, conclave: Conclave) -> tuple[NewsItem, ...]:
        return self._index["news"].get(conclave.slug, ())

    @functools.cached_property
    def _index(self) -> dict[str, dict[str, tuple]]:
        """Who appears where, by slug, made in one pass: asking each speaker's page to scan
        every session made a build grow with the square of the content."""
        index: dict[str, dict[str, list]] = {
            "sessions": {}, "mentions": {}, "discussing": {}, "news": {}}
        for c in self.conclaves:
            for s in c.sessions:
                for slug in dict.fromkeys(e.speaker.slug for e in s.speakers):
                    index["sessions"].setdefault(slug, []).append((c, s))
            for p in c.people:
                index["mentions"].setdefault(p.speaker.slug, []).append((c, p))
            for scheme in c.all_schemes():
                index["discussing"].setdefault(scheme.slug, []).append(c)
        for n in self.news:
            if n.conclave:
                index["news"].setdefault(n.conclave.slug, []).append(n)
        return {name: {k: tuple(v) for k, v in table.items()} for name, table in index.items()}


# Each entity's kind, as the sources name it (data/<kind>s/, `invoke new <kind>`)
KIND = {Venue: "venue", Organization: "organization", Speaker: "speaker", Scheme: "scheme",
        Conclave: "conclave", NewsItem: "news"}

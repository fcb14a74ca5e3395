"""What a conclave's page and poster show worked out from the model, when the page is
rendered: the agenda as days of time slots (parallel sessions together, untimed ones once a
day), the people named once, the highlights and topics the agenda does not already say,
the sessions moved since first announced, and each day's hours for the poster."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from sammelan.model.choices import PersonPart
from sammelan.model.entities import LANGUAGES, Conclave, Person, Session, Speaker, Text
from sammelan.render.calendar.entries import session_key
from sammelan.render.pages import Page


def shown(page: Page, sequences: Mapping[str, Mapping[str, int]]) -> dict:
    """What a page shows worked out from its entity, beside the entity itself: made only
    when the page is rendered, not whenever the pages are listed (the sitemap, the keys).
    `sequences`: each conclave's calendar SEQUENCE numbers (Site.calendar_sequences)."""
    if page.template == "poster":
        return {"days": poster_days(page.context["conclave"])}
    if page.template != "conclave":
        return {}
    conclave = page.context["conclave"]
    return {"agenda": agenda(conclave),
            "highlights": unsaid(conclave.highlights, conclave.sessions),
            "topics": unsaid(conclave.topics, conclave.sessions),
            "speakers": named(conclave), "people": people(conclave),
            "moved": moved(conclave, sequences.get(conclave.slug, {}))}


@dataclass(frozen=True)
class PosterDay:
    """A day of a conclave as its poster gives it: from the first start to the last end
    of its sessions that still take place."""

    date: dt.date
    start: dt.time
    end: dt.time | None = None


def poster_days(conclave: Conclave) -> list[PosterDay]:
    """The days whose hours are announced, with those hours: the times that bring people
    to the door, not the agenda (which the QR code leads to). The conclave's own hours,
    when a report gives them, are every day's."""
    if conclave.hours is not None:
        return [PosterDay(day, conclave.hours.start, conclave.hours.end)
                for day in conclave.days]
    days: dict[dt.date, list[Session]] = {}
    for session in conclave.sessions:
        if session.timed and not session.cancelled:
            days.setdefault(session.date, []).append(session)
    return [PosterDay(day, min(s.start for s in held),
                      max((s.end or s.start for s in held), default=None))
            for day, held in sorted(days.items())]


def moved(conclave: Conclave, numbers: Mapping[str, int]) -> frozenset[str]:
    """The sessions whose day, time or place changed since they were first announced: their
    calendar entry's SEQUENCE has risen (render/calendar/states.py), and they still take
    place (a cancelled one says so instead)."""
    return frozenset(s.id for s in conclave.sessions if not s.cancelled
                     and numbers.get(session_key(conclave.slug, s.id), 0) > 0)


@dataclass(frozen=True)
class Slot:
    """Sessions that share a place in a day's timeline: one session, several whose times
    overlap (parallel sessions in different rooms, shown side by side), or every session
    of the day whose time is not announced (start None: "time to be announced" once)."""

    sessions: tuple[Session, ...]

    @property
    def start(self) -> dt.time | None:
        return self.sessions[0].start

    @property
    def end(self) -> dt.time | None:
        ends = [s.end for s in self.sessions if s.end is not None]
        return max(ends) if ends else None

    @property
    def parallel(self) -> bool:
        return self.start is not None and len(self.sessions) > 1

    @property
    def shared_time(self) -> bool:
        """Whether every session of the slot has the slot's times (else each says its own)."""
        return all((s.start, s.end) == (self.start, self.end) for s in self.sessions)


@dataclass(frozen=True)
class Day:
    date: dt.date | None  # None: the sessions whose day is not announced
    slots: tuple[Slot, ...]

    @property
    def timed(self) -> bool:
        return any(slot.start is not None for slot in self.slots)


def agenda(conclave: Conclave) -> list[Day]:
    """Sessions grouped by day in date order (those whose day is not announced last), each
    day's timed sessions in slots by start, then its untimed ones in one slot."""
    days: dict = {}
    for session in conclave.sessions:
        days.setdefault(session.date, []).append(session)
    order = sorted(d for d in days if d is not None)
    if None in days:
        order.append(None)
    return [Day(day, slots(sorted(days[day], key=_session_order))) for day in order]


def slots(sessions: list[Session]) -> tuple[Slot, ...]:
    """Timed sessions whose times overlap share a slot; untimed ones share the last."""
    timed = [s for s in sessions if s.start is not None]
    groups: list[list[Session]] = []
    until = dt.time.min  # the latest end (or start) of the open group
    for session in timed:
        # an overlap, or the same start (sessions without an end that begin together)
        if groups and (session.start < until or session.start == groups[-1][0].start):
            groups[-1].append(session)
        else:
            groups.append([session])
            until = dt.time.min
        until = max(until, session.end or session.start)
    untimed = [s for s in sessions if s.start is None]
    return tuple(Slot(tuple(g)) for g in [*groups, *([untimed] if untimed else [])])


@dataclass(frozen=True)
class Named:
    """A speaker of the conclave, listed once under "Speakers"."""

    speaker: Speaker


def named(conclave: Conclave) -> list[Named]:
    """Who speaks in a session: only they are the conclave's speakers. Someone a report
    names as present or taking part is listed by people(), with what they did."""
    return [Named(e.speaker) for e in conclave.speaker_roles()]


def people(conclave: Conclave) -> list[tuple[PersonPart, list[Person]]]:
    """The conclave's `people` by what they did, in the order of PersonPart, each group in
    the order of the data."""
    groups = {part: [p for p in conclave.people if p.part == part] for part in PersonPart}
    return [(part, found) for part, found in groups.items() if found]


def _session_order(session: Session):
    return (session.start is None, session.start or 0, session.track.en if session.track else "")


def unsaid(items: tuple[Text, ...], sessions: tuple[Session, ...]) -> list[Text]:
    """The highlights or topics that the agenda does not already say: an item is said when
    the session titles hold all its words ("Seminars, panel discussions and workshops") or
    one session's title and summary hold most of them (a topic that is the subject of a
    seminar), in either language, so both pages keep the same items. The page then states
    each fact once."""
    if not items:
        return []
    agendas = {lang: _agenda_words(sessions, lang) for lang in LANGUAGES}
    return [item for item in items
            if not any(_said(_words(item(lang)), *agendas[lang]) for lang in LANGUAGES)]


def _agenda_words(sessions: tuple[Session, ...], lang: str) -> tuple[set[str], list[set[str]]]:
    """The words of all session titles, and of each session's title and summary."""
    titles = set().union(*(_words(s.title(lang)) for s in sessions))
    texts = [_words(s.title(lang) + " " + (s.summary(lang) if s.summary else ""))
             for s in sessions]
    return titles, texts


def _said(words: set[str], titles: set[str], texts: list[set[str]]) -> bool:
    return not words or words <= titles or any(
        len(words & text) >= SAID * len(words) for text in texts)


# The share of an item's words one session must hold for the item to count as said there.
SAID = 0.6
# Words that say nothing on their own, left out when items and sessions are compared.
STOP_WORDS = frozenset(
    "a an and are as at be by for from in is of on or the to will with "
    "और एवं तथा के की का में से पर को है हैं होंगे होगी होगा भी जिनमें".split())


def _words(text: str) -> set[str]:
    return {_stem(w) for w in _WORD_BREAK.split(text.casefold())
            if w and w not in STOP_WORDS}


_WORD_BREAK = re.compile(r"[^\w\u0900-\u097f]+")
_ENDING = re.compile(r"(?<=..)[\u0901\u0902\u0905-\u0914\u093e-\u094c]+$")


@functools.lru_cache(maxsize=1 << 16)  # an agenda's words recur on every page and in both
def _stem(word: str) -> str:
    """A word without its ending, so that forms of one word compare equal: "seminars" and
    "seminar", "रणनीतियां" and "रणनीतियों", "संभावनाएं" and "संभावनाओं" (the vowels and
    nasal marks that end a Devanagari word)."""
    stem = _ENDING.sub("", word)
    return stem[:-1] if stem == word and len(word) > 3 and word.endswith("s") else stem

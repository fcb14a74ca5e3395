"""Which HTML pages the site has: one template per kind, rendered once per language."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from sammelan.i18n.catalog import N_
from sammelan.model.entities import LANGUAGES, Conclave, Session, Site, Speaker, Text
from sammelan.render import formats, urls
from sammelan.render.calendar.entries import session_key

# The home page shows the next conclaves and the latest past ones; the conclaves page
# lists every one.
HOME_UPCOMING, HOME_PAST = 12, 6


@dataclass(frozen=True)
class Page:
    path: str
    template: str
    lang: str
    context: dict = field(default_factory=dict)

    @property
    def indexable(self) -> bool:
        """Whether search engines should list it (else no canonical link, no hreflang, no
        sitemap entry, and `noindex`): not a "not found" page, which is served at any
        address and has no canonical one; not a conclave's poster, a sheet to print whose
        facts are its conclave page's, which a search should lead to instead."""
        return self.template not in UNLISTED


# The kinds of page that search engines are asked not to list (Page.indexable).
UNLISTED = frozenset({"404", "poster"})
# The folder of a conclave's poster, under its page's.
POSTER = "poster"


def all_pages(site: Site, languages: tuple[str, ...] = LANGUAGES) -> Iterator[Page]:
    for lang in languages:
        yield Page(urls.path(lang), "home", lang)
        yield Page(urls.path(lang, "conclaves"), "conclaves", lang)
        for conclave in site.conclaves:
            yield Page(urls.conclave(lang, conclave.slug), "conclave", lang,
                       {"conclave": conclave})
            yield Page(urls.path(lang, "conclaves", conclave.slug, POSTER), "poster", lang,
                       {"conclave": conclave})
        yield Page(urls.path(lang, "speakers"), "speakers", lang)
        for speaker in site.speakers:
            yield Page(urls.path(lang, "speakers", speaker.slug), "speaker", lang,
                       {"speaker": speaker})
        yield Page(urls.path(lang, "schemes"), "schemes", lang)
        for scheme in site.schemes:
            yield Page(urls.path(lang, "schemes", scheme.slug), "scheme", lang,
                       {"scheme": scheme})
        yield Page(urls.path(lang, "news"), "news", lang)
        for item in site.news:
            yield Page(urls.path(lang, "news", item.slug), "news_item", lang, {"item": item})
        # what a government site is expected to carry (GIGW 3.0), linked from every footer
        for template, folder in ABOUT_SITE.items():
            yield Page(urls.path(lang, folder), template, lang)
        yield Page(formats.NOT_FOUND.path(lang), "404", lang)


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
            "speakers": named(conclave),
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
    to the door, not the agenda (which the QR code leads to)."""
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


# The pages about the site itself: template → folder.
ABOUT_SITE = {"accessibility": "accessibility", "help": "help", "site_map": "sitemap"}
# The names of the pages that are about no one entity.
TITLES = {"home": N_("Home"), "conclaves": N_("Events"), "speakers": N_("Speakers"),
          "schemes": N_("Schemes"), "news": N_("News"),
          "accessibility": N_("Accessibility statement"), "help": N_("Help and contact"),
          "site_map": N_("Site map"), "404": N_("Page not found"), "poster": N_("Poster")}
# The section of the HTML site map each kind of page is listed under.
SITE_MAP_SECTIONS = {"home": "about", "accessibility": "about", "help": "about",
                     "site_map": "about", "conclaves": "conclaves", "conclave": "conclaves",
                     "speakers": "speakers", "speaker": "speakers", "schemes": "schemes",
                     "scheme": "schemes", "news": "news", "news_item": "news"}
SITE_MAP_HEADINGS = {"conclaves": N_("Events"), "speakers": N_("Speakers"),
                     "schemes": N_("Schemes"), "news": N_("News"),
                     "about": N_("About this site")}


def name(page: Page, gettext) -> str:
    """What a page is called: the name of its entity, or the name of its kind."""
    for key, field_name in (("conclave", "title"), ("speaker", "name"), ("scheme", "name"),
                            ("item", "title")):
        if key in page.context:
            return getattr(page.context[key], field_name)(page.lang)
    return gettext(TITLES[page.template])


def site_map(site: Site, lang: str, gettext) -> list[tuple[str, list[tuple[str, str]]]]:
    """Every page of one language that sitemap.xml lists, as (heading, [(name, path)]) by
    section, in the order of all_pages: the HTML site map cannot miss a page."""
    sections: dict[str, list[tuple[str, str]]] = {key: [] for key in SITE_MAP_HEADINGS}
    for page in all_pages(site, (lang,)):
        if page.indexable:
            sections[SITE_MAP_SECTIONS[page.template]].append((name(page, gettext), page.path))
    return [(gettext(SITE_MAP_HEADINGS[key]), found) for key, found in sections.items()
            if found]


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
    """A person of the conclave, listed once under "Speakers": who speaks in a session,
    and who is named with what they do (`role`, from the conclave's `people`)."""

    speaker: Speaker
    role: Text | None = None


def named(conclave: Conclave) -> list[Named]:
    found: dict[str, Named] = {e.speaker.slug: Named(e.speaker) for e in conclave.speaker_roles()}
    for person in conclave.people:
        found[person.speaker.slug] = Named(person.speaker, person.role)
    return list(found.values())


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

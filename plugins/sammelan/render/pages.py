"""Which HTML pages the site has: one template per kind, rendered once per language."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from sammelan.model.entities import LANGUAGES, Conclave, Session, Site
from sammelan.render import formats, urls

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
        """Whether search engines should list it: a "not found" page is served at any
        address and has no canonical one (no canonical link, no sitemap entry)."""
        return self.template != "404"


def all_pages(site: Site, languages: tuple[str, ...] = LANGUAGES) -> Iterator[Page]:
    for lang in languages:
        yield Page(urls.path(lang), "home", lang)
        yield Page(urls.path(lang, "conclaves"), "conclaves", lang)
        for conclave in site.conclaves:
            yield Page(urls.conclave(lang, conclave.slug), "conclave", lang,
                       {"conclave": conclave, "agenda": agenda(conclave)})
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
        yield Page(formats.NOT_FOUND.path(lang), "404", lang)


def agenda(conclave: Conclave) -> list[tuple[object, list[Session]]]:
    """Sessions grouped by day in date order, timed ones first in a day, then by start;
    sessions whose day is not announced come last under the key None."""
    days: dict = {}
    for session in conclave.sessions:
        days.setdefault(session.date, []).append(session)
    order = sorted(d for d in days if d is not None)
    if None in days:
        order.append(None)
    return [(day, sorted(days[day], key=_session_order)) for day in order]


def _session_order(session: Session):
    return (session.start is None, session.start or 0, session.track.en if session.track else "")

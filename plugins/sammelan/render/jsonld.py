"""schema.org JSON-LD for each page, built as dicts from the model (never by reading the
written HTML back), and serialized so that no text can end the <script> element."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable

from sammelan.i18n.catalog import N_, Gettext
from sammelan.model.choices import Attendance, ConclaveStatus, exhaustive
from sammelan.model.entities import (
    Conclave,
    NewsItem,
    Organization,
    Session,
    SessionSpeaker,
    Site,
    SiteSettings,
    Speaker,
    Venue,
)
from sammelan.render import formats, urls
from sammelan.render.config import RenderConfig
from sammelan.render.pages import LISTS, Page
from sammelan.render.pages import name as page_name
from sammelan.render.plaintext import first_paragraph

SCHEMA = "https://schema.org"
EVENT_STATUS = exhaustive(ConclaveStatus, {
    ConclaveStatus.SCHEDULED: "EventScheduled", ConclaveStatus.POSTPONED: "EventPostponed",
    ConclaveStatus.RESCHEDULED: "EventRescheduled", ConclaveStatus.CANCELLED: "EventCancelled",
    ConclaveStatus.MOVED_ONLINE: "EventMovedOnline",
    # schema.org has no "took place": a held event kept its schedule.
    ConclaveStatus.HELD: "EventScheduled", ConclaveStatus.UNREPORTED: "EventScheduled"})
ATTENDANCE = exhaustive(Attendance, {
    Attendance.OFFLINE: "OfflineEventAttendanceMode",
    Attendance.ONLINE: "OnlineEventAttendanceMode",
    Attendance.MIXED: "MixedEventAttendanceMode"})
# Inside a JSON string these escapes mean the same characters, but the HTML parser never
# sees "</script>" or "<!--"; U+2028/9 would end a line in older JavaScript parsers.
_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
            ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))

# Breadcrumb trail: the section each kind of page belongs to.
SECTIONS = {"conclaves": ("conclaves", N_("Events")), "conclave": ("conclaves", N_("Events")),
            "speakers": ("speakers", N_("Speakers")), "speaker": ("speakers", N_("Speakers")),
            "schemes": ("schemes", N_("Schemes")), "scheme": ("schemes", N_("Schemes")),
            "news": ("news", N_("News")), "news_item": ("news", N_("News")),
            "poster": ("conclaves", N_("Events"))}


def to_script(data: dict) -> str:
    """JSON for a <script type="application/ld+json"> element, inert whatever the text."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # str.replace, not str.translate: translate looks up every character of a Devanagari
    # text in a dict (0.6 ms a page, 5 s of CPU at 1,000 conclaves); these characters are rare.
    for character, escape in _ESCAPES:
        if character in text:
            text = text.replace(character, escape)
    return text


def for_page(site: Site, page: Page, config: RenderConfig) -> list[dict]:
    """The page's JSON-LD objects: its BreadcrumbList, then what the page is about."""
    found = [breadcrumbs(page, config)]
    main = MAIN.get(page.template)
    if main is not None:
        found.append(main(site, page, config))
    return found


def breadcrumbs(page: Page, config: RenderConfig) -> dict:
    items = [{"@type": "ListItem", "position": i, "name": name, "item": config.absolute(path)}
             for i, (name, path) in enumerate(trail(page), start=1)]
    return {"@context": SCHEMA, "@type": "BreadcrumbList", "itemListElement": items}


def trail(page: Page) -> list[tuple[str, str]]:
    """(name, site-relative path) from the home page down to this page."""
    _ = Gettext(page.lang)
    steps = [(_(N_("Home")), urls.path(page.lang))]
    if page.template in SECTIONS:
        folder, label = SECTIONS[page.template]
        steps.append((_(label), urls.path(page.lang, folder)))
    if page.template == "poster":  # below its conclave's page
        conclave = page.context["conclave"]
        steps.append((conclave.title(page.lang), urls.conclave(page.lang, conclave.slug)))
    leaf = _leaf_name(page, _)
    if leaf:
        steps.append((leaf, page.path))
    return steps


def _leaf_name(page: Page, _: Gettext) -> str | None:
    """The page's own step: none for a list, which is its section's step already."""
    return None if page.template in LISTS else page_name(page, _)


# the main entity of each kind of page --------------------------------------------------

def website(site: Site, page: Page, config: RenderConfig) -> dict:
    settings = site.settings
    return compact({"@context": SCHEMA, "@type": "WebSite", "name": settings.name(page.lang),
                    "description": settings.description(page.lang) if settings.description
                    else None,
                    "url": config.absolute(page.path), "inLanguage": page.lang,
                    "publisher": publisher(settings, page.lang)})


def publisher(settings: SiteSettings, lang: str) -> dict | None:
    """Who publishes the site, with the contact the footer gives; None when not named."""
    if settings.publisher is None:
        return None
    return compact({**organization(settings.publisher, lang), "email": settings.email,
                    "telephone": settings.phone})


def event(conclave: Conclave, lang: str, config: RenderConfig) -> dict:
    """A conclave as a schema.org Event, with its timed sessions as subEvents."""
    url = config.absolute(urls.conclave(lang, conclave.slug))
    data = {
        "@context": SCHEMA, "@type": "Event", "name": conclave.title(lang),
        "description": first_paragraph(conclave.description(lang)),
        "startDate": start_date(conclave), "endDate": end_date(conclave),
        "eventStatus": f"{SCHEMA}/{EVENT_STATUS[conclave.status]}",
        "eventAttendanceMode": f"{SCHEMA}/{ATTENDANCE[attendance(conclave)]}",
        "location": location(conclave, lang, url),
        "organizer": [organization(o.organization, lang) for o in conclave.organizers],
        "performer": performers((e for s in conclave.sessions for e in s.speakers), lang,
                                config),
        "inLanguage": lang, "url": url,
        "image": config.absolute(formats.CONCLAVE_CARD.path(lang, slug=conclave.slug)),
        # a break is a pause in the agenda, not an event anyone comes to
        "subEvent": [sub_event(conclave, s, lang, config) for s in conclave.sessions
                     if s.timed and not s.kind.is_break],
    }
    if conclave.previous_start:
        data["previousStartDate"] = conclave.previous_start.isoformat()
    return compact(data)


def conclave_event(site: Site, page: Page, config: RenderConfig) -> dict:
    return event(page.context["conclave"], page.lang, config)


def start_date(conclave: Conclave) -> str:
    """The earliest known start on the first day with its offset (a session's, or the
    conclave's own hours), else the date alone."""
    starts = [s.starts_at(conclave.tz) for s in conclave.sessions
              if s.timed and s.date == conclave.start and not s.cancelled]
    if conclave.hours is not None:
        starts.append(dt.datetime.combine(conclave.start, conclave.hours.start, conclave.tz))
    return min(starts).isoformat() if starts else conclave.start.isoformat()


def end_date(conclave: Conclave) -> str:
    """The latest known end on the last day with its offset, else the date alone."""
    ends = [s.ends_at(conclave.tz) for s in conclave.sessions
            if s.date == conclave.end and s.end is not None and not s.cancelled]
    ends = [e for e in ends if e is not None]
    if conclave.hours is not None and conclave.hours.end is not None:
        ends.append(dt.datetime.combine(conclave.end, conclave.hours.end, conclave.tz))
    return max(ends).isoformat() if ends else conclave.end.isoformat()


def attendance(conclave: Conclave) -> Attendance:
    if conclave.status == ConclaveStatus.MOVED_ONLINE:
        return Attendance.ONLINE
    return conclave.attendance


def location(conclave: Conclave, lang: str, url: str) -> dict | list[dict]:
    """The venue; online events are at a VirtualLocation: the registration page if there is
    one, else the conclave's own page (which says how to join)."""
    online = {"@type": "VirtualLocation", "url": conclave.registration or url}
    mode = attendance(conclave)
    if mode == Attendance.ONLINE:
        return online
    venue = place(conclave.venue, lang)
    return [venue, online] if mode == Attendance.MIXED else venue


def place(venue: Venue, lang: str) -> dict:
    address = {"@type": "PostalAddress",
               "streetAddress": venue.address(lang) if venue.address else None,
               "addressLocality": venue.city(lang), "addressRegion": venue.state(lang),
               "postalCode": venue.pin, "addressCountry": "IN"}
    geo = None
    if venue.geo:
        geo = {"@type": "GeoCoordinates", "latitude": venue.geo[0], "longitude": venue.geo[1]}
    return compact({"@type": "Place", "name": venue.name(lang), "address": compact(address),
                    "geo": geo})


def organization(org: Organization, lang: str) -> dict:
    return compact({"@type": "Organization", "name": org.name(lang),
                    "alternateName": org.acronym, "url": org.url})


def performers(entries: Iterable[SessionSpeaker], lang: str, config: RenderConfig
               ) -> list[dict]:
    """The people on the agenda whose role there is a part in the programme
    (SpeakerRole.performs), each once, in agenda order. Not a tentative one, who may not
    come, nor anyone named with the conclave outside its sessions (present, taking part):
    a report that names no one who speaks gives no performer."""
    found: dict[str, Speaker] = {}
    for entry in entries:
        if entry.role.performs and not entry.speaker.tentative:
            found.setdefault(entry.speaker.slug, entry.speaker)
    return [person(s, lang, config) for s in found.values()]


def person(speaker: Speaker, lang: str, config: RenderConfig) -> dict:
    return compact({
        "@type": "Person", "name": speaker.name(lang),
        "honorificPrefix": speaker.honorific(lang) if speaker.honorific else None,
        "jobTitle": speaker.designation(lang),
        "worksFor": organization(speaker.organization, lang) if speaker.organization else None,
        "image": config.absolute(f"images/{speaker.photo}") if speaker.photo else None,
        "sameAs": list(speaker.links),
        "url": config.absolute(urls.path(lang, "speakers", speaker.slug)),
    })


def sub_event(conclave: Conclave, session: Session, lang: str, config: RenderConfig) -> dict:
    status = ConclaveStatus.CANCELLED if session.cancelled else conclave.status
    end = session.ends_at(conclave.tz)
    url = config.absolute(urls.conclave(lang, conclave.slug))
    return compact({
        "@type": "Event", "name": session.title(lang),
        "description": session.summary(lang) if session.summary else None,
        "startDate": session.starts_at(conclave.tz).isoformat(),
        "endDate": end.isoformat() if end else None,
        "eventStatus": f"{SCHEMA}/{EVENT_STATUS[status]}",
        "eventAttendanceMode": f"{SCHEMA}/{ATTENDANCE[attendance(conclave)]}",
        "location": location(conclave, lang, url),
        "performer": performers(session.speakers, lang, config),
        "inLanguage": lang, "url": f"{url}#{urls.session_anchor(session.id)}",
    })


def profile(site: Site, page: Page, config: RenderConfig) -> dict:
    speaker: Speaker = page.context["speaker"]
    return compact({
        "@context": SCHEMA, "@type": "ProfilePage", "url": config.absolute(page.path),
        "inLanguage": page.lang, "dateModified": stamp(speaker.updated),
        "mainEntity": compact({**person(speaker, page.lang, config),
                               "description": first_paragraph(speaker.bio(page.lang))}),
    })


def article(site: Site, page: Page, config: RenderConfig) -> dict:
    item: NewsItem = page.context["item"]
    about = None
    if item.conclave:
        about = {"@type": "Event", "name": item.conclave.title(page.lang),
                 "url": config.absolute(urls.conclave(page.lang, item.conclave.slug))}
    return compact({
        "@context": SCHEMA, "@type": "NewsArticle", "headline": item.title(page.lang),
        "description": first_paragraph(item.body(page.lang)),
        "datePublished": stamp(item.published), "dateModified": stamp(item.modified),
        "inLanguage": page.lang, "url": config.absolute(page.path), "about": about,
        "image": config.absolute(formats.NEWS_CARD.path(page.lang, slug=item.slug)),
        "publisher": publisher(site.settings, page.lang),
    })


def stamp(moment: dt.datetime | None) -> str | None:
    return moment.isoformat(timespec="seconds") if moment else None


def compact(data: dict) -> dict:
    """Leave out what the model does not know rather than publish empty values."""
    return {k: v for k, v in data.items() if v not in (None, "", [], {})}


MAIN: dict[str, Callable[[Site, Page, RenderConfig], dict]] = {
    "home": website, "conclave": conclave_event, "speaker": profile, "news_item": article,
}

"""Sharing: WhatsApp links with the title, date and address, and the address itself to
copy (the QR code for posters is qr.py)."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import quote

from sammelan.i18n import formatting
from sammelan.model.choices import ConclaveStatus
from sammelan.model.entities import Conclave, Session
from sammelan.render import formats, urls
from sammelan.render.config import RenderConfig
from sammelan.render.pages import Page

WHATSAPP = "https://wa.me/?text="
SHARED = ("conclave", "poster")  # the pages that share a conclave's address


@dataclass(frozen=True)
class ShareLink:
    url: str
    whatsapp: str


@dataclass(frozen=True)
class ConclaveShare:
    link: ShareLink
    qr: str  # site-relative path of the QR code SVG
    sessions: dict[str, ShareLink] = field(default_factory=dict)


def whatsapp(text: str, url: str) -> str:
    """A wa.me link that opens WhatsApp with the message ready to send."""
    return WHATSAPP + quote(f"{text}\n{url}", safe="")


def conclave_text(conclave: Conclave, lang: str) -> str:
    when = formatting.when(conclave, lang)
    return f"{conclave.title(lang)}: {when}, {conclave.venue.joined(lang, 'name', 'city')}"


def session_text(conclave: Conclave, session: Session, lang: str) -> str:
    parts = [f"{session.title(lang)} ({conclave.title(lang)})"]
    if conclave.status == ConclaveStatus.POSTPONED:  # its day and time no longer hold
        return ", ".join([*parts, formatting.when(conclave, lang)])
    if session.date:
        parts.append(formatting.date(session.date, lang))
    if session.start:
        parts.append(f"{formatting.time_range(session.start, session.end, lang)} "
                     f"{formatting.zone(conclave.timezone, lang)}")
    return ", ".join(parts)


def page_url(conclave: Conclave, lang: str, config: RenderConfig) -> str:
    return config.absolute(urls.conclave(lang, conclave.slug))


def for_page(page: Page, config: RenderConfig) -> ConclaveShare | None:
    """Share links of a conclave page and of each of its sessions; a poster's, without the
    sessions (it prints the page's QR code and address); None for other pages."""
    conclave = page.context.get("conclave") if page.template in SHARED else None
    if conclave is None:
        return None
    lang = page.lang
    url = page_url(conclave, lang, config)
    sessions = {}
    for session in conclave.sessions if page.template == "conclave" else ():
        anchor = f"{url}#{urls.session_anchor(session.id)}"
        sessions[session.id] = ShareLink(anchor, whatsapp(session_text(conclave, session, lang),
                                                          anchor))
    return ConclaveShare(ShareLink(url, whatsapp(conclave_text(conclave, lang), url)),
                         formats.QR_CODE.path(lang, slug=conclave.slug), sessions)

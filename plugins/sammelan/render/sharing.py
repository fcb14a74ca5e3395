"""Sharing: WhatsApp links with the title, date and address, the address itself to
copy, and a QR code of each conclave page for printed posters."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from io import BytesIO
from urllib.parse import quote

import segno

from sammelan.i18n import formatting
from sammelan.i18n.catalog import Gettext
from sammelan.model.entities import LANGUAGES, Conclave, Session, Site
from sammelan.render import urls
from sammelan.render.canonical import absolute, base
from sammelan.render.pages import Page

WHATSAPP = "https://wa.me/?text="
QR_FILE = "qr.svg"


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
    venue = conclave.venue
    when = formatting.date_range(conclave.start, conclave.end, lang)
    return f"{conclave.title(lang)}: {when}, {venue.name(lang)}, {venue.city(lang)}"


def session_text(conclave: Conclave, session: Session, lang: str) -> str:
    _ = Gettext(lang)
    parts = [f"{session.title(lang)} ({conclave.title(lang)})"]
    if session.date:
        parts.append(formatting.date(session.date, lang))
    if session.start:
        parts.append(f"{formatting.time_range(session.start, session.end, lang)} {_('IST')}")
    return ", ".join(parts)


def page_url(conclave: Conclave, lang: str, site_base: str) -> str:
    return absolute(site_base, urls.conclave(lang, conclave.slug))


def qr_path(conclave: Conclave, lang: str) -> str:
    return urls.conclave(lang, conclave.slug) + QR_FILE


def for_page(page: Page, site_base: str) -> ConclaveShare | None:
    """Share links of a conclave page and of each of its sessions; None for other pages."""
    conclave = page.context.get("conclave") if page.template == "conclave" else None
    if conclave is None:
        return None
    lang = page.lang
    url = page_url(conclave, lang, site_base)
    sessions = {}
    for session in conclave.sessions:
        anchor = f"{url}#{urls.session_anchor(session.id)}"
        sessions[session.id] = ShareLink(anchor, whatsapp(session_text(conclave, session, lang),
                                                          anchor))
    return ConclaveShare(ShareLink(url, whatsapp(conclave_text(conclave, lang), url)),
                         qr_path(conclave, lang), sessions)


def qr_svg(url: str, title: str) -> bytes:
    """A QR code of the address; error level M survives a little dirt on a poster."""
    buffer = BytesIO()
    segno.make(url, error="m", micro=False).save(
        buffer, kind="svg", scale=8, border=4, dark="#000", light="#fff", title=title,
        xmldecl=True, svgns=True)
    return buffer.getvalue()


def qr_codes(site: Site, settings: dict) -> Iterator[tuple[str, bytes]]:
    site_base = base(settings)
    for lang in LANGUAGES:
        for conclave in site.conclaves:
            yield qr_path(conclave, lang), qr_svg(page_url(conclave, lang, site_base),
                                                  conclave.title(lang))

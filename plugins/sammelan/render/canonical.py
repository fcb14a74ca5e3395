"""Absolute addresses, which search engines, feeds, shared links and calendar apps need.

The published build has SITEURL (publishconf.py): every address starts with it. The
preview has none, so page addresses are root-relative ("/conclaves/…/"): good enough to
click in `invoke serve`, and never published. What leaves the browser (calendar files,
webcal:// links, schedules) must be absolute even in preview, so it assumes the preview
server (`invoke serve`, port 8000) there.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from sammelan.render import urls

FEED_FILE = "feed.atom.xml"
PREVIEW_BASE = "http://localhost:8000"


def base(settings: dict) -> str:
    """The site's address without a trailing slash; '' for the relative-link preview."""
    if settings.get("RELATIVE_URLS"):
        return ""
    return str(settings.get("SITEURL") or "").rstrip("/")


def absolute(site_base: str, path: str) -> str:
    """The full address of a site-relative path ('' is the home page)."""
    return f"{site_base}/{path}"


def feed_path(lang: str) -> str:
    """Site-relative path of a language's Atom feed."""
    return urls.prefix(lang) + FEED_FILE


def app_base(settings: dict) -> str:
    """The base of addresses handed to other apps: SITEURL, or the preview server."""
    return (settings.get("SITEURL") or PREVIEW_BASE).rstrip("/")


def app_url(settings: dict, path: str) -> str:
    return absolute(app_base(settings), path)


def domain(settings: dict) -> str:
    """The host name that ends every calendar UID."""
    return urlsplit(app_base(settings)).hostname or "localhost"


def webcal(settings: dict, path: str) -> str:
    """The subscribe link of a calendar file: its URL with the webcal scheme."""
    return "webcal://" + app_url(settings, path).split("://", 1)[1]

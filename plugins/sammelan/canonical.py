"""Absolute addresses, which search engines, feeds and shared links need.

The published build has SITEURL (publishconf.py): every address starts with it. The
preview has none, so these addresses are root-relative ("/conclaves/…/"): good enough to
click in `invoke serve`, and never published.
"""

from __future__ import annotations

from . import urls

FEED_FILE = "feed.atom.xml"


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

"""Absolute addresses for what leaves the site: calendar apps, webcal:// links, schedules.

The published build takes them from SITEURL. A preview build has no domain, so it
assumes the preview server (`invoke serve`, port 8000): its webcal:// links and the
URLs inside its calendars work while that server runs, and nowhere else.
"""

from __future__ import annotations

from urllib.parse import urlsplit

PREVIEW_BASE = "http://localhost:8000"


def base(settings: dict) -> str:
    return (settings.get("SITEURL") or PREVIEW_BASE).rstrip("/")


def domain(settings: dict) -> str:
    """The host name that ends every calendar UID."""
    return urlsplit(base(settings)).hostname or "localhost"


def absolute(settings: dict, path: str) -> str:
    """The absolute URL of a site-relative path."""
    return f"{base(settings)}/{path}"


def webcal(settings: dict, path: str) -> str:
    """The subscribe link of a calendar file: its URL with the webcal scheme."""
    return "webcal://" + absolute(settings, path).split("://", 1)[1]

"""The URL scheme: Hindi at the root, English under /en/, the same path after the prefix."""

from __future__ import annotations

from sammelan.model.entities import DEFAULT_LANGUAGE, LANGUAGES
from sammelan.render.formats import file_of, prefix

__all__ = ["Linker", "conclave", "file_of", "path", "prefix", "session_anchor", "translate"]


def path(lang: str, *parts: str) -> str:
    """Site-relative path of a page, ending in '/' (a folder with index.html)."""
    inner = "".join(f"{p}/" for p in parts if p)
    return prefix(lang) + inner


def conclave(lang: str, slug: str) -> str:
    """A conclave's page; its calendar, schedules and QR code sit in the same folder."""
    return path(lang, "conclaves", slug)


def session_anchor(session_id: str) -> str:
    """The fragment of a session on its conclave's page (the `<li id>` in conclave.html)."""
    return f"session-{session_id}"


def translate(page: str, lang: str) -> str:
    """The same page in another language."""
    for other in LANGUAGES:
        if other != DEFAULT_LANGUAGE and page.startswith(prefix(other)):
            page = page[len(prefix(other)):]
    return prefix(lang) + page


class Linker:
    """Makes hrefs from one page: relative for preview, absolute when SITEURL is set."""

    def __init__(self, here: str, siteurl: str = ""):
        self.siteurl = siteurl.rstrip("/")
        depth = file_of(here).count("/")
        self.up = "../" * depth

    def __call__(self, target: str) -> str:
        if self.siteurl:
            return f"{self.siteurl}/{target}"
        return (self.up + target) or "./"

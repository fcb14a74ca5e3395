"""What renderers need to know beyond the model: where the site lives. Built once from the
settings by the Pelican adapter, so no renderer reads Pelican's settings.

The published build has `site_url`: every address starts with it. The preview has none, so
page addresses are root-relative ("/conclaves/…/"), good enough to click in `invoke serve`
and never published. What leaves the browser (calendar files, webcal:// links, schedules)
must be absolute even in preview, so it assumes the preview server (`preview_base`, which
`invoke serve` sets to its real port).
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from sammelan.model.entities import IST, LANGUAGES
from sammelan.render.formats import OutputFormat

PREVIEW_BASE = "http://localhost:8000"


@dataclass(frozen=True)
class RenderConfig:
    site_url: str = ""  # the published address, without a trailing slash; "" in preview
    relative: bool = True  # links between pages relative (preview) or absolute (published)
    preview_base: str = PREVIEW_BASE
    languages: tuple[str, ...] = LANGUAGES
    timezone: str = IST  # the site's own zone: "today", the site-wide calendar

    @property
    def base(self) -> str:
        """The start of page addresses: the site's address, or '' for relative links."""
        return "" if self.relative else self.site_url

    def absolute(self, path: str) -> str:
        """The address of a site-relative path ('' is the home page) on `base`."""
        return f"{self.base}/{path}"

    @property
    def app_base(self) -> str:
        """The base of addresses handed to other apps: the site, or the preview server."""
        return self.site_url or self.preview_base

    def app_url(self, path: str) -> str:
        return f"{self.app_base}/{path}"

    @property
    def domain(self) -> str:
        """The host name that ends every calendar UID."""
        return urlsplit(self.app_base).hostname or "localhost"

    def subscribe(self, fmt: OutputFormat, path: str) -> str:
        """The subscription address of a file (webcal://… for calendars)."""
        url = self.app_url(path)
        return f"{fmt.scheme}://{url.split('://', 1)[1]}" if fmt.scheme else url

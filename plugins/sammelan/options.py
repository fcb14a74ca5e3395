"""What one build or check is asked to do, decided once at the command line and passed
down explicitly: nothing below reads the environment."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from sammelan.i18n.messages import Text, msg, shown
from sammelan.model.entities import IST
from sammelan.render.config import PREVIEW_BASE

SITE_ZONE = ZoneInfo(IST)
SITE_URL = "SAMMELAN_SITEURL"
# what schemas/site.schema.json allows as `url`: http(s), a host, perhaps a path
_SITE_URL = re.compile(r"https?://[^\s/?#]+(/[^\s?#]*)?")


@dataclass(frozen=True)
class BuildOptions:
    strict: bool = False  # warnings are errors, as in CI
    # SOURCE_DATE_EPOCH: the moment the build is "made", for reproducible builds. It decides
    # today's date (upcoming or past) and dates sources that git does not know yet.
    epoch: int | None = None
    preview_base: str = PREVIEW_BASE  # where `invoke serve` serves the preview
    # SAMMELAN_SITEURL: the published address, in place of data/site.yaml's `url` (a
    # published build only; the preview stays on the preview server)
    site_url: str | None = None
    # processes that make files in a large build; the bytes are the same whatever the number
    workers: int = field(default_factory=lambda: min(os.cpu_count() or 1, 4))

    def today(self) -> dt.date:
        """Today in IST, or the day of the epoch."""
        if self.epoch is not None:
            return dt.datetime.fromtimestamp(self.epoch, SITE_ZONE).date()
        return dt.datetime.now(SITE_ZONE).date()


class OptionError(ValueError):
    """An option from the environment that cannot be used; the message says how to fix it."""

    def __init__(self, message: Text):
        self.message = message
        super().__init__(message.render("en"))

    def render(self) -> str:
        word = shown(msg("error"))
        return f"{word}: {shown(self.message)}"


def epoch_from_environment(environ: dict[str, str] | None = None) -> int | None:
    """SOURCE_DATE_EPOCH as a whole number of seconds, or None when it is not set."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH")
    if value is None or value == "":
        return None
    if not value.isdigit() or len(value) > 12:
        raise OptionError(msg("SOURCE_DATE_EPOCH=%(value)s is not a time — fix: set it to "
                              "whole seconds since 1970 (e.g. `git log -1 --format=%%ct`), or "
                              "unset it", value=repr(value)))
    return int(value)


def site_url_from_environment(environ: dict[str, str] | None = None) -> str | None:
    """SAMMELAN_SITEURL without a trailing slash, or None when it is not set."""
    value = (os.environ if environ is None else environ).get(SITE_URL, "")
    if value == "":
        return None
    if not _SITE_URL.fullmatch(value):
        raise OptionError(msg("%(name)s=%(value)s is not a web address — fix: set it to the "
                              "address the site is published at, such as "
                              "https://conclaves.example.org, or unset it",
                              name=SITE_URL, value=repr(value)))
    return value.rstrip("/")

"""Every kind of file the site is made of, declared once: where it goes, what media type a
server must send it with, and the scheme apps subscribe to it by (webcal).

Renderers take their paths from here, templates link with these declarations, the sitemap
and robots.txt name theirs, and the preview server sends these media types, as do the server
settings every build ships (hosting.py); nothing else spells a file name of the output.
"""

from __future__ import annotations

from dataclasses import dataclass

from sammelan.model.entities import DEFAULT_LANGUAGE


def prefix(lang: str) -> str:
    """The folder of a language: the default language at the root, others under <lang>/."""
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


@dataclass(frozen=True)
class OutputFormat:
    name: str
    pattern: str  # the path after the language's prefix, with {fields} to fill
    media_type: str
    scheme: str | None = None  # the scheme that subscribes to it (webcal), if any
    per_language: bool = True  # one file per language, under its prefix

    def path(self, lang: str | None = None, **fields: str) -> str:
        """The site-relative path of one file of this format."""
        inner = self.pattern.format(**fields)
        return prefix(lang) + inner if self.per_language and lang else inner

    @property
    def essence(self) -> str:
        """The media type without parameters, as a link's `type` attribute gives it."""
        return self.media_type.split(";")[0]

    @property
    def file_name(self) -> str:
        """The fixed end of every path of this format ("calendar.ics", ".ics")."""
        return self.pattern.rsplit("/", 1)[-1].rsplit("}", 1)[-1]


HTML = "text/html; charset=utf-8"
CALENDAR = "text/calendar; charset=utf-8"
TEXT = "text/plain; charset=utf-8"

PAGE = OutputFormat("page", "{page}index.html", HTML)
NOT_FOUND = OutputFormat("not-found", "404.html", HTML)
CONCLAVE_CALENDAR = OutputFormat("conclave-calendar", "conclaves/{slug}/calendar.ics", CALENDAR,
                                 scheme="webcal")
SESSION_CALENDAR = OutputFormat("session-calendar",
                                "conclaves/{slug}/sessions/{session}.ics", CALENDAR,
                                scheme="webcal")
SITE_CALENDAR = OutputFormat("site-calendar", "calendar.ics", CALENDAR, scheme="webcal")
SCHEDULE_XML = OutputFormat("schedule-xml", "conclaves/{slug}/schedule.xml",
                            "application/xml; charset=utf-8")
SCHEDULE_JSON = OutputFormat("schedule-json", "conclaves/{slug}/schedule.json",
                             "application/json; charset=utf-8")
QR_CODE = OutputFormat("qr-code", "conclaves/{slug}/qr.svg", "image/svg+xml")
# Share cards (cards.py): the picture link previews show of a page, one per page that has
# its own, the site's for every other page
JPEG = "image/jpeg"
CONCLAVE_CARD = OutputFormat("conclave-card", "conclaves/{slug}/card.jpg", JPEG)
SPEAKER_CARD = OutputFormat("speaker-card", "speakers/{slug}/card.jpg", JPEG)
SCHEME_CARD = OutputFormat("scheme-card", "schemes/{slug}/card.jpg", JPEG)
NEWS_CARD = OutputFormat("news-card", "news/{slug}/card.jpg", JPEG)
SITE_CARD = OutputFormat("site-card", "card.jpg", JPEG)
CARDS = (CONCLAVE_CARD, SPEAKER_CARD, SCHEME_CARD, NEWS_CARD, SITE_CARD)
CARD_SIZE = (1200, 630)
FEED = OutputFormat("feed", "feed.atom.xml", "application/atom+xml; charset=utf-8")
SITEMAP = OutputFormat("sitemap", "sitemap.xml", "application/xml; charset=utf-8",
                       per_language=False)
ROBOTS = OutputFormat("robots", "robots.txt", TEXT, per_language=False)
# The site's mark (favicon.py): linked from every page's <head>; the ICO at the root, where
# browsers and crawlers look for it unasked. image/x-icon is the type servers and browsers
# know it by (nginx's own mime.types among them).
FAVICON_SVG = OutputFormat("favicon-svg", "favicon.svg", "image/svg+xml", per_language=False)
FAVICON_ICO = OutputFormat("favicon", "favicon.ico", "image/x-icon", per_language=False)
# Server settings for the site, at its root where the hosts that read them look (hosting.py);
# a host that reads none of them serves them as text, nginx and Apache hide them.
HTACCESS = OutputFormat("htaccess", ".htaccess", TEXT, per_language=False)
HEADERS = OutputFormat("headers", "_headers", TEXT, per_language=False)
REDIRECTS = OutputFormat("redirects", "_redirects", TEXT, per_language=False)
NGINX = OutputFormat("nginx", "nginx.conf", TEXT, per_language=False)

HOSTING = (HTACCESS, HEADERS, REDIRECTS, NGINX)
SERVED = (PAGE, NOT_FOUND, CONCLAVE_CALENDAR, SESSION_CALENDAR, SITE_CALENDAR, SCHEDULE_XML,
          SCHEDULE_JSON, QR_CODE, *CARDS, FEED, SITEMAP, ROBOTS, FAVICON_SVG,
          FAVICON_ICO)  # what visitors and apps fetch
ALL = SERVED + HOSTING
# Copied into the site as they are, by no renderer: the theme's files (Pelican's
# THEME_STATIC_DIR) and the organizers' pictures (STATIC_PATHS in pelicanconf.py). Servers
# know their media types; their names carry no fingerprint.
ASSET_FOLDERS = ("theme/", "images/")


def file_of(page: str) -> str:
    """The file that serves a site-relative address (a folder is served by its index)."""
    if page == "" or page.endswith("/"):
        return PAGE.path(page=page)
    return page


def media_type(path: str) -> str | None:
    """The media type of a file of the site by its name (the longest matching end wins,
    so feed.atom.xml is Atom and schedule.xml is XML); None for files of no format."""
    matches = [f for f in ALL if path.endswith(f.file_name)]
    best = max(matches, key=lambda f: len(f.file_name), default=None)
    return best.media_type if best else None

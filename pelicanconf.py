"""Settings for previewing the site locally (relative links, no domain)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent

SITEURL = ""
RELATIVE_URLS = True
PATH = "content"
THEME = "themes/sammelan"
TIMEZONE = "Asia/Kolkata"  # the site's own zone: "today", the calendar of every conclave

PLUGIN_PATHS = ["plugins"]
PLUGINS = ["sammelan"]
SAMMELAN_ROOT = str(ROOT)

# The plugin renders every page itself from one model, so Pelican's own
# articles, pages, archives and feeds are switched off.
ARTICLE_PATHS: list[str] = []
PAGE_PATHS: list[str] = []
STATIC_PATHS = ["images"]
DIRECT_TEMPLATES: list[str] = []
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TAG_SAVE_AS = CATEGORY_SAVE_AS = AUTHOR_SAVE_AS = ""
TAGS_SAVE_AS = CATEGORIES_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
READERS = {"rst": None}  # no reStructuredText sources; avoids docutils locale noise
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

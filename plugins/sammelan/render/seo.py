"""What each page's <head> says about it (canonical, hreflang, Open Graph, feed, JSON-LD)
and its share links: the extra template context, computed from the model."""

from __future__ import annotations

from sammelan.i18n import formatting
from sammelan.model.entities import Site
from sammelan.render import formats, jsonld, sharing
from sammelan.render.config import RenderConfig
from sammelan.render.pages import Page

OG_TYPE = {"speaker": "profile", "news_item": "article"}


def context(site: Site, page: Page, config: RenderConfig) -> dict:
    scripts = jsonld.for_page(site, page, config)
    return {
        "indexable": page.indexable,
        "og_type": OG_TYPE.get(page.template, "website"),
        "og_locales": formatting.LOCALES,
        "og_image": image(page, config),
        "feed_path": formats.FEED.path(page.lang),
        "structured_data": [jsonld.to_script(s) for s in scripts],
        "share": sharing.for_page(page, config),
    }


def image(page: Page, config: RenderConfig) -> str | None:
    """The page's picture for link previews: a speaker's photo; the model has no other."""
    speaker = page.context.get("speaker")
    if speaker is not None and speaker.photo:
        return config.absolute(f"images/{speaker.photo}")
    return None

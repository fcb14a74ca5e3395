"""What each page's <head> says about it (canonical, hreflang, Open Graph, feed, JSON-LD)
and its share links: the extra template context, computed from the model."""

from __future__ import annotations

from dataclasses import dataclass

from sammelan.i18n import formatting
from sammelan.model.entities import Site
from sammelan.render import cards, formats, jsonld, sharing
from sammelan.render.config import RenderConfig
from sammelan.render.pages import Page

OG_TYPE = {"speaker": "profile", "news_item": "article"}


def context(site: Site, page: Page, config: RenderConfig) -> dict:
    scripts = jsonld.for_page(site, page, config)
    return {
        "indexable": page.indexable,
        "og_type": OG_TYPE.get(page.template, "website"),
        "og_locales": formatting.LOCALES,
        "og_image": image(site, page, config),
        "feed_path": formats.FEED.path(page.lang),
        "structured_data": [jsonld.to_script(s) for s in scripts],
        "share": sharing.for_page(page, config),
    }


@dataclass(frozen=True)
class Image:
    """The picture link previews show of a page: its share card (cards.py)."""

    url: str
    alt: str  # the card's words, in the page's language
    width: int = formats.CARD_SIZE[0]
    height: int = formats.CARD_SIZE[1]
    type: str = formats.JPEG


def image(site: Site, page: Page, config: RenderConfig) -> Image:
    """The page's share card (a speaker's photo stays in the JSON-LD: previews want the
    card's size and words, which a photo of any shape does not give)."""
    path, card = cards.for_page(site.settings, page)
    return Image(config.absolute(path), card.alt)

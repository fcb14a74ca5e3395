"""Helpers for the SEO tests: what a crawler reads from a built page."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import parse

SITEURL = "https://sammelan.example.org"
LD_JSON = "application/ld+json"


def url_of(output: Path, page: Path) -> str:
    """The published address of a built HTML file."""
    relative = page.relative_to(output).as_posix()
    return f"{SITEURL}/{relative.removesuffix('index.html')}"


def jsonld(page: Path) -> list[dict]:
    """Every JSON-LD object of a page, parsed as a crawler does."""
    return [json.loads(s.text) for s in parse(page).iter("script") if s.get("type") == LD_JSON]


def of_type(page: Path, kind: str) -> list[dict]:
    return [d for d in jsonld(page) if d.get("@type") == kind]


def head_links(page: Path, rel: str) -> dict[str, str]:
    """hreflang (or '' when absent) → href of the page's <link rel=…> elements, other
    than feeds (which are rel=alternate too)."""
    return {link.get("hreflang", ""): link.get("href") for link in parse(page).iter("link")
            if link.get("rel") == rel and not link.get("type")}


def meta(page: Path) -> dict[str, str]:
    """property or name → content of the page's <meta> elements."""
    found = {}
    for element in parse(page).iter("meta"):
        key = element.get("property") or element.get("name")
        if key:
            found[key] = element.get("content")
    return found

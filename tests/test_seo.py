"""The <head> of every published page: canonical address, reciprocal hreflang, title and
description in the page's language, Open Graph and Twitter cards, the feed."""

from __future__ import annotations

import re

from conftest import html_pages, parse
from seo_pages import SITEURL, head_links, meta, url_of

DEVANAGARI = re.compile(r"[\u0900-\u097F]")


def indexable(output):
    """Every page but the "not found" pages and the conclaves' posters, which ask search
    engines not to list them (tests/test_poster.py)."""
    return [p for p in html_pages(output) if p.name != "404.html" and p.parent.name != "poster"]


def test_every_page_is_canonical_at_its_own_absolute_address(published_dir):
    for page in indexable(published_dir):
        assert head_links(page, "canonical") == {"": url_of(published_dir, page)}, page


def test_hreflang_is_complete_and_reciprocal_across_the_site(published_dir):
    alternates = {url_of(published_dir, p): head_links(p, "alternate")
                  for p in indexable(published_dir)}
    assert len(alternates) > 60
    for url, links in alternates.items():
        assert set(links) == {"hi", "en", "x-default"}, url
        assert links["x-default"] == links["hi"]
        assert url in (links["hi"], links["en"]), f"{url} is not among its own alternates"
        for lang in ("hi", "en"):
            target = links[lang]
            assert target.startswith(SITEURL + "/")
            assert target in alternates, f"{url} points at {target}, which is not a page"
            assert alternates[target] == links, f"{target} does not point back at {url}"


def test_title_and_description_are_in_the_page_language(published_dir):
    for page in indexable(published_dir):
        tree = parse(page)
        title = tree.find(".//title").text_content()
        description = meta(page)["description"]
        hindi = tree.get("lang") == "hi"
        for text in (title, description):
            assert text.strip()
            assert bool(DEVANAGARI.search(text)) == hindi, f"{page}: {text}"


def test_open_graph_and_twitter_cards_describe_the_page(published_dir):
    for page in indexable(published_dir):
        tags = meta(page)
        lang = parse(page).get("lang")
        title = parse(page).find(".//title").text_content()
        assert title.startswith(tags["og:title"]) and tags["og:title"] == tags["twitter:title"]
        assert tags["og:description"] == tags["description"] == tags["twitter:description"]
        assert tags["og:url"] == url_of(published_dir, page)
        assert tags["og:locale"] == f"{lang}_IN"
        assert tags["og:locale:alternate"] == ("en_IN" if lang == "hi" else "hi_IN")
        # every page previews with a large picture: its share card (test_cards.py)
        assert tags["twitter:card"] == "summary_large_image"
        assert tags["og:image"] == tags["twitter:image"]
        assert tags["og:image"].startswith(SITEURL + "/") and tags["og:image"].endswith(".jpg")
    speaker = published_dir / "en/speakers/sanjay-seth/index.html"
    assert meta(speaker)["og:type"] == "profile"


def test_a_speaker_photo_stays_in_the_profile_and_the_card_is_the_preview(project, tmp_path):
    """Previews want the card's size and words; a photo of any shape gives neither."""
    from conftest import build_into

    source = project / "data/speakers/sanjay-seth.yaml"
    source.write_text(source.read_text(encoding="utf-8") + "photo: sanjay-seth.jpg\n",
                      encoding="utf-8")
    (project / "content/images").mkdir()
    (project / "content/images/sanjay-seth.jpg").write_bytes(b"\xff\xd8\xff")  # must exist
    output = tmp_path / "out"
    assert build_into(output, "publishconf.py", root=project) == 0
    page = output / "en/speakers/sanjay-seth/index.html"
    card = f"{SITEURL}/en/speakers/sanjay-seth/card.jpg"
    assert meta(page)["og:image"] == meta(page)["twitter:image"] == card
    assert meta(page)["twitter:card"] == "summary_large_image"
    assert f'"image":"{SITEURL}/images/sanjay-seth.jpg"' in page.read_text(encoding="utf-8")


def test_every_page_links_the_feed_of_its_language(published_dir):
    for page in html_pages(published_dir):
        feeds = [link.get("href") for link in parse(page).iter("link")
                 if link.get("type") == "application/atom+xml"]
        prefix = "en/" if parse(page).get("lang") == "en" else ""
        assert feeds == [f"{SITEURL}/{prefix}feed.atom.xml"], page


def test_not_found_page_exists_in_both_languages_and_is_not_indexed(published_dir):
    for path, lang, heading in [("404.html", "hi", "पृष्ठ नहीं मिला"),
                                ("en/404.html", "en", "Page not found")]:
        page = published_dir / path
        tree = parse(page)
        assert tree.get("lang") == lang
        assert tree.find(".//h1").text_content() == heading
        assert meta(page)["robots"] == "noindex"
        assert not head_links(page, "canonical")
        # served at any address, so its links must not be relative
        hrefs = [a.get("href") for a in tree.iter("a") if not a.get("href").startswith("#")]
        assert all(h.startswith(SITEURL) for h in hrefs), hrefs

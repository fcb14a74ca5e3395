"""sitemap.xml and robots.txt of the published build."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from conftest import ROOT, SHARED, html_pages
from lxml import etree
from seo_pages import SITEURL, url_of

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture(scope="module")
def sitemap_schema(tmp_path_factory) -> etree.XMLSchema:
    """sitemaps.org's schema plus the local declaration of xhtml:link that its strict
    wildcards need, joined by a schema that imports both."""
    wrapper = tmp_path_factory.mktemp("xsd") / "sitemap-with-alternates.xsd"
    wrapper.write_text(f"""<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="{NS['s']}"
              schemaLocation="{(SHARED / 'schemas/sitemap.xsd').as_uri()}"/>
  <xsd:import namespace="{NS['x']}"
              schemaLocation="{(ROOT / 'tests/xsd/xhtml-link.xsd').as_uri()}"/>
</xsd:schema>""", encoding="utf-8")
    return etree.XMLSchema(etree.parse(str(wrapper)))


def sitemap(output: Path):
    return etree.parse(str(output / "sitemap.xml"))


def test_sitemap_validates_against_the_sitemaps_org_schema(published_dir, sitemap_schema):
    tree = sitemap(published_dir)
    assert sitemap_schema.validate(tree), sitemap_schema.error_log


def test_schema_rejects_an_alternate_without_hreflang(published_dir, sitemap_schema):
    tree = sitemap(published_dir)
    tree.find(".//x:link", NS).attrib.pop("hreflang")
    assert not sitemap_schema.validate(tree)


def test_sitemap_lists_every_page_of_both_languages_once(published_dir):
    locs = [e.text for e in sitemap(published_dir).iterfind(".//s:loc", NS)]
    pages = {url_of(published_dir, p) for p in html_pages(published_dir)
             if p.name != "404.html" and p.parent.name != "poster"}  # asked not to list
    assert len(locs) == len(set(locs)) == len(pages)
    assert set(locs) == pages
    assert f"{SITEURL}/en/conclaves/msme-defence-conclave-2026/" in locs


def test_each_entry_names_its_alternates_and_when_its_sources_changed(published_dir):
    entries = sitemap(published_dir).iterfind(".//s:url", NS)
    for url in entries:
        loc = url.findtext("s:loc", namespaces=NS)
        links = {x.get("hreflang"): x.get("href") for x in url.iterfind("x:link", NS)}
        assert set(links) == {"hi", "en", "x-default"}
        assert loc in (links["hi"], links["en"])
        assert links["en"] == links["hi"].replace(SITEURL, f"{SITEURL}/en", 1)
        changed = dt.datetime.fromisoformat(url.findtext("s:lastmod", namespaces=NS))
        assert changed.utcoffset() == dt.timedelta(0)
        assert dt.datetime(2025, 1, 1, tzinfo=dt.UTC) < changed


def test_robots_txt_allows_crawling_and_points_at_the_sitemap(published_dir):
    lines = (published_dir / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "User-agent: *"
    assert "Disallow: /" not in lines
    assert f"Sitemap: {SITEURL}/sitemap.xml" in lines

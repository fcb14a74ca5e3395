"""Structure that assistive technology relies on, on every built page."""

from __future__ import annotations

from conftest import html_pages, parse


def test_one_h1_and_no_skipped_heading_levels(site_dir):
    for path in html_pages(site_dir):
        levels = [int(h.tag[1]) for h in parse(path).iter("h1", "h2", "h3", "h4", "h5", "h6")]
        assert levels.count(1) == 1 and levels[0] == 1, path
        jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert not jumps, f"{path}: heading levels jump {jumps}"


def test_landmarks_and_skip_link(site_dir):
    for path in html_pages(site_dir):
        tree = parse(path)
        assert len(tree.findall(".//main")) == 1, path
        assert tree.find(".//header") is not None and tree.find(".//nav") is not None, path
        skip = tree.find(".//body//a")
        assert skip.get("href") == "#main" and tree.get_element_by_id("main") is not None


def test_no_script_needed_and_tables_only_for_data(site_dir):
    for path in html_pages(site_dir):
        tree = parse(path)
        scripts = [s for s in tree.iter("script") if s.get("type") != "application/ld+json"]
        assert not scripts, path
        assert not tree.findall(".//table[@role='presentation']"), path

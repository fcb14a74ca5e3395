"""The content-independent checks of site_checks.py pass on the seeded site and catch what
they are for, so that a green test_live_content.py means something."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from site_checks import (
    broken_links,
    calendar_problems,
    schedule_problems,
    unmarked_external_links,
    vnu_errors,
)

PAGE = "en/conclaves/msme-for-bharat-jhansi-2025"


@pytest.fixture
def site(site_dir, tmp_path) -> Path:
    """A copy of the seeded preview build, to damage."""
    return Path(shutil.copytree(site_dir, tmp_path / "output"))


def test_the_seeded_site_passes(site_dir):
    assert broken_links(site_dir) == []
    assert calendar_problems(site_dir) == []
    assert schedule_problems(site_dir) == []
    assert unmarked_external_links(site_dir) == []


def test_a_link_to_a_missing_file_or_anchor_is_found(site):
    (site / PAGE / "qr.svg").unlink()
    page = site / PAGE / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        'href="#main"', 'href="#nowhere"', 1), encoding="utf-8")
    assert broken_links(site) == [
        f'{PAGE}/index.html: <a href="#nowhere"> points at no element with id `nowhere`',
        f'{PAGE}/index.html: <a href="../../../{PAGE}/qr.svg"> points at no file of the build',
        # the QR code printed on the handout, and on the poster
        f'{PAGE}/index.html: <img src="../../../{PAGE}/qr.svg"> points at no file of the build',
        f'{PAGE}/poster/index.html: <img src="../../../../{PAGE}/qr.svg"> points at no file '
        'of the build']


def test_a_calendar_one_reader_cannot_read_is_found(site):
    (site / PAGE / "calendar.ics").write_bytes(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    icalendar, ical_js = calendar_problems(site)
    assert icalendar.startswith(f"{PAGE}/calendar.ics: icalendar cannot read it: Found no "
                                "components")
    assert ical_js == (f"{PAGE}/calendar.ics: ical.js cannot read it: ParserError: invalid "
                       "ical body. component began but did not end")


def test_an_invalid_or_missing_schedule_is_found(site):
    (site / PAGE / "schedule.json").write_text(json.dumps({"schedule": {}}), encoding="utf-8")
    (site / "conclaves/msme-for-bharat-jhansi-2025/schedule.xml").unlink()
    assert schedule_problems(site) == [
        "conclaves/msme-for-bharat-jhansi-2025: schedule.xml or schedule.json is missing",
        f"{PAGE}/schedule.json: ['schedule']: 'conference' is a required property",
        f"{PAGE}/schedule.json: ['schedule']: 'version' is a required property"]


def test_invalid_html_is_found(tmp_path):
    (tmp_path / "index.html").write_text("<!DOCTYPE html><html lang=en><title>x</title>"
                                         "<p><div></p>", encoding="utf-8")
    page = f"file:{tmp_path / 'index.html'}"  # as vnu names a file
    assert f"{page}:1: No “p” element in scope but a “p” end tag seen." in vnu_errors(tmp_path)


def test_a_link_to_another_site_left_unmarked_is_found(site):
    page = site / PAGE / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace(
        '<p>', '<p><a href="https://example.org/">x</a>', 1), encoding="utf-8")
    assert unmarked_external_links(site) == [
        f'{PAGE}/index.html: <a href="https://example.org/"> is not marked as leaving the site']

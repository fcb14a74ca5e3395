"""The organizers' own content in data/ and content/, checked only in ways that hold for ANY
valid content: it builds under --strict on the real date, its pages are valid HTML, its
links resolve, its calendars and schedules are well-formed, it is translated, and its Hindi
uses the glossary's spellings (docs/glossary.md, as `invoke glossary` checks). Adding,
changing or removing a conclave as the guide says keeps these green; facts of particular
conclaves are tested on tests/fixtures/seeded/.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest
import site_checks
from conftest import ROOT
from sammelan.checks import glossary
from sammelan.i18n.catalog import catalog_path


class Build(NamedTuple):
    status: int
    printed: str
    output: Path


@pytest.fixture(scope="session")
def live_build(tmp_path_factory) -> Build:
    """The live content built once, as CI builds it: preview settings, --strict, today."""
    output = tmp_path_factory.mktemp("live") / "output"
    status, printed = site_checks.build_strict(ROOT, output)
    return Build(status, printed, output)


@pytest.fixture(scope="session")
def live_site(live_build) -> Path:
    assert live_build.status == 0, live_build.printed
    return live_build.output


def test_live_content_builds_under_strict_on_the_real_date(live_build):
    assert live_build.status == 0, live_build.printed


def test_every_page_passes_the_nu_html_checker(live_site):
    errors = site_checks.vnu_errors(live_site)
    assert not errors, "\n".join(errors[:30])


def test_every_internal_link_and_anchor_resolves(live_site):
    broken = site_checks.broken_links(live_site)
    assert not broken, "\n".join(broken[:30])


def test_every_link_to_another_site_is_marked_as_leaving_it(live_site):
    assert site_checks.unmarked_external_links(live_site) == []


def test_every_calendar_reads_alike_in_icalendar_and_ical_js(live_site):
    assert site_checks.calendar_problems(live_site) == []


def test_every_schedule_is_valid_against_its_schema(live_site):
    assert site_checks.schedule_problems(live_site) == []


def test_nothing_is_missing_in_either_language(pot):
    assert site_checks.translation_gaps(ROOT, pot) == [], "run `invoke translations`"



def test_the_hindi_uses_the_spellings_of_the_glossary():
    found = [p.render("en") for p in glossary.check(ROOT, catalog_path("hi"))]
    assert found == [], "run `invoke glossary`:\n" + "\n".join(found[:30])

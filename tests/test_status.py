"""A conclave's status must say what became of it once its last day has passed."""

from __future__ import annotations

import datetime as dt

import pytest
from breaking import JAMSHEDPUR, JHANSI, edit, messages
from conftest import build_into, text_of

PASSED = {"hi": "इसकी तारीखें बीत चुकी हैं।", "en": "Its dates have passed."}
# the status badge under the title
UNREPORTED = {"hi": "तारीखें बीत चुकी हैं; आयोजन की कोई रिपोर्ट अभी नहीं मिली",
              "en": "Dates have passed; no report yet"}
HELD = {"hi": "संपन्न", "en": "Held"}
# what the site cannot know of an unreported event: that it took place, or that it is over
CLAIMS = {"hi": ("संपन्न", "सम्पन्न", "हो चुका"), "en": ("Held", "is over", "took place")}


def conclave_page(output, lang: str, slug: str) -> str:
    return text_of(output / ("en" if lang == "en" else "") / "conclaves" / slug / "index.html")


def test_past_conclave_still_scheduled_is_a_warning_and_an_error_under_strict(project):
    edit(project, JHANSI, "status: unreported", "status: scheduled")
    line = (f"{JHANSI}:7:9: {{}} [status]: the conclave ended on 2025-09-19 but is still "
            "`scheduled` — fix: set `status: held` if it took place, `unreported` if you do "
            "not know yet, or cancelled/postponed/rescheduled")
    assert messages(project, strict=False) == [line.format("warning")]
    assert messages(project, strict=True) == [line.format("error")]


def test_held_before_the_conclave_starts_is_a_warning(project):
    edit(project, JAMSHEDPUR, "status: unreported", "status: held")
    assert messages(project, strict=False, today=dt.date(2026, 1, 1)) == [
        f"{JAMSHEDPUR}:7:9: warning [status]: `held` is for a conclave that has taken place, "
        "but this one starts on 2026-01-16 — fix: set `status: scheduled` until its last day "
        "has passed"]


def test_upcoming_conclave_may_be_scheduled(project):
    edit(project, JAMSHEDPUR, "status: unreported", "status: scheduled")
    assert messages(project, today=dt.date(2026, 1, 1)) == []


def test_rescheduled_needs_the_previous_start_and_only_it_has_one(project):
    edit(project, JAMSHEDPUR, "status: unreported", "status: rescheduled")
    assert messages(project) == [
        f"{JAMSHEDPUR}:7:9: error [status]: a rescheduled conclave needs its previous first "
        "day — fix: add `previous_start: YYYY-MM-DD` (the date it was first announced for)"]
    edit(project, JAMSHEDPUR, "status: rescheduled", 'status: held\nprevious_start: "2026-01-09"')
    assert messages(project) == [
        f"{JAMSHEDPUR}:8:17: error [previous_start]: `previous_start` is only for a rescheduled "
        "conclave — fix: remove it, or set `status: rescheduled`"]


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_an_unreported_event_says_only_that_its_dates_have_passed(site_dir, lang):
    text = conclave_page(site_dir, lang, "msme-for-bharat-jhansi-2025")
    assert UNREPORTED[lang] in text
    assert PASSED[lang] not in text  # the status said it already
    assert not [claim for claim in CLAIMS[lang] if claim in text]


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_a_held_event_says_held_once(site_dir, lang):
    text = conclave_page(site_dir, lang, "ramp-awareness-parwanoo-2025")
    assert text.count(HELD[lang]) == 1 and PASSED[lang] not in text


@pytest.mark.parametrize(("status", "said"), [("scheduled", True), ("rescheduled", True),
                                              ("cancelled", False), ("postponed", False)])
def test_a_past_event_still_announced_says_its_dates_have_passed(project, status, said):
    """A status that speaks of a coming event is corrected by the dates; a cancelled or
    postponed one is not: its dates were never kept."""
    previous = '\nprevious_start: "2025-09-12"' if status == "rescheduled" else ""
    edit(project, JHANSI, "status: unreported", f"status: {status}{previous}")
    assert build_into(project / "output", root=project) == 0
    for lang in ("hi", "en"):
        text = conclave_page(project / "output", lang, "msme-for-bharat-jhansi-2025")
        assert (PASSED[lang] in text) == said
        assert not [claim for claim in CLAIMS[lang] if claim in text]

"""A conclave's status must say what became of it once its last day has passed."""

from __future__ import annotations

import datetime as dt

from breaking import JAMSHEDPUR, JHANSI, edit, messages


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

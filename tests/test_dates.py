"""Reading the dates and clock times organizers write (checks/dates.py)."""

from __future__ import annotations

import datetime as dt
import time

import pytest
from breaking import JHANSI, edit, messages
from sammelan.checks.dates import parse_date, parse_time

NEWS = "data/news/msme-defence-conclave-jharkhand-first.yaml"


@pytest.mark.parametrize(("text", "expected"), [
    ("15:00", dt.time(15)), ("9:30", dt.time(9, 30)), ("00:00", dt.time(0)),
    ("23:59", dt.time(23, 59)), ("24:00", None), ("25:61", None), ("12:60", None),
    ("9:5", None), ("", None), ("aa:bb", None),
])
def test_clock_times(text, expected):
    assert parse_time(text) == expected


def test_days_that_exist_and_days_that_do_not():
    assert parse_date("2028-02-29") == dt.date(2028, 2, 29)
    assert parse_date("2026-02-29") is None and parse_date("2026-13-01") is None


def test_a_news_time_with_a_one_digit_hour_is_read(project):
    """The schema allows "H:MM"; reading it must too (it used to be refused)."""
    edit(project, NEWS, '"2026-01-03 21:40"', '"2026-01-03 9:40"')
    assert messages(project) == []


@pytest.mark.parametrize("year", ["2900", "9999", "1999"])
def test_a_year_out_of_range_is_refused_at_once(project, year):
    edit(project, JHANSI, 'end: "2025-09-19"', f'end: "{year}-01-17"')
    started = time.monotonic()
    assert messages(project) == [
        f"{JHANSI}:9:6: error [end]: {year}-01-17 is not in the years 2000–2099 — fix: check "
        "the year"]
    assert time.monotonic() - started < 10


def test_a_conclave_longer_than_a_month_is_refused(project):
    edit(project, JHANSI, 'end: "2025-09-19"', 'end: "2025-10-28"')
    assert messages(project) == [
        f"{JHANSI}:9:6: error [end]: the conclave lasts 40 days, more than the 31 the site "
        "takes — fix: check the years of `start` and `end`; a longer programme is best "
        "written as several conclaves"]


def test_more_sessions_than_the_limit_are_refused(project):
    many = "".join(f"  - id: s{i}\n    title: {{hi: सत्र, en: Session}}\n    kind: session\n"
                   for i in range(301))
    edit(project, JHANSI, "sessions:\n", "sessions:\n" + many)
    found = messages(project)
    assert found == [f"{JHANSI}:48:3: error [sessions]: the conclave has 305 sessions, more "
                     "than the 300 the site takes — fix: write it as several conclaves"]

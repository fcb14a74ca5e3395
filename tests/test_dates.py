"""Reading the dates and clock times organizers write (checks/dates.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from breaking import edit, messages
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

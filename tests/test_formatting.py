import datetime as dt

from sammelan.i18n import formatting

JAN16, JAN17 = dt.date(2026, 1, 16), dt.date(2026, 1, 17)


def test_dates_in_words_per_language():
    assert formatting.date(JAN16, "hi") == "16 जनवरी 2026"
    assert formatting.date(JAN16, "en") == "16 January 2026"
    assert formatting.weekday_date(JAN16, "hi") == "शुक्रवार, 16 जनवरी 2026"


def test_date_ranges_keep_the_full_month_name():
    assert formatting.date_range(JAN16, JAN17, "hi") == "16–17 जनवरी 2026"
    assert formatting.date_range(JAN16, JAN17, "en") == "16–17 January 2026"
    assert formatting.date_range(JAN16, JAN16, "en") == "16 January 2026"
    assert formatting.date_range(dt.date(2025, 9, 30), dt.date(2025, 10, 1), "en") == \
        "30 September – 1 October 2025"
    assert formatting.date_range(dt.date(2025, 12, 31), dt.date(2026, 1, 1), "en") == \
        "31 December 2025 – 1 January 2026"


def test_times():
    # Babel joins time and day period with a narrow no-break space, as CLDR says.
    assert formatting.time_range(dt.time(15), dt.time(18), "en") == "3:00\u202fpm – 6:00\u202fpm"
    assert formatting.time(dt.time(9, 30), "hi") == "9:30 am"

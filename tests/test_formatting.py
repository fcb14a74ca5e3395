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


def test_english_times_keep_am_and_pm_and_name_it_once_in_a_range():
    # CLDR's spaces: a thin space around the dash, a narrow no-break space before "pm"
    assert formatting.time(dt.time(15), "en") == "3:00\u202fpm"
    assert formatting.time_range(dt.time(15), dt.time(18), "en") == "3:00\u2009–\u20096:00\u202fpm"
    assert formatting.time_range(dt.time(10), dt.time(13), "en") == \
        "10:00\u202fam\u2009–\u20091:00\u202fpm"


def test_hindi_times_name_the_part_of_the_day_in_hindi():
    said = {(9, 30): "सुबह 9:30", (12, 0): "दोपहर 12:00", (15, 0): "दोपहर 3:00",
            (18, 30): "शाम 6:30", (21, 0): "रात 9:00"}
    assert {t: formatting.time(dt.time(*t), "hi") for t in said} == said


def test_a_hindi_range_names_the_part_of_the_day_once_or_at_each_end():
    assert formatting.time_range(dt.time(9, 30), dt.time(11), "hi") == "सुबह 9:30–11:00"
    assert formatting.time_range(dt.time(16), dt.time(19), "hi") == "शाम 4:00–7:00"
    # 6 o'clock in the evening is शाम, not दोपहर: each end says its own part of the day
    assert formatting.time_range(dt.time(15), dt.time(18), "hi") == "दोपहर 3:00 – शाम 6:00"
    assert formatting.time_range(dt.time(10), dt.time(13), "hi") == "सुबह 10:00 – दोपहर 1:00"
    assert formatting.time_range(dt.time(18, 30), dt.time(21), "hi") == "शाम 6:30 – रात 9:00"


def test_a_range_without_an_end_or_of_no_length_is_one_time():
    assert formatting.time_range(dt.time(15), None, "hi") == "दोपहर 3:00"
    assert formatting.time_range(dt.time(15), dt.time(15), "en") == "3:00\u202fpm"


def test_one_name_for_indian_time_in_each_language():
    assert formatting.zone("Asia/Kolkata", "hi") == "भारतीय समय"
    assert formatting.zone("Asia/Kolkata", "en") == "IST"

import datetime as dt

from conftest import SEEDED
from sammelan.model.loader import load_site


def site_on(day: dt.date):
    return load_site(SEEDED, day)[0]


def test_upcoming_and_past_follow_the_build_date():
    before = site_on(dt.date(2025, 9, 1))
    assert [c.slug for c in before.upcoming()][:2] == [
        "msme-for-bharat-jhansi-2025", "msme-cluster-workshop-shimla-2025"]
    assert before.past() == ()
    during = site_on(dt.date(2026, 1, 17))  # the conclave's last day still counts as upcoming
    assert [c.slug for c in during.upcoming()] == ["msme-defence-conclave-2026"]
    assert [c.slug for c in during.past()][0] == "ramp-awareness-parwanoo-2025"


def test_conclave_days_sessions_and_speakers():
    site = site_on(dt.date(2026, 1, 1))
    jhansi = next(c for c in site.conclaves if c.slug == "msme-for-bharat-jhansi-2025")
    assert jhansi.days == (dt.date(2025, 9, 19),)
    timed = [s for s in jhansi.sessions if s.timed]
    assert len(timed) == 1
    start = timed[0].starts_at(jhansi.tz)
    assert start.isoformat() == "2025-09-19T15:00:00+05:30"
    assert timed[0].ends_at(jhansi.tz).hour == 18
    sanjay = next(s for s in site.speakers if s.slug == "sanjay-kanwar")
    assert [c.slug for c, _ in site.sessions_of(sanjay)] == ["msme-cluster-workshop-shimla-2025"]


def test_full_address_in_each_language():
    site = site_on(dt.date(2026, 1, 1))
    lemon = next(v for v in site.venues if v.slug == "hotel-lemon-tree-jhansi")
    assert "Civil Lines" in lemon.full_address("en") and "Jhansi" in lemon.full_address("en")
    assert "झांसी" in lemon.full_address("hi")

"""The synthetic content of `invoke bench` (sammelan.tools.synthetic): valid under --strict,
deterministic, of the shape the bench promises; its one edit; and the bench end to end.
Times are never asserted."""

from __future__ import annotations

import datetime as dt
import re
from itertools import combinations

import pytest
from conftest import BUILD_EPOCH, build_into, digest, text_of
from sammelan.model.loader import load_site
from sammelan.tools import bench, synthetic

N = 3
TODAY = dt.date(2026, 1, 1)  # BUILD_EPOCH in IST
DEVANAGARI = re.compile("[\u0900-\u097f]")


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    root = tmp_path_factory.mktemp("synthetic") / "project"
    synthetic.make_project(root, N)
    return root


@pytest.fixture(scope="module")
def site(project):
    found, warnings = load_site(project, TODAY, strict=True, epoch=int(BUILD_EPOCH))
    assert warnings == []  # not even advice (e.g. a speaker in no session)
    return found


def sources(root):
    return {k: v for k, v in digest(root).items() if k.startswith(("data/", "content/"))}


def test_it_builds_under_strict(project, tmp_path):
    assert build_into(tmp_path / "out", root=project, strict=True) == 0
    pages = list((tmp_path / "out").rglob("*.html"))
    # 404, home and four indexes, the accessibility statement, help and site map, N
    # conclaves and their N posters, N//2 news, 20 schemes, 3N speakers; twice
    assert len(pages) == 2 * (9 + 2 * N + N // 2 + len(synthetic.SCHEMES) + 3 * N)


def test_the_same_scale_writes_the_same_bytes(tmp_path):
    synthetic.generate(tmp_path / "a", N)
    synthetic.generate(tmp_path / "b", N)
    assert sources(tmp_path / "a") == sources(tmp_path / "b")
    synthetic.generate(tmp_path / "c", N + 1)
    assert sources(tmp_path / "c") != sources(tmp_path / "a")


def test_every_conclave_has_the_promised_shape(site, project):
    assert len(site.conclaves) == N
    assert len(site.speakers) == 3 * N
    assert len(site.news) == N // 2 and all(item.conclave for item in site.news)
    assert {c.end < TODAY for c in site.conclaves} == {True, False}  # past and upcoming
    for conclave in site.conclaves:
        assert (conclave.end - conclave.start).days == 1
        assert 2 <= len(conclave.schemes) <= 3
        sessions = conclave.sessions
        assert len(sessions) == 8 and all(s.start and s.end for s in sessions)
        assert {s.date for s in sessions} == {conclave.start, conclave.end}
        speakers = {p.speaker.slug for s in sessions for p in s.speakers}
        assert len(speakers) == 6
        for a, b in combinations(sessions, 2):  # nobody is in two rooms at once
            if a.date == b.date and a.start < b.end and b.start < a.end:
                assert not {p.speaker.slug for p in a.speakers} & \
                    {p.speaker.slug for p in b.speakers}, (a.id, b.id)
        for lang in ("hi", "en"):
            prose = (project / f"content/conclaves/{conclave.slug}.{lang}.md").read_text()
            assert len(prose.split()) >= 250
            assert bool(DEVANAGARI.search(prose)) == (lang == "hi")
        for text in [conclave.title] + [s.title for s in sessions] + [s.summary for s in sessions]:
            assert DEVANAGARI.search(text.hi) and not DEVANAGARI.search(text.en)


def test_the_edit_changes_one_file_and_the_page_shows_it(tmp_path):
    root = tmp_path / "project"
    synthetic.make_project(root, N)
    before = sources(root)
    change = synthetic.edit(root, N)
    after = sources(root)
    assert [k for k in after if after[k] != before.get(k)] == [change.path]
    assert after.keys() == before.keys()
    assert build_into(tmp_path / "out", root=root, strict=True) == 0
    page = f"conclaves/{change.conclave}/index.html"
    assert change.title["hi"] in text_of(tmp_path / "out" / page)
    assert change.title["en"] in text_of(tmp_path / "out/en" / page)
    synthetic.undo(root, N, change)
    assert sources(root) == before


def test_bench_compares_as_many_pages_of_each_site():
    results = bench.run(conclaves=2, runs=1)
    pages = results["html_pages"]
    assert pages["sammelan"] == pages["pelican"] == 2 * (9 + 2 * 2 + 1 + 20 + 6)
    for build in (*results["sammelan"].values(), results["pelican"]["full"]):
        assert set(build) == {"wall_s", "cpu_s", "peak_rss_mib"}
    assert results["weight"]["conclave_page_gzip_max"] >= \
        results["weight"]["conclave_page_gzip_median"] > 0
    assert "Sammelan / Pelican" in bench.report(results)


def test_bench_times_the_preview_showing_an_edit(seeded_root):
    seconds = bench.preview_latency(seeded_root, edits=2)
    assert len(seconds) == 2 and all(0 < s < 60 for s in seconds)

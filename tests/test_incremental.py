"""A build into an output that a build made before reuses what did not change: it must give
exactly the bytes of a clean build, after any sequence of edits, deletions included."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from breaking import JAMSHEDPUR, JHANSI, RAKESH, edit
from conftest import BUILD_EPOCH, SEEDED, copy_project, digest
from jinja2 import Environment
from sammelan import manifest
from sammelan.build import build
from sammelan.model.loader import load_site, source_files
from sammelan.options import BuildOptions
from sammelan.render import outputs
from sammelan.render.html import FIELDS, Listed, Unkeyed
from sammelan.sources import memo, provenance

JHANSI_PAGE = "en/conclaves/msme-for-bharat-jhansi-2025/index.html"
JAMSHEDPUR_PAGE = "en/conclaves/msme-defence-conclave-2026/index.html"
RAKESH_PAGE = "en/speakers/rakesh-bala/index.html"
PARWANOO = "data/conclaves/ramp-awareness-parwanoo-2025.yaml"
COPY = "msme-for-bharat-jhansi-2026"


@pytest.fixture
def project(tmp_path) -> Path:
    return copy_project(tmp_path / "project")


def run(project: Path, output: Path, epoch: int = int(BUILD_EPOCH), workers: int = 1) -> int:
    return build(project / "pelicanconf.py", output,
                 BuildOptions(epoch=epoch, workers=workers))


class Builds:
    """Builds into one output again and again, each checked against a clean build."""

    def __init__(self, project: Path, tmp: Path):
        self.project, self.tmp, self.output, self.count = project, tmp, tmp / "output", 0

    def again(self, epoch: int = int(BUILD_EPOCH)) -> dict[str, str]:
        assert run(self.project, self.output, epoch) == 0
        self.count += 1
        clean = self.tmp / f"clean-{self.count}"
        assert run(self.project, clean, epoch) == 0
        assert digest(self.output) == digest(clean)
        return digest(self.output)

    def stamp(self, relative: str) -> tuple[int, int]:
        status = (self.output / relative).stat()
        return status.st_ino, status.st_mtime_ns


def add_conclave(project: Path, slug: str = COPY, day: str = "2026-09-18") -> None:
    """A copy of the Jhansi conclave as `slug`, held on `day`."""
    for old, new in ((JHANSI, f"data/conclaves/{slug}.yaml"),
                     *((f"content/conclaves/msme-for-bharat-jhansi-2025.{lang}.md",
                        f"content/conclaves/{slug}.{lang}.md") for lang in ("hi", "en"))):
        text = (project / old).read_text(encoding="utf-8")
        (project / new).write_text(text.replace("2025-09-19", day), encoding="utf-8")


def test_edits_additions_and_deletions_give_the_bytes_of_a_clean_build(project, tmp_path):
    builds = Builds(project, tmp_path)
    first = builds.again()
    untouched = builds.stamp(JAMSHEDPUR_PAGE)

    edit(project, JHANSI, "en: MSME for Bharat Conclave, Jhansi", "en: MSME for Bharat, Jhansi")
    changed = builds.again()
    assert changed[JHANSI_PAGE] != first[JHANSI_PAGE]
    edit(project, JHANSI, "en: MSME for Bharat, Jhansi", "en: MSME for Bharat Jhansi")
    builds.again()
    # The second build after the first updates the first one's folder (the spare): the
    # other conclave's page there was neither made again nor rewritten.
    assert builds.stamp(JAMSHEDPUR_PAGE) == untouched

    add_conclave(project)
    added = builds.again()
    assert f"en/conclaves/{COPY}/index.html" in added

    edit(project, RAKESH, "en: Rakesh Bala", "en: Rakesh K. Bala")
    builds.again()

    # a session changes on the page of its speaker too, though the speaker's file did not
    edit(project, PARWANOO, "en: A call to adopt modern and smart technology",
         "en: A call to adopt smart technology")
    assert builds.again()[RAKESH_PAGE] != changed[RAKESH_PAGE]

    for path in project.glob(f"*/conclaves/{COPY}*"):
        path.unlink()
    removed = builds.again()
    assert not [p for p in removed if COPY in p]

    # a recorded floor of the SEQUENCE of one day of one conclave
    sequences = project / "data/calendar-sequences.json"
    before = sequences.read_text(encoding="utf-8")
    sequences.write_text(before.replace('"sequence": 1,\n    "state": "2026-01-16 unreported',
                                        '"sequence": 4,\n    "state": "2026-01-16 unreported',
                                        1), encoding="utf-8")
    assert sequences.read_text(encoding="utf-8") != before
    recorded = builds.again()
    assert recorded["en/conclaves/msme-defence-conclave-2026/calendar.ics"] != removed[
        "en/conclaves/msme-defence-conclave-2026/calendar.ics"]

    edit(project, "themes/sammelan/templates/base.html", "<footer", "<footer data-edited")
    templated = builds.again()
    assert templated[JAMSHEDPUR_PAGE] != changed[JAMSHEDPUR_PAGE]

    a_year_later = int(BUILD_EPOCH) + 365 * 86400  # the Jamshedpur conclave is over then
    builds.again(a_year_later)


PARWANOO_PAGE = "en/conclaves/ramp-awareness-parwanoo-2025/index.html"
# Edits of files that a page's entity refers to, directly (the conclave's venue and scheme)
# or through another entity (the organization of a speaker in a session; the organization
# that runs a scheme, shown on the scheme's page): (file, old, new, the page that shows it).
REFERENCED = [
    ("data/venues/parwanoo.yaml", "en: Parwanoo\ncity", "en: Parwanoo town\ncity",
     PARWANOO_PAGE),
    ("data/organizations/single-window-clearance-agency-parwanoo.yaml",
     "en: Single Window Clearance Agency, Parwanoo", "en: Single Window Agency, Parwanoo",
     PARWANOO_PAGE),
    ("data/schemes/ramp.yaml", "en: Raising and Accelerating MSME Performance",
     "en: Raising and Accelerating the Performance of MSMEs", PARWANOO_PAGE),
    ("data/organizations/ministry-of-msme.yaml", "Government of India",
     "GoI", "en/schemes/ramp/index.html"),
]


def test_an_edit_of_what_a_page_refers_to_makes_the_page_again(project, tmp_path):
    """A page is keyed by what its entities were made from, their references' files among
    them, however indirect: each such edit shows on the page, as in a clean build."""
    builds = Builds(project, tmp_path)
    before = builds.again()
    for relative, old, new, page in REFERENCED:
        edit(project, relative, old, new)
        after = builds.again()
        assert after[page] != before[page], relative
        before = after
    # a referenced entity's prose, new: the venue's directions, which its conclaves show
    (project / "content/venues").mkdir()
    for lang in ("hi", "en"):
        (project / f"content/venues/parwanoo.{lang}.md").write_text(
            "Directions.\n", encoding="utf-8")
    assert builds.again()[PARWANOO_PAGE] != before[PARWANOO_PAGE]


def test_a_recorded_change_dates_its_pages_and_the_lists_again(project, tmp_path):
    """The footer's "last updated" follows data/changed.json: the conclave's own page and
    the pages listing the site (its change is the newest) are made again, a speaker's page
    is left as it was."""
    builds = Builds(project, tmp_path)
    first = builds.again()
    untouched = builds.stamp(RAKESH_PAGE)
    slug = "msme-for-bharat-jhansi-2025"
    digest_now = provenance.digest(project, source_files("conclave", slug))
    for day in ("2026-01-02", "2026-01-03"):
        record = {f"conclaves/{slug}": {"digest": digest_now, "changed": f"{day}T06:00:00+00:00"}}
        (project / provenance.RECORD).write_text(json.dumps(record), encoding="utf-8")
        dated = builds.again()
        for page in (JHANSI_PAGE, "en/conclaves/index.html", "en/sitemap/index.html",
                     "sitemap.xml"):
            assert dated[page] != first[page], page
    assert "3 January 2026" in (builds.output / JHANSI_PAGE).read_text(encoding="utf-8")
    # the second build updates the first one's folder: the speaker's page was not made again
    assert builds.stamp(RAKESH_PAGE) == untouched


def test_a_build_with_errors_leaves_output_and_record_as_they_were(project, tmp_path):
    builds = Builds(project, tmp_path)
    before = builds.again()
    edit(project, JAMSHEDPUR, 'start: "2026-01-16"', 'start: "2026-01-61"')
    assert run(project, builds.output) == 1
    assert digest(builds.output) == before
    edit(project, JAMSHEDPUR, 'start: "2026-01-61"', 'start: "2026-01-15"')
    assert builds.again() != before


def test_nothing_changed_is_said_and_nothing_is_written(project, tmp_path, capsys):
    output = tmp_path / "output"
    assert run(project, output) == 0
    folder = output.stat().st_ino
    capsys.readouterr()
    assert run(project, output) == 0
    assert "Nothing changed since the last build" in capsys.readouterr().err
    assert output.stat().st_ino == folder
    os.utime(project / JHANSI)  # a file saved again unchanged is no change
    assert run(project, output) == 0
    assert output.stat().st_ino == folder


def test_an_output_removed_by_hand_is_made_whole_again(project, tmp_path):
    output = tmp_path / "output"
    assert run(project, output) == 0
    whole = digest(output)
    shutil.rmtree(output)
    assert run(project, output) == 0
    assert digest(output) == whole
    assert manifest.read(output) is not None


def test_files_made_by_several_processes_are_the_files_of_one(project, tmp_path, monkeypatch):
    monkeypatch.setattr(outputs, "POOL_THRESHOLD", 1)
    monkeypatch.setattr(memo, "PREFETCH_THRESHOLD", 1)
    assert run(project, tmp_path / "two", workers=2) == 0
    assert run(project, tmp_path / "one", workers=1) == 0
    assert digest(tmp_path / "two") == digest(tmp_path / "one")


def test_a_session_edited_leaves_the_lists_unmade(project, tmp_path):
    """The lists show each conclave's card and each speaker's line (html.LISTED), the
    site maps each page's name and time of change, not an agenda: retitling a session
    makes its conclave's page again, not the lists."""
    builds = Builds(project, tmp_path)
    builds.again()
    lists = [f"{lang}{page}index.html" for lang in ("", "en/") for page in (
        "", "conclaves/", "speakers/", "schemes/", "news/", "sitemap/")] + ["sitemap.xml"]
    before = {path: builds.stamp(path) for path in lists}
    page = builds.stamp(JHANSI_PAGE)
    edit(project, JHANSI, "en: Prospects and challenges of MSMEs",
         "en: Prospects and challenges for MSMEs")
    builds.again()
    edit(project, JHANSI, "en: Prospects and challenges for MSMEs",
         "en: Prospects and challenges of MSEs")
    builds.again()  # the second build updates the first one's folder (the spare)
    assert {path: builds.stamp(path) for path in lists} == before
    assert builds.stamp(JHANSI_PAGE) != page


def test_a_list_page_that_reads_more_than_its_key_stops_the_build():
    """Reading a field the key does not hold would leave the list stale after an edit of
    that field: it fails, where Jinja would quietly print nothing for a missing one."""
    site, _ = load_site(SEEDED, BuildOptions(epoch=int(BUILD_EPOCH)).today())
    card = Listed(site.conclaves[0], FIELDS["conclaves"])
    env = Environment()
    assert env.from_string("{{ c.slug }}").render(c=card) == site.conclaves[0].slug
    with pytest.raises(Unkeyed):
        env.from_string("{% for s in c.sessions %}{{ s.id }}{% endfor %}").render(c=card)


def test_other_library_versions_make_every_file_again(project, tmp_path):
    """requirements.lock pins the libraries that write the files (Jinja, icalendar,
    Pillow…): after an upgrade no file is kept from before it."""
    builds = Builds(project, tmp_path)
    lock = project / "requirements.lock"
    lock.write_text("jinja2==3.1.5\n", encoding="utf-8")
    builds.again()
    first = builds.stamp(JAMSHEDPUR_PAGE)
    for version in ("3.1.6", "3.1.7"):
        lock.write_text(f"jinja2=={version}\n", encoding="utf-8")
        builds.again()  # the second updates the first build's folder
    assert builds.stamp(JAMSHEDPUR_PAGE) != first


def test_an_edit_outside_the_subscriptions_window_leaves_it_unmade(project, tmp_path):
    """The site-wide calendar holds the conclaves of its window (ics.window) and is keyed
    by them alone: retitling a session of a conclave two years ahead makes that
    conclave's calendar again, not the subscription every subscriber's app fetches."""
    later = "msme-for-bharat-jhansi-2027"
    add_conclave(project, later, "2027-11-19")
    builds = Builds(project, tmp_path)
    builds.again()
    site_wide = {path: builds.stamp(path) for path in ("calendar.ics", "en/calendar.ics")}
    own = builds.stamp(f"en/conclaves/{later}/calendar.ics")
    # two edits: the second build updates the first one's folder
    for old, new in (("of MSMEs", "for MSMEs"), ("for MSMEs", "of MSEs")):
        edit(project, f"data/conclaves/{later}.yaml", f"en: Prospects and challenges {old}",
             f"en: Prospects and challenges {new}")
        builds.again()
    assert {path: builds.stamp(path) for path in site_wide} == site_wide
    assert builds.stamp(f"en/conclaves/{later}/calendar.ics") != own

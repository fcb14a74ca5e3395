"""Each output format is declared once (render/formats.py): every file of a build is one
of them, links carry their media types, a path written twice stops the build, and the
build leaves no process-wide state behind."""

from __future__ import annotations

import os
import shutil
import xml.etree.ElementTree as ET

import pytest
from conftest import build_into, digest, parse
from sammelan import manifest
from sammelan.render import formats, outputs
from sammelan.render.jobs import Job, OutputClash

THEME_AND_IMAGES = formats.ASSET_FOLDERS


def test_every_built_file_is_a_declared_format(site_dir):
    files = [p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()]
    ours = [f for f in files if not f.startswith(THEME_AND_IMAGES)]
    assert len(ours) > 100
    undeclared = [f for f in ours if formats.media_type(f) is None]
    assert undeclared == []
    # and every declared format is in the build, in both languages where it is per language
    for fmt in formats.ALL:
        matching = [f for f in ours if f.endswith(fmt.file_name)]
        assert matching, fmt.name
        if fmt.per_language:
            assert any(f.startswith("en/") for f in matching), fmt.name


def test_media_types_by_the_longest_declared_file_name():
    assert formats.media_type("en/feed.atom.xml") == "application/atom+xml; charset=utf-8"
    assert formats.media_type("conclaves/x/schedule.xml") == "application/xml; charset=utf-8"
    assert formats.media_type("conclaves/x/sessions/y.ics") == "text/calendar; charset=utf-8"
    assert formats.media_type("theme/css/site.css") is None


def test_links_to_other_formats_carry_their_declared_media_type(site_dir):
    page = parse(site_dir / "en/conclaves/msme-for-bharat-jhansi-2025/index.html")
    typed = {a.get("href").rsplit("/", 1)[-1]: a.get("type")
             for a in page.iter("a", "link") if a.get("type")}
    assert typed["schedule.xml"] == "application/xml"
    assert typed["schedule.json"] == "application/json"
    assert typed["calendar.ics"] == "text/calendar"
    assert typed["qr.svg"] == "image/svg+xml"
    assert typed["feed.atom.xml"] == "application/atom+xml"


def test_a_path_written_twice_is_an_error_not_an_overwrite(tmp_path):
    jobs = [Job("en/index.html", "pages", "1", lambda: b"one"),
            Job("en/index.html", "feeds", "2", lambda: b"two")]
    with pytest.raises(OutputClash, match="en/index.html is written by both the pages and"):
        outputs.claim(jobs)


def test_a_clash_stops_the_build_and_keeps_the_last_site(project, monkeypatch, capsys):
    output = project / "output"
    assert build_into(output, root=project) == 0
    before = digest(output)
    copy = Job("calendar.ics", "copy", "x", lambda: b"x")
    monkeypatch.setattr(outputs, "PLANNERS", {**outputs.PLANNERS, "copy": lambda *_: [copy]})
    # the code changed in memory, not on disk where a build looks for what changed
    shutil.rmtree(manifest.folder(output))
    assert build_into(output, root=project) == 1
    assert digest(output) == before
    err = capsys.readouterr().err
    assert "calendar.ics is written by both the calendars and the copy" in err
    assert "Traceback" not in err


def test_a_build_changes_no_process_wide_state(project, tmp_path):
    namespaces = dict(ET._namespace_map)  # ElementTree's global prefix table
    environment = dict(os.environ)
    assert build_into(tmp_path / "output", root=project) == 0
    assert dict(ET._namespace_map) == namespaces
    assert dict(os.environ) == environment

"""`invoke serve`: rebuilds on save, prints errors, keeps serving the last good site."""

from __future__ import annotations

import time
import urllib.error
import urllib.request

import pytest
from breaking import JHANSI, edit
from sammelan.tools.preview import Preview

PAGE = "en/conclaves/msme-for-bharat-jhansi-2025/"


def fetch(preview: Preview, path: str) -> tuple[str, str]:
    with urllib.request.urlopen(preview.url + path, timeout=10) as response:
        return response.headers["Content-Type"], response.read().decode("utf-8")


def wait_for_build(preview: Preview, before: int) -> None:
    deadline = time.monotonic() + 60
    while preview.builds == before:
        assert time.monotonic() < deadline, "no rebuild after a save"
        time.sleep(0.1)


@pytest.fixture
def preview(project):
    lines: list[str] = []
    server = Preview(project, "pelicanconf.py", project / "output", port=0, log=lines.append)
    server.lines = lines
    server.start()
    yield server
    server.stop()


def test_preview_rebuilds_on_save_and_keeps_the_last_good_site(preview, project):
    kind, page = fetch(preview, PAGE)
    assert kind == "text/html; charset=utf-8" and "Hotel Lemon Tree" in page

    before = preview.builds
    edit(project, JHANSI, 'end: "2025-09-19"', 'end: "2025-09-18"')
    wait_for_build(preview, before)
    assert any(line.startswith(f"{JHANSI}:9:6: error [end]") for line in preview.lines)
    assert preview.lines[-1].startswith("Still serving the last good site")
    assert fetch(preview, PAGE)[1] == page

    before = preview.builds
    edit(project, JHANSI, 'end: "2025-09-18"', 'end: "2025-09-19"')
    edit(project, "data/venues/hotel-lemon-tree-jhansi.yaml", "Hotel Lemon Tree",
         "Hotel Lemon Tree Premier")
    wait_for_build(preview, before)
    assert preview.lines[-1].startswith("Built.")
    assert "Hotel Lemon Tree Premier" in fetch(preview, PAGE)[1]


def test_preview_serves_calendars_as_text_calendar(preview, project):
    (project / "output" / "test.ics").write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert fetch(preview, "test.ics")[0] == "text/calendar; charset=utf-8"


def test_preview_types_come_from_the_declared_formats(preview):
    assert fetch(preview, "en/feed.atom.xml")[0] == "application/atom+xml; charset=utf-8"
    folder = "conclaves/msme-for-bharat-jhansi-2025/"
    assert fetch(preview, folder + "schedule.xml")[0] == "application/xml; charset=utf-8"
    assert fetch(preview, folder + "calendar.ics")[0] == "text/calendar; charset=utf-8"


def test_preview_calendar_links_point_at_its_own_port(preview):
    port = preview.base.rsplit(":", 1)[1]
    assert port != "8000"
    page = fetch(preview, PAGE)[1]
    assert f"webcal://localhost:{port}/en/conclaves/msme-for-bharat-jhansi-2025/calendar.ics" \
        in page
    assert "localhost:8000" not in page
    ics = fetch(preview, "en/conclaves/msme-for-bharat-jhansi-2025/calendar.ics")[1]
    assert "UID:msme-for-bharat-jhansi-2025@localhost" in ics
    assert f"URL:http://localhost:{port}/en/conclaves/" in ics


def test_preview_lists_no_folders(preview):
    with pytest.raises(urllib.error.HTTPError) as refused:
        fetch(preview, "theme/")
    assert refused.value.code == 404
    assert fetch(preview, "en/")[0] == "text/html; charset=utf-8"  # a folder with its index

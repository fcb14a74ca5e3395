"""`invoke serve` shows the truth: it rebuilds on save; while the sources have a mistake
every page it serves is the error page, in the organizer's language, until a fix brings
the site back; pages reload by themselves after a build; links use its real port."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from breaking import JHANSI, edit
from conftest import BUILD_EPOCH, copy_project, html_pages
from lxml import html as lxml_html
from sammelan.errors import Problem, SourceErrors
from sammelan.i18n.messages import shown
from sammelan.model.loader import load_site
from sammelan.tools.preview import Preview
from sammelan.tools.preview_html import BUILD_PATH
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait
from test_browser import FLAGS

SLUG = "msme-for-bharat-jhansi-2025"
PAGE = f"en/conclaves/{SLUG}/"
# Every kind of page a browser may be on: home in both languages, a conclave, a missing one.
PAGES = ("", "en/", PAGE, f"conclaves/{SLUG}/", "no-such-page/", "en/conclaves/gone/")
BROKEN_END = ('end: "2025-09-19"', 'end: "2025-09-18"')
TITLE = {"en": "The site could not be built", "hi": "साइट नहीं बन सकी"}
LOCALE = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def fetch(preview: Preview, path: str) -> tuple[int, str, str]:
    """Status, media type and text of a response, errors included."""
    try:
        with urllib.request.urlopen(preview.url + path, timeout=10) as response:
            return response.status, response.headers["Content-Type"], response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read().decode()


def wait_until(condition: Callable[[], bool], what: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.05)


def settle(preview: Preview, before: int, failed: bool) -> None:
    """Wait for a build after `before` that failed (or succeeded), as the edits ask."""
    wait_until(lambda: preview.builds > before and (preview.failure is not None) == failed,
               "no rebuild after a save")


@contextlib.contextmanager
def broken(preview: Preview, project: Path, relative: str, old: str, new: str
           ) -> Iterator[None]:
    """The project with one mistake, served as such; the shared server's project is good
    again afterwards."""
    before = preview.builds
    edit(project, relative, old, new)
    try:
        settle(preview, before, failed=True)
        yield
    finally:
        before = preview.builds
        edit(project, relative, new, old)
        settle(preview, before, failed=False)


def text(page: str) -> str:
    return " ".join(lxml_html.fromstring(page).text_content().split())


def problem_of(project: Path) -> Problem:
    """The one error the sources have, as the loader finds it."""
    with pytest.raises(SourceErrors) as found:
        load_site(project, dt.date(2026, 1, 1))
    [problem] = [p for p in found.value.problems if not p.warning]
    return problem


@contextlib.contextmanager
def serving(project: Path, locale: str, lang: str | None = None) -> Iterator[Preview]:
    """A preview started, and rebuilding, under `locale` (the organizer's environment),
    with `--lang`."""
    lines: list[str] = []
    with pytest.MonkeyPatch.context() as patch:
        for name in LOCALE:
            patch.delenv(name, raising=False)
        patch.setenv("LANG", locale)
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        server = Preview(project, "pelicanconf.py", project / "output", port=0,
                         log=lines.append, lang=lang)
        server.lines = lines
        server.start()
        try:
            yield server
        finally:
            server.stop()


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """One copy of the seeded project for the module's server; tests that break it mend it."""
    return copy_project(tmp_path_factory.mktemp("preview") / "project")


@pytest.fixture(scope="module")
def preview(project) -> Iterator[Preview]:
    with serving(project, "en_IN.UTF-8") as server:
        yield server


def test_a_broken_edit_turns_every_page_into_the_error_page_until_fixed(preview, project):
    status, kind, page = fetch(preview, PAGE)
    assert (status, kind) == (200, "text/html; charset=utf-8") and "Hotel Lemon Tree" in page

    with broken(preview, project, JHANSI, *BROKEN_END):
        problem = problem_of(project)
        for path in PAGES:
            status, kind, page = fetch(preview, path)
            assert (status, kind) == (500, "text/html; charset=utf-8"), path
            shown_page = text(page)
            assert shown_page.startswith(TITLE["en"]), path
            assert f"{JHANSI}:9:6 Error [end]" in shown_page, path
            assert shown(problem.message, "en") in shown_page
            assert f"How to fix: {shown(problem.fix, 'en')}" in shown_page
        status, kind, said = fetch(preview, f"conclaves/{SLUG}/calendar.ics")
        assert (status, kind) == (503, "text/plain; charset=utf-8")
        assert said == f"The site could not be built: {preview.url} shows what to fix.\n"
        assert any(line.startswith(f"{JHANSI}:9:6: error [end]") for line in preview.lines)
        assert preview.lines[-1].startswith(
            f"The site could not be built: every page of {preview.url} shows what to fix")

    assert preview.lines[-1] == f"Built. Serving {preview.url}"
    status, _, page = fetch(preview, PAGE)
    assert status == 200 and "Hotel Lemon Tree" in page and TITLE["en"] not in page
    status, _, page = fetch(preview, "en/conclaves/gone/")
    assert status == 404 and "Page not found" in page  # the site's own 404 page, in English


def test_an_edit_is_served_after_the_rebuild(preview, project):
    venue = "data/venues/hotel-lemon-tree-jhansi.yaml"
    before = preview.builds
    edit(project, venue, "Hotel Lemon Tree", "Hotel Lemon Tree Premier")
    try:
        settle(preview, before, failed=False)
        assert "Hotel Lemon Tree Premier" in fetch(preview, PAGE)[2]
    finally:
        before = preview.builds
        edit(project, venue, "Hotel Lemon Tree Premier", "Hotel Lemon Tree")
        settle(preview, before, failed=False)


def test_the_error_page_escapes_the_organizers_text(preview, project):
    with broken(preview, project, JHANSI, "venue: hotel-lemon-tree-jhansi",
                'venue: "<b>x</b>"'):
        page = fetch(preview, "en/")[2]
        assert "`&lt;b&gt;x&lt;/b&gt;` is not in the right form" in page
        assert "<b>" not in page
        assert f"{JHANSI}:10:8" in text(page)


def test_the_reload_script_is_served_but_never_written_to_the_site(preview, project):
    for path in (PAGE, "", "en/conclaves/gone/"):
        page = fetch(preview, path)[2]
        assert page.count(f'fetch("{BUILD_PATH}?after="') == 1, path
        assert page.index(BUILD_PATH) > page.index("</footer>")  # at the end of the body
    assert "<script>" not in fetch(preview, f"conclaves/{SLUG}/schedule.xml")[2]
    pages = html_pages(project / "output")
    assert len(pages) > 20
    assert not [p for p in pages if "__sammelan" in p.read_text(encoding="utf-8")]


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in FLAGS + [f"--user-data-dir={tmp_path_factory.mktemp('chromium')}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service("/usr/bin/chromedriver"))
    yield driver
    driver.quit()


def test_an_open_page_reloads_by_itself_after_each_build(preview, project, browser):
    browser.get(preview.url + PAGE)
    title = browser.title
    assert "Jhansi" in title
    with broken(preview, project, JHANSI, *BROKEN_END):
        WebDriverWait(browser, 30).until(lambda b: b.title == TITLE["en"])
        assert f"{JHANSI}:9:6" in browser.page_source
    WebDriverWait(browser, 30).until(lambda b: b.title == title)
    assert browser.current_url == preview.url + PAGE


def test_the_build_address_answers_once_the_next_build_is_done(preview, project):
    before = preview.builds
    assert fetch(preview, f"{BUILD_PATH[1:]}?after={before - 1}")[2] == str(before)
    answers: list[str] = []
    waiting = threading.Thread(target=lambda: answers.append(
        fetch(preview, f"{BUILD_PATH[1:]}?after={before}")[2]))
    waiting.start()
    with broken(preview, project, JHANSI, *BROKEN_END):
        waiting.join(timeout=30)
    assert answers == [str(before + 1)]  # not before: it answered the build it waited for


def test_stopping_answers_the_scripts_still_waiting(tmp_path):
    project = copy_project(tmp_path / "project")
    answers: list[float] = []
    with serving(project, "en_IN.UTF-8") as server:
        def wait() -> None:
            fetch(server, f"{BUILD_PATH[1:]}?after={server.builds}")
            answers.append(time.monotonic())

        waiting = threading.Thread(target=wait)
        waiting.start()
        # until the request waits at the server (nothing public to poll for that)
        wait_until(lambda: server._built._waiters, "the request never reached the server")
        assert not answers
        stopping = time.monotonic()
    waiting.join(timeout=10)
    assert answers and answers[0] - stopping < 3


@pytest.mark.parametrize(("locale", "option", "lang"), [
    ("hi_IN.UTF-8", None, "hi"),  # the organizer's environment
    ("hi_IN.UTF-8", "en", "en"),  # `invoke serve --lang en` overrides it
])
def test_the_error_page_is_in_the_organizers_language(tmp_path, locale, option, lang):
    project = copy_project(tmp_path / "project")
    edit(project, JHANSI, *BROKEN_END)
    problem = problem_of(project)
    with serving(project, locale, option) as server:
        assert server.failure is not None
        status, _, page = fetch(server, "conclaves/")
        assert status == 500
        root = lxml_html.fromstring(page)
        assert root.get("lang") == lang
        assert root.findtext(".//title") == root.findtext(".//h1") == TITLE[lang]
        shown_page = text(page)
        assert f"{JHANSI}:9:6" in shown_page
        fix_label = {"hi": "कैसे सुधारें", "en": "How to fix"}[lang]
        assert f"{fix_label}: {shown(problem.fix, lang)}" in shown_page
        assert any(line.startswith(TITLE[lang]) for line in server.lines)


def test_a_build_that_names_no_problem_shows_what_it_printed(tmp_path):
    project = copy_project(tmp_path / "project")
    base = project / "themes/sammelan/templates/base.html"
    base.write_text(base.read_text(encoding="utf-8") + "{% if %}", encoding="utf-8")
    with serving(project, "en_IN.UTF-8") as server:
        status, _, page = fetch(server, "")
        assert status == 500 and TITLE["en"] in page
        assert "The build stopped without naming a mistake in data/ or content/" in page
        said = text(page)  # the template's error, as the build printed it
        assert "base.html" in said and "{% if %}" in said


def test_preview_serves_calendars_as_text_calendar(preview, project):
    (project / "output" / "test.ics").write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    assert fetch(preview, "test.ics")[1] == "text/calendar; charset=utf-8"


def test_preview_types_come_from_the_declared_formats(preview):
    assert fetch(preview, "en/feed.atom.xml")[1] == "application/atom+xml; charset=utf-8"
    folder = f"conclaves/{SLUG}/"
    assert fetch(preview, folder + "schedule.xml")[1] == "application/xml; charset=utf-8"
    assert fetch(preview, folder + "calendar.ics")[1] == "text/calendar; charset=utf-8"


def test_preview_links_point_at_its_own_port(preview):
    port = preview.base.rsplit(":", 1)[1]
    assert port != "8000"
    for lang in ("", "en/"):
        page = fetch(preview, f"{lang}conclaves/{SLUG}/")[2]
        assert f"webcal://localhost:{port}/{lang}conclaves/{SLUG}/calendar.ics" in page
        home = fetch(preview, lang)[2]
        assert f"webcal://localhost:{port}/{lang}calendar.ics" in home
        assert "localhost:8000" not in page + home
    ics = fetch(preview, f"en/conclaves/{SLUG}/calendar.ics")[2]
    assert f"UID:{SLUG}@localhost" in ics
    assert f"URL:http://localhost:{port}/en/conclaves/" in ics
    schedule = json.loads(fetch(preview, f"en/conclaves/{SLUG}/schedule.json")[2])
    assert schedule["schedule"]["base_url"] == f"http://localhost:{port}/en/conclaves/{SLUG}/"


def test_preview_lists_no_folders(preview):
    status, kind, page = fetch(preview, "theme/")
    assert status == 404 and "पृष्ठ नहीं मिला" in page  # the site's Hindi 404 page
    assert fetch(preview, "en/")[:2] == (200, "text/html; charset=utf-8")  # a folder's index

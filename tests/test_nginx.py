"""The nginx.conf every build ships, on a real nginx: Debian's (installed by `make test`),
started on a loopback port over the published fixture site, as an organizer's server would
include it. Each format is sent with its declared media type, a miss gets the "not found"
page of its language with the status 404, text is compressed, and pages revalidate."""

from __future__ import annotations

import gzip
import http.client
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from nginx_server import Server, serving
from sammelan.render import formats

HINDI_MISS, ENGLISH_MISS = "/no-such-page/", "/en/no-such-page/"


@pytest.fixture(scope="module")
def server(published_dir, tmp_path_factory) -> Iterator[Server]:
    with serving(published_dir, tmp_path_factory.mktemp("nginx")) as running:
        yield running


def path_pattern(fmt: formats.OutputFormat) -> re.Pattern:
    """The paths of a format's files: its pattern with any {field}, under any language."""
    inner = ".*".join(re.escape(part) for part in re.split(r"\{[^}]*\}", fmt.pattern))
    return re.compile(("(en/)?" if fmt.per_language else "") + inner + "$")


def one_file_of_each_format(output: Path) -> dict[str, str]:
    """A file of each served format (the first by name), by the format's name."""
    found: dict[str, str] = {}
    for path in sorted(p.relative_to(output).as_posix() for p in output.rglob("*")
                       if p.is_file()):
        for fmt in formats.SERVED:
            if path_pattern(fmt).match(path):
                found.setdefault(fmt.name, path)
    return found


def address(path: str) -> str:
    """What a visitor asks for: a page by its folder, any other file by its name."""
    page = formats.PAGE.file_name
    return "/" + (path[:-len(page)] if path.endswith(page) else path)


def test_each_format_is_sent_with_its_declared_media_type(server):
    files = one_file_of_each_format(server.output)
    assert sorted(files) == sorted(fmt.name for fmt in formats.SERVED)
    for path in files.values():
        status, headers, body = server.get(address(path))
        assert status == 200, path
        assert headers["Content-Type"] == formats.media_type(path), path
        assert body == (server.output / path).read_bytes(), path
    # the ones a guessing host gets wrong, by name
    for path, expected in [("calendar.ics", "text/calendar; charset=utf-8"),
                           ("en/feed.atom.xml", "application/atom+xml; charset=utf-8"),
                           ("sitemap.xml", "application/xml; charset=utf-8")]:
        assert server.get(f"/{path}")[1]["Content-Type"] == expected


@pytest.mark.parametrize("miss, page", [
    (HINDI_MISS, "404.html"), ("/x", "404.html"), (ENGLISH_MISS, "en/404.html"),
    ("/en/x", "en/404.html"), ("/en/conclaves/no-such-conclave/calendar.ics", "en/404.html"),
    ("/conclaves/msme-for-bharat-jhansi-2025/sessions/", "404.html"),  # a folder, no index
    ("/en/conclaves/msme-for-bharat-jhansi-2025/sessions/", "en/404.html"),
    ("/nginx.conf", "404.html"), ("/.htaccess", "404.html"),  # the settings are not served
])
def test_a_miss_gets_the_not_found_page_of_its_language(server, miss, page):
    status, headers, body = server.get(miss)
    assert status == 404
    assert headers["Content-Type"] == formats.NOT_FOUND.media_type
    assert body == (server.output / page).read_bytes()


def test_both_not_found_pages_differ_and_speak_their_language(published_dir):
    hindi = (published_dir / "404.html").read_text(encoding="utf-8")
    english = (published_dir / "en/404.html").read_text(encoding="utf-8")
    assert '<html lang="hi">' in hindi and "पृष्ठ नहीं मिला" in hindi
    assert '<html lang="en">' in english and "Page not found" in english


@pytest.mark.parametrize("path", ["", "calendar.ics", "en/feed.atom.xml",
                                  "conclaves/msme-for-bharat-jhansi-2025/schedule.json",
                                  "conclaves/msme-for-bharat-jhansi-2025/qr.svg",
                                  "theme/css/site.css"])
def test_text_is_gzipped_when_the_client_accepts_it(server, path):
    status, headers, body = server.get(f"/{path}", gzipped=True)
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"
    assert headers.get("Vary") == "Accept-Encoding"
    assert gzip.decompress(body) == (server.output / (path or "index.html")).read_bytes()
    # and sent as it is to a client that does not
    assert "Content-Encoding" not in server.get(f"/{path}")[1]


def test_a_miss_is_gzipped_too(server):
    status, headers, body = server.get(ENGLISH_MISS, gzipped=True)
    assert (status, headers.get("Content-Encoding")) == (404, "gzip")
    assert gzip.decompress(body) == (server.output / "en/404.html").read_bytes()


def test_pages_and_calendars_revalidate_and_the_stylesheet_is_kept_an_hour(server):
    for path in ["/", "/en/conclaves/", "/calendar.ics",
                 "/conclaves/msme-for-bharat-jhansi-2025/schedule.xml", HINDI_MISS]:
        assert server.get(path)[1]["Cache-Control"] == "no-cache", path
    assert server.get("/theme/css/site.css")[1]["Cache-Control"] == "public, max-age=3600"
    # revalidating costs a 304, not the calendar again
    _, headers, _ = server.get("/calendar.ics")
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
    connection.request("GET", "/calendar.ics", headers={"If-None-Match": headers["ETag"]})
    assert connection.getresponse().status == 304
    connection.close()

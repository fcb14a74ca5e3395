"""`invoke serve`: the site on http://localhost, rebuilt whenever a source is saved.

Each rebuild runs `python -m sammelan build` in a fresh process, so edits to the
plugin or the templates count too, and prints its fix-it messages in the terminal.
The browser shows the truth: while the last build failed, every page served is the
error page (preview_html.py), listing each problem with its place and fix, in the
organizer's language; once a build succeeds, the site is served again. Every HTML
response carries a small script that reloads the page after the next build; it is
added as the page is served, so the files in output/ never hold it.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from urllib.parse import parse_qs, unquote, urlsplit

import watchfiles

from sammelan.i18n import messages
from sammelan.i18n.messages import msg, shown
from sammelan.render import formats
from sammelan.tools import preview_html
from sammelan.tools.preview_html import BUILD_PATH, ShownProblem

WATCHED = ("data", "content", "themes", "plugins", "schemas")
# A waiting script is answered at least this often, so that the request of a closed tab
# holds its thread no longer.
POLL_SECONDS = 20


@dataclass(frozen=True)
class Failure:
    """Why the last build failed: its problems, or, when it named none, what it printed."""

    problems: tuple[ShownProblem, ...]
    printed: str


def is_page(path: str) -> bool:
    """Whether a request path asks for a page (a folder, an .html file, a name without
    extension) rather than a file for another program (.ics, .xml, .svg…)."""
    name = PurePosixPath(unquote(path)).name
    return path.endswith("/") or "." not in name or name.endswith((".html", ".htm"))


class _Handler(SimpleHTTPRequestHandler):
    def __init__(self, *args, preview: Preview, **kwargs):
        self.preview = preview  # set first: the base class answers the request in __init__
        super().__init__(*args, **kwargs)

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def _answer(self, head: bool) -> None:
        path = urlsplit(self.path).path
        if path == BUILD_PATH:
            return self._wait_for_build(head)
        build, failure = self.preview.state()  # the count first: a page never lags it
        if failure is not None:
            return self._failed(failure, build, path, head)
        if not is_page(path):
            return super().do_HEAD() if head else super().do_GET()
        file = Path(self.translate_path(self.path))
        if file.is_dir() and not path.endswith("/"):
            return super().do_HEAD() if head else super().do_GET()  # redirects to "…/"
        if file.is_dir():
            file = file / "index.html"
        if file.is_file():
            return self._page(HTTPStatus.OK, file.read_bytes(), build, head)
        self._not_found(path, build, head)

    def _failed(self, failure: Failure, build: int, path: str, head: bool) -> None:
        """The error page for every page; for other files (calendars, schedules), a
        plain 503. The page is sent as 500, not 200: a link checker or a script fetching
        the preview must not take it for the site; browsers show it all the same."""
        lang = self.preview.lang
        if is_page(path):
            page = preview_html.error_page(failure.problems, failure.printed, lang, build)
            return self._send(HTTPStatus.INTERNAL_SERVER_ERROR, "text/html; charset=utf-8",
                              page, head)
        text = shown(msg("The site could not be built: %(url)s shows what to fix.",
                         url=self.preview.url), lang)
        self._send(HTTPStatus.SERVICE_UNAVAILABLE, "text/plain; charset=utf-8",
                   f"{text}\n".encode(), head)

    def _not_found(self, path: str, build: int, head: bool) -> None:
        """The site's own 404 page, in the language of the path, as a host would serve it."""
        prefix = "en/" if path.startswith("/en/") else ""
        page = Path(self.directory) / prefix / "404.html"
        if not page.is_file():
            self.send_error(HTTPStatus.NOT_FOUND, "Not found")
            return
        self._page(HTTPStatus.NOT_FOUND, page.read_bytes(), build, head)

    def _page(self, status: HTTPStatus, page: bytes, build: int, head: bool) -> None:
        self._send(status, "text/html; charset=utf-8", preview_html.inject(page, build), head)

    def _send(self, status: HTTPStatus, kind: str, body: bytes, head: bool) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head:
                self.wfile.write(body)
        except ConnectionError:
            pass  # the browser left (a tab closed while its script waited)

    def _wait_for_build(self, head: bool) -> None:
        """Answers with the count of builds once it differs from `after`, the count the
        page was served with (or after POLL_SECONDS, or when the preview stops)."""
        after = parse_qs(urlsplit(self.path).query).get("after", [""])[0]
        build = self.preview.wait_for_build(int(after) if after.isdigit() else -1)
        self._send(HTTPStatus.OK, "text/plain; charset=utf-8", str(build).encode(), head)

    def guess_type(self, path) -> str:
        """The media type each output format declares; the standard guess for the rest."""
        return formats.media_type(str(path)) or super().guess_type(path)

    def list_directory(self, path):
        """A folder without index.html is "not found", as on a real host: the preview
        shows what visitors will see, and never lists files."""
        self.send_error(404, "Not found")
        return None

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")  # a reload always shows the last build
        super().end_headers()

    def log_message(self, format: str, *args) -> None:
        pass  # the terminal is for build messages


class Preview:
    """Serves `output` and rebuilds it from the sources under `root` on every change.
    `lang` is the organizer's language (of the error page and the terminal); by default
    the environment's."""

    def __init__(self, root: Path, settings: str, output: Path, port: int = 8000,
                 log: Callable[[str], None] = print, lang: str | None = None):
        self.root, self.settings, self.output, self.log = root, settings, output, log
        if lang is not None and lang not in messages.LANGUAGES:
            raise ValueError(shown(msg("error: no language `%(lang)s` — fix: use --lang hi "
                                       "or --lang en", lang=lang)))
        self.lang = lang or messages.language()
        handler = functools.partial(_Handler, directory=str(output), preview=self)
        self.server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.builds = 0  # finished rebuilds, good or bad
        self.failure: Failure | None = None  # why the last build failed, if it did
        self._built = threading.Condition()  # notified after each build, and on stop
        self._scratch = tempfile.TemporaryDirectory(prefix="sammelan-preview-")
        self._stop = threading.Event()
        self._watching = threading.Event()
        self._threads: list[threading.Thread] = []

    @property
    def base(self) -> str:
        """The server's address, which calendar and webcal links in the preview point at."""
        return f"http://localhost:{self.server.server_address[1]}"

    @property
    def url(self) -> str:
        return f"{self.base}/"

    def rebuild(self) -> int:
        problems = Path(self._scratch.name) / "problems.json"
        problems.unlink(missing_ok=True)
        env = dict(os.environ, PYTHONPATH=str(self.root / "plugins"))
        done = subprocess.run(
            [sys.executable, "-m", "sammelan", "build", "--settings", self.settings,
             "--output", str(self.output), "--preview-base", self.base, "--lang", self.lang,
             "--problems-json", str(problems)], cwd=self.root, env=env,
            capture_output=True, text=True, check=False)
        for line in done.stderr.splitlines():  # stdout holds only Pelican's summary
            self.log(line)
        failure = None if done.returncode == 0 else Failure(
            preview_html.read_problems(problems), done.stderr)
        if failure is None:
            self.log(shown(msg("Built. Serving %(url)s", url=self.url), self.lang))
        else:
            self.log(shown(msg("The site could not be built: every page of %(url)s shows "
                               "what to fix until you save a correction.", url=self.url),
                           self.lang))
        with self._built:
            self.failure, self.builds = failure, self.builds + 1
            self._built.notify_all()
        return done.returncode

    def state(self) -> tuple[int, Failure | None]:
        """The count of builds and why the last one failed, read together."""
        with self._built:
            return self.builds, self.failure

    def wait_for_build(self, after: int) -> int:
        """The count of builds, once it is not `after` (or after POLL_SECONDS, or on stop)."""
        with self._built:
            self._built.wait_for(lambda: self.builds != after or self._stop.is_set(),
                                 timeout=POLL_SECONDS)
            return self.builds

    def start(self) -> None:
        """Watch, then build, then serve: a save made as soon as this returns is seen (the
        watcher started after the first build missed what was saved meanwhile)."""
        self.output.mkdir(parents=True, exist_ok=True)
        self._start(self._watch)
        self._watching.wait(timeout=30)
        self.rebuild()
        self._start(self.server.serve_forever)
        self.log(shown(msg("Watching data/, content/, themes/, plugins/ and schemas/. "
                           "Stop with Ctrl+C."), self.lang))

    def _start(self, target: Callable[[], None]) -> None:
        thread = threading.Thread(target=target, daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        with self._built:
            self._built.notify_all()  # the scripts waiting for a build are answered now
        self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=10)
        self._scratch.cleanup()

    def _watch(self) -> None:
        paths = [self.root / name for name in WATCHED if (self.root / name).exists()]
        # An empty batch after each quiet moment: the first says the watcher is watching.
        for changes in watchfiles.watch(*paths, stop_event=self._stop, debounce=50,
                                        rust_timeout=200, yield_on_timeout=True):
            self._watching.set()
            if changes:
                self.rebuild()

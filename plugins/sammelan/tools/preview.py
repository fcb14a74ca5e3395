"""`invoke serve`: the site on http://localhost, rebuilt whenever a source is saved.

Each rebuild runs `python -m sammelan build` in a fresh process, so edits to the
plugin or the templates count too, and prints its fix-it messages in the
terminal. A failed build leaves output/ as it was (build.py swaps only on
success), so the browser keeps showing the last good site meanwhile.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import watchfiles

from sammelan.render import formats

WATCHED = ("data", "content", "themes", "plugins", "schemas")


class _Handler(SimpleHTTPRequestHandler):
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
    """Serves `output` and rebuilds it from the sources under `root` on every change."""

    def __init__(self, root: Path, settings: str, output: Path, port: int = 8000,
                 log: Callable[[str], None] = print):
        self.root, self.settings, self.output, self.log = root, settings, output, log
        handler = functools.partial(_Handler, directory=str(output))
        self.server = ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.builds = 0  # finished rebuilds, good or bad
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
        env = dict(os.environ, PYTHONPATH=str(self.root / "plugins"))
        done = subprocess.run(
            [sys.executable, "-m", "sammelan", "build", "--settings", self.settings,
             "--output", str(self.output), "--preview-base", self.base], cwd=self.root,
            env=env, capture_output=True,
            text=True, check=False)
        for line in done.stderr.splitlines():  # stdout holds only Pelican's summary
            self.log(line)
        if done.returncode == 0:
            self.log(f"Built. Serving {self.url}")
        else:
            self.log("Still serving the last good site. Fix the sources and save again.")
        self.builds += 1
        return done.returncode

    def start(self) -> None:
        """Watch, then build, then serve: a save made as soon as this returns is seen (the
        watcher started after the first build missed what was saved meanwhile)."""
        self.output.mkdir(parents=True, exist_ok=True)
        self._start(self._watch)
        self._watching.wait(timeout=30)
        self.rebuild()
        self._start(self.server.serve_forever)

    def _start(self, target: Callable[[], None]) -> None:
        thread = threading.Thread(target=target, daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        self._stop.set()
        self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=10)

    def _watch(self) -> None:
        paths = [self.root / name for name in WATCHED if (self.root / name).exists()]
        # An empty batch after each quiet moment: the first says the watcher is watching.
        for changes in watchfiles.watch(*paths, stop_event=self._stop, debounce=50,
                                        rust_timeout=200, yield_on_timeout=True):
            self._watching.set()
            if changes:
                self.rebuild()

"""`invoke screenshots`: each kind of page, in both languages, at a phone's width (360 px)
and a desktop's (1280 px), whole (the full height), as PNG files a reviewer can look at
without serving the site: `<kind>-<lang>-<width>.png`, e.g. `conclave-hi-360.png`.

The kinds are the templates of render/pages.py, so a new kind of page is photographed
without a change here; each is shown by its first page, but the conclave by the
Jamshedpur one when there is one (the richest agenda, the page the design is judged by).
The current sources are built into a temporary folder (output/ stays as it is), served on
a loopback port and opened in Debian's Chromium, the browser the tests drive.
"""

from __future__ import annotations

import base64
import functools
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from sammelan.build import build
from sammelan.errors import SourceErrors
from sammelan.i18n.messages import Text, msg
from sammelan.model.entities import Conclave, Site
from sammelan.model.loader import load_site
from sammelan.options import BuildOptions
from sammelan.render import pages

WIDTHS = (360, 1280)
HEIGHT = 800  # the first screen; the picture holds the whole page whatever its height
PHONE_WIDTH = 600  # narrower: emulate a phone (its viewport meta tag, touch, no scroll bars)
FEATURED = "Jamshedpur"  # the conclave shown, when its English description names the town
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--force-color-profile=srgb", "--window-size=1280,800"]


class ScreenshotError(Exception):
    """Why no screenshots were taken, with the fix (a message in both languages)."""

    def __init__(self, message: Text):
        self.message = message
        super().__init__(message.render("en"))


@dataclass(frozen=True)
class Kind:
    """A kind of page in one language, and the page that shows it."""

    name: str  # the template: home, conclave, speaker, 404…
    lang: str
    path: str  # site-relative, as in render/pages.py

    def file_name(self, width: int) -> str:
        return f"{self.name}-{self.lang}-{width}.png"


def kinds(site: Site) -> list[Kind]:
    """One page of each template in each language, in the order render/pages.py lists
    them."""
    featured = featured_conclave(site)
    found: dict[tuple[str, str], Kind] = {}
    for page in pages.all_pages(site):
        if "conclave" in page.context and page.context["conclave"] is not featured:
            continue
        found.setdefault((page.template, page.lang), Kind(page.template, page.lang, page.path))
    return list(found.values())


def featured_conclave(site: Site) -> Conclave | None:
    for conclave in site.conclaves:
        if FEATURED in conclave.description.en:
            return conclave
    return site.conclaves[0] if site.conclaves else None


def take(root: Path, folder: Path, options: BuildOptions) -> list[Path]:
    """Build the project at `root` and photograph each kind of page into `folder`; the
    files written, in order. Raises ScreenshotError (no Devanagari font, sources with
    errors: the build has printed them)."""
    if not devanagari_fonts():
        raise ScreenshotError(msg(
            "no Devanagari font is installed, so Hindi pages would show empty boxes — fix: "
            "run `make screenshots`, which installs Debian's fonts-noto-core"))
    with tempfile.TemporaryDirectory(prefix="sammelan-screenshots-") as spare:
        site_dir = Path(spare) / "site"
        failed = msg("the sources have errors (above): fix them, then run `invoke "
                     "screenshots` again")
        if build(root / "pelicanconf.py", site_dir, options):
            raise ScreenshotError(failed)
        try:
            site, _ = load_site(root, options.today(), epoch=options.epoch)
        except SourceErrors as errors:  # the build has just read them without an error
            raise ScreenshotError(failed) from errors
        folder.mkdir(parents=True, exist_ok=True)
        with serving(site_dir) as address, browser() as driver:
            return [shoot(driver, address, kind, width, folder)
                    for kind in kinds(site) for width in WIDTHS]


def devanagari_fonts() -> list[str]:
    """The installed fonts that cover Hindi, as fontconfig (Chromium's source) lists them."""
    try:
        listed = subprocess.run(["fc-list", ":lang=hi", "family"], capture_output=True,
                                text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return []
    return sorted(line for line in listed.splitlines() if line.strip())


@contextmanager
def serving(site_dir: Path) -> Iterator[str]:
    """The built site on a free loopback port, until the block ends: its address."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextmanager
def browser():
    """Headless Chromium under chromedriver, with a profile of its own."""
    from selenium import webdriver  # only this task needs it: the build does not load it
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service

    with tempfile.TemporaryDirectory(prefix="sammelan-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in [*FLAGS, f"--user-data-dir={profile}"]:
            options.add_argument(flag)
        try:
            driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        except (OSError, WebDriverException) as error:
            reason = (str(error).strip().splitlines() or [type(error).__name__])[0]
            raise ScreenshotError(msg(
                "Chromium did not start (%(reason)s) — fix: run `make screenshots`, which "
                "installs Debian's chromium and chromium-driver", reason=reason)) from error
        try:
            yield driver
        finally:
            driver.quit()


def shoot(driver, address: str, kind: Kind, width: int, folder: Path) -> Path:
    """The whole page of `kind` in a window `width` CSS pixels wide, one device pixel per
    CSS pixel (so the picture is `width` pixels wide), into `folder`."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": HEIGHT, "deviceScaleFactor": 1,
        "mobile": width < PHONE_WIDTH})
    driver.get(address + kind.path)
    height = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]["height"]
    picture = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": width, "height": max(HEIGHT, int(height + 0.5)),
                 "scale": 1}})
    target = folder / kind.file_name(width)
    target.write_bytes(base64.b64decode(picture["data"]))
    return target

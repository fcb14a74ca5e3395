"""Shared fixtures: a frozen copy of the seeded content (tests/fixtures/seeded/), built once
per test session.

Tests that name a slug, a fact or a line number run on that frozen copy, never on the live
data/ and content/: those belong to the organizers, who must be free to change them. The live
content is checked only by checks that hold for any valid content (test_live_content.py)."""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# data/ and content/ as seeded when the tests were written; never edited to follow the live ones
SEEDED = ROOT / "tests" / "fixtures" / "seeded"
SOURCES = ("data", "content")  # what organizers write; the rest is the project's code
CODE = ("schemas", "themes", "plugins")
SETTINGS = ("pelicanconf.py", "publishconf.py")
# 1 January 2026 IST: the Jamshedpur conclave is upcoming, the three 2025 ones are past.
BUILD_EPOCH = "1767205800"
# Messages follow the reader's locale (i18n/messages.py): the tests read English unless a test
# asks for Hindi, whatever the machine's locale; commands they start inherit this.
LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
for _name in LOCALE_VARIABLES:
    os.environ.pop(_name, None)
os.environ["LANG"] = "C.UTF-8"


def build_into(output: Path, settings: str = "pelicanconf.py", root: Path = ROOT,
               strict: bool = False) -> int:
    """Build `root` as of BUILD_EPOCH (the environment stays as it is)."""
    from sammelan.build import build
    from sammelan.options import BuildOptions

    return build(root / settings, output, BuildOptions(strict=strict, epoch=int(BUILD_EPOCH)))


@pytest.fixture(scope="session")
def seeded_root(tmp_path_factory) -> Path:
    """A copy of the project with the seeded content, shared read-only by the session."""
    return copy_project(tmp_path_factory.mktemp("seeded") / "project")


@pytest.fixture(scope="session")
def site_dir(seeded_root) -> Path:
    """The seeded content built with preview settings (relative links)."""
    output = seeded_root.parent / "preview"
    assert build_into(output, root=seeded_root) == 0
    return output


@pytest.fixture(scope="session")
def published_dir(seeded_root) -> Path:
    """The seeded content built with publishconf.py (absolute URLs)."""
    output = seeded_root.parent / "published"
    assert build_into(output, "publishconf.py", root=seeded_root) == 0
    return output


@pytest.fixture(scope="session")
def published_server(seeded_root, tmp_path_factory):
    """The seeded content published at a loopback address and served there by nginx with
    the shipped configuration (gzip on), as a visitor's browser reaches the site."""
    from nginx_server import free_port, serving
    from sammelan.build import build
    from sammelan.options import BuildOptions

    port = free_port()
    output = tmp_path_factory.mktemp("served") / "site"
    options = BuildOptions(epoch=int(BUILD_EPOCH), site_url=f"http://127.0.0.1:{port}")
    assert build(seeded_root / "publishconf.py", output, options) == 0
    with serving(output, tmp_path_factory.mktemp("nginx"), port) as running:
        yield running


@pytest.fixture(scope="session")
def pot(tmp_path_factory) -> Path:
    """A fresh extraction of every interface string (the .pot is generated, not tracked)."""
    from babel.messages.frontend import CommandLineInterface
    from sammelan.i18n.extract import command

    target = tmp_path_factory.mktemp("i18n") / "messages.pot"
    # absolute paths rather than a chdir: the working directory is process-wide
    CommandLineInterface().run(command(ROOT, target))
    return target


def copy_project(target: Path, sources: Path = SEEDED) -> Path:
    """A writable copy of the project at `target`: the code and settings of the project, and
    data/ and content/ from `sources` (the seeded fixture unless told; ROOT for the live
    content). A copy has no git history: its timestamps come from SOURCE_DATE_EPOCH."""
    for name in SOURCES:
        shutil.copytree(sources / name, target / name)
    for name in CODE:
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in SETTINGS:
        shutil.copy(ROOT / name, target / name)
    return target


@pytest.fixture
def project(tmp_path) -> Path:
    """A writable copy of the project with the seeded content, to break on purpose."""
    return copy_project(tmp_path / "project")


def digest(output: Path) -> dict[str, str]:
    """Every file of a built site by its path, as a SHA-256: equal digests, equal sites."""
    return {p.relative_to(output).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(output.rglob("*")) if p.is_file()}


def parse(path: Path):
    return lxml_html.fromstring(path.read_bytes())


def text_of(path: Path) -> str:
    """A page's visible text with white space folded."""
    return " ".join(parse(path).text_content().split())


def html_pages(output: Path) -> list[Path]:
    return sorted(output.rglob("*.html"))


@pytest.fixture(scope="module")
def base_url(site_dir):
    """The fixture's site served over HTTP on a loopback port, as a browser reads it."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site_dir))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()

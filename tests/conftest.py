"""Shared fixtures: the real content built once per test session."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from lxml import html as lxml_html

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
# 1 January 2026 IST: the Jamshedpur conclave is upcoming, the three 2025 ones are past.
BUILD_EPOCH = "1767205800"


def build_into(output: Path, settings: str = "pelicanconf.py", root: Path = ROOT,
               strict: bool = False) -> int:
    """Build `root` as of BUILD_EPOCH (the environment stays as it is)."""
    from sammelan.build import build
    from sammelan.options import BuildOptions

    return build(root / settings, output, BuildOptions(strict=strict, epoch=int(BUILD_EPOCH)))


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory) -> Path:
    """The bundled content built with preview settings (relative links)."""
    output = tmp_path_factory.mktemp("preview") / "output"
    assert build_into(output) == 0
    return output


@pytest.fixture(scope="session")
def published_dir(tmp_path_factory) -> Path:
    """The bundled content built with publishconf.py (absolute URLs)."""
    output = tmp_path_factory.mktemp("published") / "output"
    assert build_into(output, "publishconf.py") == 0
    return output


@pytest.fixture(scope="session")
def pot(tmp_path_factory) -> Path:
    """A fresh extraction of every interface string (the .pot is generated, not tracked)."""
    from babel.messages.frontend import CommandLineInterface

    target = tmp_path_factory.mktemp("i18n") / "messages.pot"
    cwd = os.getcwd()
    try:
        os.chdir(ROOT)
        CommandLineInterface().run(["pybabel", "-q", "extract", "-F", "babel.cfg",
                                    "--no-location", "-o", str(target), "."])
    finally:
        os.chdir(cwd)
    return target


def copy_project(target: Path) -> Path:
    """A writable copy of the project's sources at `target`."""
    for name in ("data", "content", "schemas", "themes", "plugins"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pelicanconf.py", "publishconf.py"):
        shutil.copy(ROOT / name, target / name)
    return target


@pytest.fixture
def project(tmp_path) -> Path:
    """A writable copy of the project's sources, to break on purpose."""
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

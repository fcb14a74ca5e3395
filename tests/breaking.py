"""Helpers to break a copy of the sources on purpose and read what the loader says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sammelan.errors import SourceErrors
from sammelan.model.loader import load_site

TODAY = dt.date(2026, 11, 23)  # every bundled conclave is over by then
JHANSI = "data/conclaves/msme-for-bharat-jhansi-2025.yaml"
JAMSHEDPUR = "data/conclaves/msme-defence-conclave-2026.yaml"
JHANSI_EN = "content/conclaves/msme-for-bharat-jhansi-2025.en.md"
RAKESH = "data/speakers/rakesh-bala.yaml"
RAKESH_EN = "content/speakers/rakesh-bala.en.md"
ARUP = "data/speakers/arup-raha.yaml"


def edit(project: Path, relative: str, old: str, new: str) -> None:
    """Replace the first `old` in a source file with `new` (which must be there)."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def messages(project: Path, strict: bool = True, today: dt.date = TODAY,
             lang: str = "en") -> list[str]:
    """Every problem, rendered as the organizer sees it in `lang` (no summary line)."""
    try:
        _, warnings = load_site(project, today, strict=strict)
    except SourceErrors as errors:
        return [p.render(lang) for p in errors.problems]
    return [p.render(lang) for p in warnings]

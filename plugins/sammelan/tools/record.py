"""`invoke calendar-sequences`: optionally record what the site is now, for builds without
the git history (a shallow clone, a tarball): each calendar entry's SEQUENCE and state as
the history counts them (data/calendar-sequences.json, see render/calendar/sequences.py),
and each entity's digest and time of change (data/changed.json, see sources/provenance.py).
Nothing requires it: a full clone counts the same numbers without it."""

from __future__ import annotations

from pathlib import Path

from sammelan.errors import Problem
from sammelan.model.loader import dated_sources, load_site
from sammelan.options import BuildOptions
from sammelan.render.calendar import sequences
from sammelan.sources import provenance


def record(root: Path, options: BuildOptions) -> tuple[list[str], list[Problem]]:
    """Write both records for the project at `root`; the calendar entries recorded anew,
    and the warning when the history is missing. Raises SourceErrors when the sources have
    errors (nothing is written then)."""
    site, _ = load_site(root, options.today(), epoch=options.epoch)
    changed, warnings = sequences.freeze(root, site)
    known, _ = provenance.read(root)
    times = provenance.updated(provenance.Clock(root, options.epoch), dated_sources(site), known)
    if times != known:
        (root / provenance.RECORD).write_text(provenance.dump(times), encoding="utf-8")
    return changed, warnings

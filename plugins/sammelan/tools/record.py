"""`invoke calendar-sequences`: optionally record what the site is now, for builds without
the git history (a shallow clone, a tarball): each calendar entry's SEQUENCE and state as
the history counts them (data/calendar-sequences.json, see render/calendar/sequences.py),
and each entity's digest and time of change (data/changed.json, see sources/provenance.py),
with each feed entry's (tools/entry_history.py).
Nothing requires it: a full clone counts the same numbers without it."""

from __future__ import annotations

from pathlib import Path

from sammelan.errors import Problem
from sammelan.model.loader import dated_sources, load_site
from sammelan.options import BuildOptions
from sammelan.render.calendar import sequences
from sammelan.sources import provenance
from sammelan.tools import entry_history


def record(root: Path, options: BuildOptions) -> tuple[list[str], list[Problem]]:
    """Write both records for the project at `root`; the calendar entries recorded anew,
    and the warning when the history is missing. Raises SourceErrors when the sources have
    errors (nothing is written then)."""
    site, _ = load_site(root, options.today(), epoch=options.epoch)
    changed, warnings = sequences.freeze(root, site)
    known, _ = provenance.read(root)
    clock = provenance.Clock(root, options.epoch)
    times = provenance.updated(clock, dated_sources(site), known)
    times.update(entry_history.updated(root, site, clock, known))
    if times != known:
        (root / provenance.RECORD).write_text(provenance.dump(times), encoding="utf-8")
    return changed, warnings

"""`invoke calendar-sequences`: record what the site is now, to be committed with the change:
each calendar entry's state and SEQUENCE (data/calendar-sequences.json) and each entity's
digest and time of change (data/changed.json, see sources/provenance.py)."""

from __future__ import annotations

from pathlib import Path

from sammelan.model.loader import dated_sources, load_site
from sammelan.options import BuildOptions
from sammelan.render.calendar import sequences
from sammelan.sources import provenance


def record(root: Path, options: BuildOptions) -> list[str]:
    """Write both records for the project at `root`; the calendar entries recorded anew.
    Raises SourceErrors when the sources have errors (nothing is written then)."""
    site, _ = load_site(root, options.today(), epoch=options.epoch)
    changed = sequences.record(root, site)
    known, _ = provenance.read(root)
    times = provenance.updated(provenance.Clock(root, options.epoch), dated_sources(site), known)
    if times != known:
        (root / provenance.RECORD).write_text(provenance.dump(times), encoding="utf-8")
    return changed

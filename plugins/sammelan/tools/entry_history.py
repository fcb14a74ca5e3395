"""When each conclave's feed entry came to say what it says now, for data/changed.json
(`invoke calendar-sequences`; render/feeds.py reads it at build time, which reads no
history): the time of the last commit, along the first-parent history of HEAD, after
which the entry's words (title, summary, content, in that language) were what they are now.

Each commit that changed data/ or content/ is read as the build would read it: its two
folders unpacked (one `git archive`) and loaded by the loader, with today's code. A commit
whose sources no longer load is skipped, so its change counts at the next one that does:
later than the truth at worst, never earlier. A branch merged counts as one change, made
by its merge, as for calendar SEQUENCE. Words that differ from every committed version (an
edit not committed yet), or a project without its history, take the time provenance.py
gives a change the record does not hold yet. Only an entry that is new, or whose words
differ from the record, is looked up: once recorded, the history is not read again.
"""

from __future__ import annotations

import datetime as dt
import io
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

from sammelan.errors import SourceErrors
from sammelan.model.entities import LANGUAGES, Site
from sammelan.model.loader import load_site, source_files
from sammelan.render import feeds
from sammelan.sources import git, history
from sammelan.sources.provenance import Change, Clock, Record

FOLDERS = ("data", "content")


def said_now(site: Site) -> dict[str, str]:
    """Each feed entry's record key → a digest of what it says."""
    return {feeds.record_key(c, lang): feeds.said(c, lang)
            for c in site.conclaves for lang in LANGUAGES}


def updated(root: Path, site: Site, clock: Clock, known: Record) -> dict[str, Change]:
    """The record's feed entries to write for the site as it is now; those of conclaves
    that are gone stay (one that comes back with the same words keeps its time)."""
    now = said_now(site)
    stale = {key for key, words in now.items()
             if key not in known or known[key].digest != words}
    fresh = {key: change for key, change in known.items() if key not in stale}
    found = last_changes(root, stale, today=site.today) if stale else {}
    files = {feeds.record_key(c, lang): source_files("conclave", c.slug)
             for c in site.conclaves for lang in LANGUAGES}
    for key in sorted(stale):
        seen = found.get(key)
        fresh[key] = seen if seen is not None and seen.digest == now[key] else Change(
            now[key], clock.unrecorded(files[key]))
    return fresh


def last_changes(root: Path, keys: set[str], today: dt.date) -> dict[str, Change]:
    """For each key, its words in the newest commit that has it and when they came to be
    those (the commit after which they stayed the same); empty without a full history."""
    found: dict[str, Change] = {}
    for moment, said in _versions(root, today):
        for key in keys & said.keys():
            before = found.get(key)
            if before is None or before.digest != said[key]:
                found[key] = Change(said[key], moment)
    return found


def _versions(root: Path, today: dt.date) -> Iterator[tuple[dt.datetime, dict[str, str]]]:
    """Each commit that changed the sources, oldest first, with what its entries said."""
    state = history.head(root)
    if state is None or state.split()[0] != "false" or len(state.split()) < 2:
        return  # no repository, a shallow clone, or no commit yet
    log = git.output(root, "log", "--first-parent", "--reverse", "--format=%H %ct",
                     state.split()[1], "--", *FOLDERS)
    for line in (log or "").splitlines():
        commit, stamp = line.split()
        said = _said_at(root, commit, today)
        if said is not None:
            yield dt.datetime.fromtimestamp(int(stamp), dt.UTC), said


def _said_at(root: Path, commit: str, today: dt.date) -> dict[str, str] | None:
    """What the entries said in `commit`, or None when its sources do not load."""
    done = git.run(root, "archive", "--format=tar", commit, "--", *FOLDERS)
    if done is None or done.returncode != 0:
        return None
    with tempfile.TemporaryDirectory(prefix="sammelan-entries-") as folder:
        with tarfile.open(fileobj=io.BytesIO(done.stdout)) as archive:
            archive.extractall(folder, filter="data")  # no links out, no devices
        try:
            # a fixed epoch: the loader asks no clock or git about this copy
            site, _ = load_site(Path(folder), today, epoch=0)
        except SourceErrors:
            return None
    return said_now(site)

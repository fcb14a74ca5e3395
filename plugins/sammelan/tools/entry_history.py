"""When each conclave's feed entry came to say what it says now, for data/changed.json
(`invoke calendar-sequences`; render/feeds.py reads it at build time, which reads no
history): the time of the last commit, along the first-parent history of HEAD, after
which the entry's words (title, summary, content, in that language) were what they are now.

An entry's words come from its conclave's YAML (title, status, days, venue), its two
Markdown files and its venue's YAML, nothing else, so those are all that is read: which
commits changed them, to which blobs (one `git log`, sources/history.py), and the blobs
(one `git cat-file --batch`), each read once however many commits keep it. A version
that does not read (broken YAML, a bad date) is skipped, so its change counts at the next
one that does: later than the truth at worst, never earlier. A branch merged counts as
one change, made by its merge, as for calendar SEQUENCE. Only an entry that is new, or
whose words differ from the record, is looked up.

Where the words read from the history of the working tree's own files would differ from
the build's (a file edited but not committed, or a loader rule this reading lacks), the
entry takes the time provenance.py gives any change the record does not hold yet.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from sammelan.model.choices import ConclaveStatus
from sammelan.model.entities import LANGUAGES, Conclave, Html, Site, Venue
from sammelan.model.loader import source_files, text
from sammelan.render import feeds
from sammelan.sources import git, history, prose, yamldoc
from sammelan.sources.files import MAX_BYTES
from sammelan.sources.provenance import ENTRIES, Change, Clock, Record

CONCLAVES, PROSE, VENUES = "data/conclaves", "content/conclaves", "data/venues"
_SHOWN = "history"  # no problem is shown: a version that does not read is skipped


def said_now(site: Site) -> dict[str, str]:
    """Each feed entry's record key → a digest of what it says, as the build has it."""
    return {feeds.record_key(c, lang): feeds.said(c, lang)
            for c in site.conclaves for lang in LANGUAGES}


def updated(root: Path, site: Site, clock: Clock, known: Record) -> dict[str, Change]:
    """The record's feed entries (its keys under `feed/`, and no other) to write for the
    site as it is now; those of conclaves that are gone stay (one that comes back with the
    same words keeps its time)."""
    now = said_now(site)
    stale = {key for key, words in now.items()
             if key not in known or known[key].digest != words}
    fresh = {key: change for key, change in known.items()
             if key.startswith(ENTRIES) and key not in stale}
    slugs = {c.slug for c in site.conclaves if any(
        feeds.record_key(c, lang) in stale for lang in LANGUAGES)}
    found = last_changes(root, slugs) if slugs else {}
    for c in site.conclaves:
        for lang in LANGUAGES:
            key = feeds.record_key(c, lang)
            if key not in stale:
                continue
            seen = found.get(key)
            fresh[key] = seen if seen is not None and seen.digest == now[key] else Change(
                now[key], clock.unrecorded(source_files("conclave", c.slug)))
    return fresh


def last_changes(root: Path, slugs: set[str]) -> dict[str, Change]:
    """For each entry of the conclaves `slugs`, its words in the newest commit that reads
    them and when they came to be those; empty without a full history."""
    found = history.read(root, (CONCLAVES, PROSE, VENUES))
    if not found.complete or not found.versions:
        return {}
    times = _commit_times(root)
    reader = _Reader(root, found.versions, slugs)
    tree: dict[str, str] = {}  # path → its blob at the commit being read
    changes: dict[str, Change] = {}
    for version in found.versions:
        for path, blob in version.files:
            if blob is None:
                tree.pop(path, None)
            else:
                tree[path] = blob
        moment = times.get(version.commit)
        if moment is None:
            continue
        for slug in _touched(version, slugs, tree, reader):
            for key, words in reader.said(slug, tree).items():
                before = changes.get(key)
                if before is None or before.digest != words:
                    changes[key] = Change(words, moment)
    return changes


def _commit_times(root: Path) -> dict[str, dt.datetime]:
    log = git.output(root, "log", "--first-parent", "--format=%H %ct", "HEAD", "--",
                     CONCLAVES, PROSE, VENUES) or ""
    return {commit: dt.datetime.fromtimestamp(int(stamp), dt.UTC)
            for commit, stamp in (line.split() for line in log.splitlines())}


def _touched(version: history.Version, slugs: set[str], tree: Mapping[str, str],
             reader: _Reader) -> set[str]:
    """The conclaves of `slugs` whose words this commit may have changed: their own files,
    or their venue's."""
    paths = {path for path, _ in version.files}
    venues = {path for path in paths if path.startswith(f"{VENUES}/")}
    touched = set()
    for slug in slugs:
        own = set(source_files("conclave", slug))
        if paths & own:
            touched.add(slug)
        elif venues:
            venue = reader.venue_of(slug, tree)
            if venue is not None and paths & {f"{VENUES}/{venue}.{e}" for e in ("yaml", "yml")}:
                touched.add(slug)
    return touched


@dataclass(frozen=True)
class _Read:
    """What one blob gives: a YAML mapping, or prose's HTML; None when it does not read."""

    value: object


class _Reader:
    """Blobs read once, with one `git cat-file --batch`, and what each gives, kept."""

    def __init__(self, root: Path, versions: Iterable[history.Version], slugs: set[str]):
        own = {path for slug in slugs for path in source_files("conclave", slug)}
        wanted = sorted({blob for v in versions for path, blob in v.files if blob is not None
                         and (path in own or path.startswith(f"{VENUES}/"))})
        self.contents = history.blobs(root, wanted, MAX_BYTES)
        self.read: dict[tuple[str, str], _Read] = {}

    def mapping(self, blob: str) -> dict | None:
        found = self.read.get(("yaml", blob))
        if found is None:
            source = history.text(self.contents, blob)
            doc = None if source is None else yamldoc.parse(source, _SHOWN)[0]
            data = doc.data if doc is not None and isinstance(doc.data, dict) else None
            found = self.read[("yaml", blob)] = _Read(data)
        return found.value

    def html(self, blob: str, lang: str) -> str | None:
        found = self.read.get((lang, blob))
        if found is None:
            source = history.text(self.contents, blob)
            found = self.read[(lang, blob)] = _Read(
                None if source is None else prose.html_of(source, lang))
        return found.value

    def yaml_at(self, tree: Mapping[str, str], folder: str, slug: str) -> dict | None:
        blobs = [tree[p] for p in (f"{folder}/{slug}.yaml", f"{folder}/{slug}.yml") if p in tree]
        return self.mapping(blobs[0]) if len(blobs) == 1 else None  # two: an error then

    def venue_of(self, slug: str, tree: Mapping[str, str]) -> str | None:
        data = self.yaml_at(tree, CONCLAVES, slug)
        venue = data.get("venue") if data else None
        return venue if isinstance(venue, str) else None

    def said(self, slug: str, tree: Mapping[str, str]) -> dict[str, str]:
        """The digest of each entry of the conclave as of `tree`; none when it does not read."""
        conclave = self.conclave(slug, tree)
        if conclave is None:
            return {}
        return {feeds.record_key(conclave, lang): feeds.said(conclave, lang)
                for lang in LANGUAGES}

    def conclave(self, slug: str, tree: Mapping[str, str]) -> Conclave | None:
        """As much of the conclave as its entry shows, read as the loader reads it."""
        data = self.yaml_at(tree, CONCLAVES, slug)
        venue_slug = self.venue_of(slug, tree)
        venue = self.yaml_at(tree, VENUES, venue_slug) if venue_slug else None
        if data is None or venue is None:
            return None
        html = {}
        for lang in LANGUAGES:
            blob = tree.get(f"{PROSE}/{slug}.{lang}.md")
            rendered = self.html(blob, lang) if blob else None
            if rendered is None:
                return None  # both are required
            html[lang] = rendered
        try:
            return Conclave(
                slug=slug, title=text(data["title"]), status=ConclaveStatus(data["status"]),
                start=_date(data["start"]), end=_date(data["end"]),
                venue=_venue(venue_slug, venue), organizers=(), sessions=(),
                description=Html(**html))
        except (KeyError, TypeError, ValueError):
            return None


def _date(value: object) -> dt.date:
    return dt.date.fromisoformat(str(value))


def _venue(slug: str, d: dict) -> Venue:
    """The venue's address as the loader reads it (model/loader.py, `venue`)."""
    return Venue(slug=slug, name=text(d["name"]), city=text(d["city"]),
                 state=text(d["state"]),
                 address=text(d.get("address")), district=text(d.get("district")),
                 pin=d.get("pin"))

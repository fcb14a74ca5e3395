"""Every file of the site as a job: its path, who makes it, a key naming everything it is
made from, and how to make it. A file whose key is the one it had when the folder it is
built into was last built is neither rendered nor written again (outputs.write_all).

A key is a digest of values (their repr; for an entity, the digest of the files it was made
from, Site.sources, or else its pickle), not of their identity: two builds that read the
same sources make the same keys, whichever process or memo the values came from. Every key
also holds the build's frame: the code and templates, the settings, the day of the build
and what every page shows of the whole site (see html.py's `frame`).
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import pickle
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field, replace

from sammelan.i18n.messages import msg, shown
from sammelan.model.entities import (
    Conclave,
    NewsItem,
    Organization,
    Scheme,
    Site,
    Speaker,
    Venue,
)

# What keeps a value between builds: Memo.remember (sources/memo.py)
Remember = Callable[[Hashable, Callable[[], str]], str]
# Entities that other entities refer to: inside another's pickle each stands as its own key
SHARED = (Venue, Organization, Speaker, Scheme)


@dataclass(frozen=True)
class Job:
    path: str
    owner: str  # the renderer, named in a clash
    key: str
    make: Callable[[], bytes]


class OutputClash(Exception):
    """Two renderers produced the same path: one would silently replace the other."""

    def __init__(self, path: str, first: str, second: str):
        self.path, self.first, self.second = path, first, second
        super().__init__(self.render("en"))

    def render(self, lang: str | None = None) -> str:
        return shown(msg("%(path)s is written by both the %(first)s and the %(second)s; the "
                         "site was not built", path=self.path, first=self.first,
                         second=self.second), lang)


# Web servers read the site as another user: readable by all, whatever the builder's umask.
FILE_MODE, FOLDER_MODE = 0o644, 0o755


@dataclass
class Reuse:
    """The keys of the files the folder built into holds already (after write_all, of the
    files it holds then), and what the build knows that helps it make fewer."""

    keys: dict[str, str] = field(default_factory=dict)
    workers: int = 1


def digest(*parts: object) -> str:
    return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"),
                           digest_size=16).hexdigest()


class Keys:
    """The keys of one build: a frame shared by every file, the whole site's key for the
    files that list everything, and one key per conclave for the files made from it."""

    def __init__(self, site: Site, *frame: object, everything: str,
                 remember: Remember | None = None):
        self.frame = digest(*frame)
        self.remember = remember
        # Everything the build read (inputs.py) stands for the whole site: the files that
        # list it are made again after any change.
        self.site = self.of("everything", everything)
        self.source = site
        self._conclaves: dict[str, str] = {}
        self._entities: dict[int, str] = {}  # by id(): the model lives as long as the keys
        self._shared: dict[object, str] = {}

    def of(self, *values: object) -> str:
        return digest(self.frame, *values)

    def entity(self, value: object) -> str:
        """One entity's digest, made once per build however many files show it: what the
        loader says it was made from (Site.sources: a digest of its files' bytes and of its
        references', which costs nothing here), else a digest of its pickle (its values;
        twice as fast as its repr), which is the same whichever process made the entity or
        read it from the memo. A shared entity it refers to (a speaker of a session, the
        venue) is pickled as its own key: each is pickled once per build, not again inside
        every conclave that names it."""
        found = self._entities.get(id(value))
        if found is None:
            found = self._entities[id(value)] = (self.source.made_from(value)
                                                 or self._pickled(value))
        return found

    def lasting(self, name: Hashable, compute: Callable[[], str]) -> str:
        """A digest that lasts from build to build: made only when `name`, which must name
        all it is made from but the code, is new to the build's memo (sources/memo.py,
        which the code's next version does not read)."""
        return self.remember(name, compute) if self.remember else compute()

    def once(self, name: object, compute: Callable[[], str]) -> str:
        """A digest that several files share (`name`: what it is of), made once per build."""
        found = self._shared.get(name)
        if found is None:
            found = self._shared[name] = compute()
        return found

    def news(self, item: NewsItem) -> str:
        """A news item, with its conclave by the conclave's own key."""
        found = self._entities.get(id(item))
        if found is None:
            own = self.source.made_from(item) or self._pickled(
                replace(item, conclave=None))  # a passing copy: not kept
            found = self._entities[id(item)] = digest(
                own, item.conclave and self.conclave(item.conclave))
        return found

    def conclave(self, conclave: Conclave) -> str:
        """A conclave with its sessions, people and venue as the model resolved them, and
        the SEQUENCE of its calendar entries."""
        found = self._conclaves.get(conclave.slug)
        if found is None:
            numbers = sorted(self.source.calendar_sequences.get(conclave.slug, {}).items())
            found = self._conclaves[conclave.slug] = self.of(self.entity(conclave), numbers)
        return found

    def _pickled(self, value: object) -> str:
        def shared(entity: object) -> tuple:
            if entity is value:
                return entity.__reduce_ex__(5)
            return str, (self.entity(entity),)

        buffer = io.BytesIO()
        pickler = pickle.Pickler(buffer, protocol=5)
        pickler.dispatch_table = {**copyreg.dispatch_table, **dict.fromkeys(SHARED, shared)}
        pickler.dump(value)
        return hashlib.blake2b(buffer.getbuffer(), digest_size=16).hexdigest()


def together(owner: str, key: str, files: Callable[[], Iterable[tuple[str, bytes]]],
             paths: Iterable[str]) -> Iterator[Job]:
    """Jobs for files made in one go from the same values (`key`, which each file keeps:
    the record names files by path): made once, when the first of them is needed."""
    made: dict[str, bytes] = {}

    def make(path: str) -> bytes:
        if not made:
            made.update(files())
        return made[path]

    for path in paths:
        yield Job(path, owner, key, lambda p=path: make(p))


def whole_site(owner: str, keys: Keys, files: Callable[[], Iterable[tuple[str, bytes]]],
               paths: Iterable[str]) -> Iterator[Job]:
    """Jobs for files made together from the whole site."""
    return together(owner, keys.site, files, paths)

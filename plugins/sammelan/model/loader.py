"""Reads every source once, validates it, and builds the immutable model.

Problems are collected with their location; if any is an error the caller
gets them all at once (SourceErrors) and nothing is rendered. Fixed choices become
the enums of choices.py here; the schema has already refused any other value.
"""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sammelan.checks import agenda, dates, placeholders, schema, scripts, status
from sammelan.errors import Location, Problem, SourceErrors
from sammelan.i18n.messages import Text as I18nText
from sammelan.i18n.messages import msg
from sammelan.model.choices import (
    Attendance,
    ConclaveStatus,
    DateInference,
    OrganizationKind,
    OrganizingRole,
    Participation,
    PersonPart,
    SessionKind,
    SessionStatus,
    SpeakerRole,
)
from sammelan.model.entities import (
    DEFAULT_SETTINGS,
    IST,
    LANGUAGES,
    Conclave,
    Hours,
    NewsItem,
    Organization,
    OrganizerRole,
    Participant,
    Person,
    Scheme,
    Session,
    SessionSpeaker,
    Site,
    SiteSettings,
    Speaker,
    Text,
    Venue,
)
from sammelan.render.calendar import sequences
from sammelan.sources import files, prose, provenance, yamldoc
from sammelan.sources.files import PICTURES
from sammelan.sources.memo import Memo
from sammelan.sources.yamldoc import Document

FOLDERS = {"venue": "venues", "organization": "organizations", "speaker": "speakers",
           "scheme": "schemes", "conclave": "conclaves", "news": "news"}
# Whether each kind's prose (content/<folder>/<slug>.<lang>.md) is required; organizations
# have none.
# what an organizer calls each kind, in messages (commands keep the kind as it is typed)
KIND_NAMES = {"venue": msg("venue"), "organization": msg("organization"),
              "speaker": msg("speaker"), "scheme": msg("scheme"), "conclave": msg("conclave"),
              "news": msg("news item")}
PROSE = {"venue": False, "speaker": False, "scheme": True, "news": True, "conclave": True}
IMAGES = "content/images"  # Pelican copies it to images/ (STATIC_PATHS)
SETTINGS = "data/site"  # .yaml (or .yml): the site's own settings, SiteSettings
PLAIN_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


def load_site(root: Path, today: dt.date, strict: bool = False, epoch: int | None = None,
              memo: Memo | None = None) -> tuple[Site, list[Problem]]:
    """The model of the project at `root`, and its warnings; raises SourceErrors on errors.
    `epoch` (SOURCE_DATE_EPOCH) dates the sources that git does not know yet; `memo` holds
    what the last build read from files that have not changed since."""
    builder = _Builder(root, today, epoch, memo or Memo())
    site = builder.build()
    problems = builder.problems
    if strict:  # every warning becomes an error, but advice stays advice
        problems = [p if p.advisory else replace(p, warning=False) for p in problems]
    if any(not p.warning for p in problems):
        raise SourceErrors(problems)
    return site, sorted(problems)


def change_key(kind: str, slug: str) -> str:
    """How data/changed.json names an entity: "conclaves/<slug>"."""
    return f"{FOLDERS[kind]}/{slug}"


def source_files(kind: str, slug: str) -> list[str]:
    """Every file an entity may be written in, relative to the project."""
    folder = FOLDERS[kind]
    return [f"data/{folder}/{slug}.{ext}" for ext in ("yaml", "yml")] + [
        f"content/{folder}/{slug}.{lang}.md" for lang in LANGUAGES]


def dated_sources(site: Site) -> dict[str, list[str]]:
    """The source files of every entity whose time of change the site shows."""
    dated = {"conclave": site.conclaves, "speaker": site.speakers, "scheme": site.schemes,
             "news": site.news}
    return {change_key(kind, e.slug): source_files(kind, e.slug)
            for kind, entities in dated.items() for e in entities}


def text(value: dict | None) -> Text | None:
    return Text(hi=value["hi"], en=value["en"]) if value else None


class _Builder:
    def __init__(self, root: Path, today: dt.date, epoch: int | None, memo: Memo):
        self.root, self.today, self.epoch, self.memo = root, today, epoch, memo
        self.changes: provenance.Record = {}
        self.clock = provenance.Clock(root, epoch, memo)
        self.problems: list[Problem] = []
        self.listed: dict[str, dict[str, list[str]]] = {}
        self.folders: dict[str, Path] = {}
        self.tables: dict[str, dict] = {kind: {} for kind in FOLDERS}
        self.referenced: set[tuple[str, object]] = set()  # (kind, slug), resolved or not
        # what the entity being built refers to, (kind, slug) in order, and each built
        # entity's digest of what it was made from (Site.sources)
        self.named: list[tuple[str, object]] = []
        self.sources: dict[tuple[str, str], str] = {}
        self.unread: set[str] = set()  # kinds with a file that could not be read whole
        # Slugs with a file, good or not: FOLDERS is in dependency order, so every kind's
        # files are read before anything refers to them.
        self.files: dict[str, set[str]] = {kind: set() for kind in FOLDERS}
        # Links, special files and unusable names, refused before anything is read (and
        # before Pelican copies content/images/): their paths are never opened.
        self.survey = files.survey(root)
        self.problems.extend(self.survey.problems)

    # reading -------------------------------------------------------------

    def documents(self, kind: str) -> list[tuple[str, Document]]:
        folder = f"data/{FOLDERS[kind]}"
        found = []
        for slug, paths in self.data_files(folder).items():
            self.files[kind].add(slug)  # good or not: references to it are not "unknown"
            if len(paths) > 1:
                self.problems.append(Problem(
                    Location(paths[-1]), msg("`%(first)s` and `%(second)s` are both the %(what)s "
                                             "`%(slug)s`", first=paths[0], second=paths[-1],
                                             what=KIND_NAMES[kind], slug=slug),
                    msg("keep one of them (ending in .yaml) and delete the other")))
                continue
            if self.survey.blocks(paths[0]):
                continue  # reported by the survey
            doc, problems = self.memo.recall(self.root, paths, kind,
                                             lambda p=paths[0]: self.checked(p, kind))
            self.problems.extend(problems)
            if any(not p.warning for p in problems):
                self.unread.add(kind)
            else:
                found.append((slug, doc))
        return found

    def checked(self, path: str, kind: str) -> tuple[Document | None, list[Problem]]:
        """One YAML file read and checked on its own (schema, placeholders)."""
        doc, problems = yamldoc.read(self.root / path, path)
        return doc, problems or (placeholders.check(doc, schema.check(doc, kind))
                                 + scripts.check(doc))

    def data_files(self, folder: str) -> dict[str, list[str]]:
        """The YAML files of one folder by slug (.yaml before .yml), their names checked
        (and reported) once however often they are asked for."""
        if folder not in self.listed:
            self.listed[folder] = self._data_files(folder)
        return self.listed[folder]

    def _data_files(self, folder: str) -> dict[str, list[str]]:
        if self.survey.blocks(folder):
            return {}
        by_slug: dict[str, list[str]] = {}
        # glob lists names only: it opens no file, and the folder is not a link (survey)
        for path in sorted((self.root / folder).glob("*.y*ml"), key=lambda p: p.suffix != ".yaml"):
            shown = f"{folder}/{path.name}"
            if path.suffix not in (".yaml", ".yml"):
                continue
            slug = path.name.rsplit(".", 1)[0]
            if not schema.is_slug(slug):
                if not self.survey.blocks(shown):  # a reserved or overlong name is reported
                    self.problems.append(Problem(
                        Location(shown), msg("`%(slug)s` is not a valid slug", slug=slug),
                        msg("rename the file with a-z, 0-9 and hyphens only")))
                continue
            by_slug.setdefault(slug, []).append(shown)
        return dict(sorted(by_slug.items()))

    def prose(self, kind: str, slug: str):
        html, problems = self.memo.recall(self.root, *self.prose_task(kind, slug))
        self.problems.extend(problems)
        return html

    def prose_task(self, kind: str, slug: str) -> tuple[list[str], object, Callable]:
        """The prose files of an entity, what else their reading depends on, and how."""
        folder, required = self.prose_folder(kind), PROSE[kind]
        files = [f"content/{FOLDERS[kind]}/{slug}.{lang}.md" for lang in LANGUAGES]
        refused = tuple(map(self.survey.blocks, files))
        return files, (required, refused), lambda: prose.read(
            folder, slug, self.root, required, refused=self.survey.blocks)

    def prose_folder(self, kind: str) -> Path:
        found = self.folders.get(kind)  # a Path per file would cost more
        if found is None:
            found = self.folders[kind] = self.root / "content" / FOLDERS[kind]
        return found

    def prefetch(self) -> None:
        """Read and check every file on its own first, the slow part of loading, by several
        processes when there are many (sources/memo.py): the build then finds each in the
        memo. The build itself is in order, as references need the entities they name."""
        tasks = []
        for kind in FOLDERS:
            for slug, paths in self.data_files(f"data/{FOLDERS[kind]}").items():
                if len(paths) == 1 and not self.survey.blocks(paths[0]):
                    tasks.append((paths, kind, partial(self.checked, paths[0], kind)))
                    if kind in PROSE:
                        tasks.append(self.prose_task(kind, slug))
        self.memo.prefetch(self.root, tasks)

    # references ----------------------------------------------------------

    def ref(self, doc: Document, path: tuple, kind: str):
        slug = doc.at(path)
        self.referenced.add((kind, slug))
        self.named.append((kind, slug))
        table = self.tables[kind]
        if slug in table:
            return table[slug]
        folder = f"data/{FOLDERS[kind]}"
        if slug in self.files[kind] or self.survey.blocks(folder):
            return None  # the file (or its folder) has errors of its own, reported there
        near = difflib.get_close_matches(slug, list(table), n=1, cutoff=0.6)
        self.referenced.update((kind, n) for n in near)  # the likely intent is not "unused"
        create = {"kind": kind, "slug": slug}
        fix = (msg("did you mean `%(near)s`? If not, create it with `invoke new %(kind)s "
                   "%(slug)s`", near=near[0], **create) if near
               else msg("create it with `invoke new %(kind)s %(slug)s`", **create))
        self.problems.append(Problem(
            doc.where(path), msg("no %(what)s with the slug `%(slug)s` in %(folder)s/",
                                 what=KIND_NAMES[kind], slug=slug, folder=folder), fix,
            ".".join(map(str, path))))
        return None

    def refs(self, doc: Document, path: tuple, kind: str) -> tuple:
        values = doc.at(path) or []
        found = (self.ref(doc, path + (i,), kind) for i in range(len(values)))
        return tuple(x for x in found if x is not None)

    def date(self, doc: Document, path: tuple) -> dt.date | None:
        day, problems = dates.date(doc, path)
        self.problems.extend(problems)
        return day

    def time(self, doc: Document, path: tuple) -> dt.time | None:
        moment, problems = dates.time(doc, path)
        self.problems.extend(problems)
        return moment

    def error(self, doc: Document, path: tuple, message: I18nText, fix: I18nText,
              warning: bool = False) -> None:
        self.problems.append(Problem(doc.where(path), message, fix, ".".join(map(str, path)),
                                     warning))

    # building ------------------------------------------------------------

    def build(self) -> Site:
        self.prefetch()
        if not self.survey.blocks(provenance.RECORD):
            self.changes, problems = provenance.read(self.root)
            self.problems.extend(problems)
        for kind in FOLDERS:
            for slug, doc in self.documents(kind):
                self.named = []
                entity = getattr(self, kind)(slug, doc)
                if entity is not None:
                    files = source_files(kind, slug)
                    self.tables[kind][slug] = entity = self.stamped(kind, slug, entity, files)
                    self.record_sources(kind, slug, entity, files)
        self.warn_unused_speakers()
        settings = self.site_settings()
        if not self.survey.blocks(sequences.FILE):
            records, problems = sequences.read(self.root)
            self.problems.extend(problems)
        else:
            records = {}
        entries = {key: (c.digest, c.at) for key, c in self.changes.items()
                   if key.startswith(provenance.ENTRIES)}
        return Site(**{FOLDERS[k]: tuple(t.values()) for k, t in self.tables.items()},
                    today=self.today, calendar_records=records, settings=settings,
                    entry_changes=entries, sources=self.sources)

    def site_settings(self) -> SiteSettings:
        """data/site.yaml, or the defaults when there is none (or it has errors, which are
        reported and stop the build)."""
        paths = [f"{SETTINGS}.{ext}" for ext in ("yaml", "yml")
                 if os.path.lexists(self.root / f"{SETTINGS}.{ext}")]
        if len(paths) > 1:
            self.problems.append(Problem(
                Location(paths[-1]), msg("`%(first)s` and `%(second)s` are both the site's "
                                         "settings", first=paths[0], second=paths[-1]),
                msg("keep one of them (ending in .yaml) and delete the other")))
            return DEFAULT_SETTINGS
        if not paths or self.survey.blocks(paths[0]):
            return DEFAULT_SETTINGS  # a refused file is reported by the survey
        doc, problems = self.memo.recall(self.root, paths, "site",
                                         lambda: self.checked(paths[0], "site"))
        self.problems.extend(problems)
        if any(not p.warning for p in problems):
            return DEFAULT_SETTINGS
        d = doc.data
        publisher = self.ref(doc, ("publisher",), "organization") if "publisher" in d else None
        contact = d.get("contact", {})
        return SiteSettings(
            name=text(d["name"]), description=text(d.get("description")), publisher=publisher,
            email=contact.get("email"), phone=contact.get("phone"),
            statement=text(d.get("statement")), url=d["url"].rstrip("/") if "url" in d else None)

    def stamped(self, kind: str, slug: str, entity, files: list[str]):
        """The entity with `updated` set from its source `files`, where the model has that
        field."""
        if not hasattr(entity, "updated"):
            return entity
        changed = self.clock.last_changed(change_key(kind, slug), files, self.changes)
        return replace(entity, updated=changed)

    def record_sources(self, kind: str, slug: str, entity: object, files: list[str]) -> None:
        """Digest what the entity was made from: the bytes of its files (as the build's
        digest of its inputs found them), when they changed, and the same digest of every
        entity it refers to. Every reference goes through `ref`, so none is missed; an
        entity made from anything else would need it added here. A page keyed by this
        digest (render/jobs.py) is made again exactly when one of these changed."""
        contents = self.memo.contents
        named = [self.sources.get(ref) for ref in self.named]
        if not contents or None in named:
            return  # the inputs were not digested: the entity's pickle keys its pages
        found = [contents.get(path) for path in files]
        self.sources[(kind, slug)] = hashlib.blake2b(
            repr((kind, slug, found, getattr(entity, "updated", None), named)).encode(),
            digest_size=16).hexdigest()

    def venue(self, slug: str, doc: Document) -> Venue:
        d = doc.data
        geo = (d["geo"]["lat"], d["geo"]["lon"]) if "geo" in d else None
        return Venue(slug=slug, name=text(d["name"]), city=text(d["city"]),
                     state=text(d["state"]), address=text(d.get("address")),
                     district=text(d.get("district")), pin=d.get("pin"), geo=geo,
                     directions=self.prose("venue", slug))

    def organization(self, slug: str, doc: Document) -> Organization:
        d = doc.data
        return Organization(slug=slug, name=text(d["name"]),
                            kind=OrganizationKind(d["kind"]),
                            acronym=d.get("acronym"), url=d.get("url"))

    def speaker(self, slug: str, doc: Document) -> Speaker:
        d = doc.data
        org = self.ref(doc, ("organization",), "organization") if "organization" in d else None
        return Speaker(slug=slug, name=text(d["name"]), designation=text(d["designation"]),
                       status=Participation(d["status"]), honorific=text(d.get("honorific")),
                       organization=org, photo=self.photo(doc),
                       links=tuple(d.get("links", ())),
                       bio=self.prose("speaker", slug))

    def photo(self, doc: Document) -> str | None:
        """The name of a picture in content/images/, which the pages show as images/<name>."""
        name = doc.data.get("photo")
        if name is None:
            return None
        relative = f"{IMAGES}/{name}"
        if not PLAIN_NAME.fullmatch(name):  # no folder, no `..`, nothing a URL must escape
            self.error(doc, ("photo",), msg("`%(name)s` is not a plain file name", name=name),
                       msg("put the picture in %(folder)s/, named with letters, digits and "
                           "hyphens, and write only its name, e.g. `photo: sanjay-seth.jpg`",
                           folder=IMAGES))
        elif not name.lower().endswith(PICTURES):
            self.error(doc, ("photo",), msg("`%(name)s` is not a JPEG, PNG or WebP picture",
                                            name=name),
                       msg("use a file ending in %(endings)s", endings=", ".join(PICTURES)))
        elif self.survey.blocks(relative):
            return None  # the file itself is refused, and reported there
        elif not os.path.isfile(self.root / relative):
            self.error(doc, ("photo",), msg("there is no picture `%(name)s` in %(folder)s/",
                                            name=name, folder=IMAGES),
                       self.photo_fix(name))
        else:
            return name
        return None

    def photo_fix(self, name: str) -> str:
        folder = self.root / IMAGES
        pictures = sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []
        near = difflib.get_close_matches(name, pictures, n=1, cutoff=0.6)
        if near:
            return msg("did you mean `%(near)s`? If not, add the picture to %(folder)s/, or "
                       "correct the name", near=near[0], folder=IMAGES)
        return msg("add the picture to %(folder)s/, or correct the name", folder=IMAGES)

    def scheme(self, slug: str, doc: Document) -> Scheme | None:
        d = doc.data
        owner = self.ref(doc, ("owner",), "organization")
        about = self.prose("scheme", slug)
        if owner is None:
            return None
        return Scheme(slug=slug, name=text(d["name"]), owner=owner, acronym=d.get("acronym"),
                      url=d.get("url"), about=about)

    def news(self, slug: str, doc: Document) -> NewsItem | None:
        d = doc.data
        conclave = self.ref(doc, ("conclave",), "conclave") if "conclave" in d else None
        body = self.prose("news", slug)
        when, problems = dates.moment(doc, ("published",), ZoneInfo(IST))
        self.problems.extend(problems)
        if when is None:
            return None
        return NewsItem(slug=slug, title=text(d["title"]), published=when, body=body,
                        conclave=conclave)

    def conclave(self, slug: str, doc: Document) -> Conclave | None:
        d = doc.data
        start, end = self.date(doc, ("start",)), self.date(doc, ("end",))
        venue = self.ref(doc, ("venue",), "venue")
        zone = self.zone(doc)
        description = self.prose("conclave", slug)
        self.warn_plain_http(doc, ("registration",))
        limits = (agenda.check_days(doc, start, end) if start and end else []) + \
            agenda.check_count(doc)
        if limits:
            self.problems.extend(limits)
            return None
        self.problems.extend(status.check(doc, self.today, start, end))
        sessions = tuple(self.session(doc, ("sessions", i)) for i in range(len(d["sessions"])))
        people = self.people(doc)  # named even if the conclave is not built: not "unused"
        hours, hours_usable = self.hours(doc)
        if None in (start, end, venue, zone) or None in sessions or not hours_usable:
            return None
        self.problems.extend(agenda.check_sessions(doc, sessions, start, end))
        return Conclave(
            slug=slug, title=text(d["title"]), status=ConclaveStatus(d["status"]),
            start=start, end=end, venue=venue, organizers=self.organizers(doc), sessions=sessions,
            timezone=zone, attendance=Attendance(d.get("attendance", Attendance.OFFLINE)),
            previous_start=self.date(doc, ("previous_start",)), hours=hours,
            dates_inferred=tuple(map(DateInference, d.get("dates_inferred", ()))),
            registration=d.get("registration"), participants=self.participants(doc),
            people=people, schemes=self.refs(doc, ("schemes",), "scheme"),
            topics=tuple(map(text, d.get("topics", ()))),
            highlights=tuple(map(text, d.get("highlights", ()))), description=description)

    def warn_plain_http(self, doc: Document, path: tuple) -> None:
        # advisory: the link works, and an organizer may not control the site it points to
        url = doc.at(path)
        if isinstance(url, str) and url[:7].lower() == "http://":
            self.problems.append(Problem(
                doc.where(path), msg("`%(url)s` is not encrypted (http://): browsers warn "
                                     "visitors, and what they type in the form can be read on "
                                     "the way", url=url),
                msg("use `%(url)s` if the site offers it", url=f"https://{url[7:]}"),
                ".".join(map(str, path)),
                warning=True, advisory=True))

    def zone(self, doc: Document) -> str | None:
        name = doc.data.get("timezone", IST)
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            self.error(doc, ("timezone",), msg("`%(name)s` is not a known time zone", name=name),
                       msg("leave it out for IST, or write a name such as Asia/Kolkata"))
            return None
        return name

    def organizers(self, doc: Document) -> tuple[OrganizerRole, ...]:
        found = []
        for i, entry in enumerate(doc.data.get("organizers", ())):
            org = self.ref(doc, ("organizers", i, "organization"), "organization")
            if org:
                found.append(OrganizerRole(org, tuple(map(OrganizingRole, entry["roles"]))))
        return tuple(found)

    def participants(self, doc: Document) -> tuple[Participant, ...]:
        found = []
        for i, entry in enumerate(doc.data.get("participants", ())):
            org = self.ref(doc, ("participants", i, "organization"), "organization")
            if org:
                found.append(Participant(org, Participation(entry["status"])))
        return tuple(found)

    def people(self, doc: Document) -> tuple[Person, ...]:
        found = []
        for i, entry in enumerate(doc.data.get("people", ())):
            speaker = self.ref(doc, ("people", i, "speaker"), "speaker")
            if speaker:
                found.append(Person(speaker, PersonPart(entry["part"]),
                                    text(entry.get("role"))))
        return tuple(found)

    def hours(self, doc: Document) -> tuple[Hours | None, bool]:
        """The conclave's daily hours (None when it gives none), and whether they can be
        used: a mistake in them is reported here."""
        if "hours" not in doc.data:
            return None, True
        start, end = self.time(doc, ("hours", "start")), self.time(doc, ("hours", "end"))
        if start is None or (end is None and "end" in doc.data["hours"]):
            return None, False
        if end is not None and end <= start:
            self.error(doc, ("hours", "end"),
                       msg("the conclave closes at %(end)s, not after it opens (%(start)s)",
                           end=f"{end:%H:%M}", start=f"{start:%H:%M}"),
                       msg("make `end` later than `start`"))
            return None, False
        return Hours(start, end), True

    def session(self, doc: Document, path: tuple) -> Session | None:
        d = doc.at(path)
        day, start, end = (self.date(doc, path + ("date",)), self.time(doc, path + ("start",)),
                           self.time(doc, path + ("end",)))
        speakers = []
        for i, entry in enumerate(d.get("speakers", ())):
            speaker = self.ref(doc, path + ("speakers", i, "speaker"), "speaker")
            if speaker:
                speakers.append(SessionSpeaker(speaker, SpeakerRole(entry["role"])))
        organizations = self.refs(doc, path + ("organizations",), "organization")
        schemes = self.refs(doc, path + ("schemes",), "scheme")
        if any(d.get(name) is not None and value is None
               for name, value in (("date", day), ("start", start), ("end", end))):
            return None  # reported already; the agenda checks would misread the gap
        return Session(
            id=d["id"], title=text(d["title"]), kind=SessionKind(d["kind"]), date=day,
            start=start, end=end, track=text(d.get("track")),
            status=SessionStatus(d.get("status", SessionStatus.SCHEDULED)),
            sequence=d.get("sequence", 0), summary=text(d.get("summary")),
            speakers=tuple(speakers), organizations=organizations, schemes=schemes)

    def warn_unused_speakers(self) -> None:
        # by what the sources name, so one broken conclave does not make its speakers "unused";
        # a conclave file that could not be read names nobody we know of: no guessing then.
        # Advisory: a speaker whose conclave was removed still has a true page.
        if "conclave" in self.unread:
            return
        for slug in self.tables["speaker"]:
            if ("speaker", slug) not in self.referenced:
                self.problems.append(Problem(
                    Location(f"data/speakers/{slug}.yaml", 1, 1),
                    msg("speaker `%(slug)s` is in no session and named by no conclave",
                        slug=slug),
                    msg("add them to a session's `speakers` or a conclave's `people`, "
                        "or delete the file"), warning=True, advisory=True))


"""The fuzzer's parts: mutations of a project's sources (text, YAML tree, files and folders),
and the contract every mutated build must keep (test_mutations.py runs them).

The contract: the build answers 0 or 1 within seconds, never with a traceback; on 1 every
error names a source file (with line:column where the file has lines), output/ is as it
was and no temporary folder is left; on 0 every output file is well-formed for its
consumers; and no byte from outside the project reaches the output.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import resource
import shutil
import signal
import time
import traceback
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
from conftest import SEEDED, build_into, digest
from hypothesis import strategies as st
from icalendar import Calendar
from sammelan.render import formats

SECONDS = 30  # a build that takes longer hangs
MEMORY = 3 * 1024**3  # address space a build may take (the suite itself uses far less)
SECRET = "SECRET-OUTSIDE-THE-PROJECT-4d1f"  # the text of a file beside the project
LOCATED = re.compile(r"^(data|content)/.+?(:\d+:\d+)?: error")
SOURCES = sorted(p.relative_to(SEEDED).as_posix() for p in (SEEDED / "data").rglob("*.yaml"))
SOURCES += sorted(p.relative_to(SEEDED).as_posix() for p in (SEEDED / "content").rglob("*.md"))
YAML_SOURCES = [s for s in SOURCES if s.endswith(".yaml")]
FOLDERS = sorted({s.rsplit("/", 1)[0] for s in SOURCES} | {"content/images"})


@dataclass(frozen=True)
class Mutation:
    """One change to a project; `apply` makes it in a fresh copy of the seeded sources."""

    description: str
    apply: Callable[[Path, Path], None]  # (project, outside folder)

    def __repr__(self) -> str:
        return self.description


@dataclass
class Outcome:
    status: int
    errors: list[str]
    seconds: float


# mutations of the text ----------------------------------------------------------------

HOSTILE_VALUES = [
    "", "~", "[]", "{}", "[1, 2]", "{a: 1}", "42", "-1.5", "true", '"2025-02-30"', '"25:61"',
    '"2026-13-01"', "sanjay-set", "no-such-slug", "javascript:alert(1)", "Not A Slug",
    "!!python/object/apply:os.system [ls]", "&a x", "*a", "'unclosed", "\"unclosed", "a: b: c",
    "\u0007", "\t", "<script>alert(1)</script>", "scheduled", "held", "cancelled", "TODO",
    '"\\uD800"', '"\\x07"', '"\\x00"', '"\\r"', '"a\\r\\nb"', '"x\\n"', "|\n  one\n  two",
    ">\n  folded", ".nan", ".inf", "-.inf", "9" * 5000, "[" * 2000 + "]" * 2000,
    "{a: " * 500 + "1" + "}" * 500, "&r [*r]", '"2900-01-17"', '"9999-12-30"', '"1900-01-01"',
    '"\\u202Eevil"', '"a\\u200bb"', '"\\uFEFFx"', "http://example.org", "con", "nul",
    '"9:40"', '"00:00"', '"23:59"', '"24:00"', "1e309", "0x1F", "!!binary aGk=",
    "'" + "x" * 5000 + "'", '"<!-- c -->"', '"]]>"', '"&amp;"',
]
HOSTILE_LINES = [
    "<script>alert(1)</script>", "[x](javascript:alert(1))", '<a onclick="x()">y</a>',
    "<div>", "\u0000", "- - -", ":", "  bad indent: x", "key: [unclosed", "*alias", "TODO",
    "x: !!binary aGk=", "sessions: 5", "<iframe>", "[x](java&#x73;cript:alert(1))",
    "[x](javascript&colon;alert(1))", "[x](\njavascript:alert(1))", "<!-- hidden -->",
    "<![CDATA[x]]>", '<a title="`"><script>x</script>`">y</a>', "\u202e\u200b", "\r",
    "&#7;", "&#xD800;", "![p](https://example.org/p.png)", "<?php x ?>",
]


@st.composite
def text_mutations(draw) -> Mutation:
    """A line of a source replaced, deleted, repeated, re-indented or added."""
    relative = draw(st.sampled_from(SOURCES))
    lines = (SEEDED / relative).read_text(encoding="utf-8").split("\n")
    index = draw(st.integers(0, len(lines) - 1))
    how = draw(st.sampled_from(["value", "delete", "duplicate", "insert", "indent"]))
    line = lines[index]
    if how == "value" and ":" in line:
        value = draw(st.sampled_from(HOSTILE_VALUES) | st.text(max_size=12))
        lines[index] = line.split(":", 1)[0] + ": " + value
    elif how == "delete":
        del lines[index]
    elif how == "duplicate":
        lines.insert(index, line)
    elif how == "indent":
        lines[index] = " " * draw(st.integers(0, 5)) + line.lstrip()
    else:
        lines.insert(index, draw(st.sampled_from(HOSTILE_LINES) | st.text(max_size=20)))
    text = "\n".join(lines)
    shown = lines[index] if index < len(lines) else ""  # a deleted last line shows nothing
    return Mutation(f"{how} at {relative}:{index + 1}: {shown!r:.80}",
                    lambda project, _: _write(project / relative, text))


# mutations of the YAML tree -----------------------------------------------------------

TREE_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats()
    | st.sampled_from(["", "x\ny", "\x07", "\u202e", "a\u200bb", "2025-09-19", "15:00",
                       "2999-12-31", "javascript:alert(1)", "hotel-lemon-tree-jhansi"])
    | st.text(max_size=10),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.sampled_from(["hi", "en", "id", "title", "x"]), children, max_size=3),
    max_leaves=6)


@st.composite
def tree_mutations(draw) -> Mutation:
    """A value of a YAML file replaced, a field removed or an unknown one added."""
    relative = draw(st.sampled_from(YAML_SOURCES))
    data = yaml.safe_load((SEEDED / relative).read_text(encoding="utf-8"))
    paths = list(_paths(data))
    path = draw(st.sampled_from(paths))
    how = draw(st.sampled_from(["replace", "remove", "add"]))
    value = draw(TREE_VALUES)
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    if how == "replace":
        parent[path[-1]] = value
    elif how == "remove":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent["unknown_field"] = value
    else:
        parent.append(value)
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return Mutation(f"tree {how} {relative} at {'.'.join(map(str, path))}: {value!r:.60}",
                    lambda project, _: _write(project / relative, text))


def _paths(data, path: tuple = ()):
    children = data.items() if isinstance(data, dict) else (
        enumerate(data) if isinstance(data, list) else ())
    for key, value in children:
        yield path + (key,)
        yield from _paths(value, path + (key,))


# mutations of files and folders -------------------------------------------------------

def _symlink(target: str) -> Callable[[Path, Path], None]:
    def make(place: Path, outside: Path) -> None:
        place.unlink(missing_ok=True)
        place.symlink_to(target.format(outside=outside))
    return make


def _oversized(place: Path, _: Path) -> None:
    place.write_text("title: " + "x" * 600_000 + "\n", encoding="utf-8")


FILE_CHANGES: dict[str, Callable[[Path, Path], None]] = {
    "symlink to a file outside": _symlink("{outside}/secret.txt"),
    "symlink to a folder outside": _symlink("{outside}"),
    "symlink to /etc/passwd": _symlink("/etc/passwd"),
    "symlink to /etc": _symlink("/etc"),
    "symlink to /dev/zero": _symlink("/dev/zero"),
    "dangling symlink": _symlink("{outside}/no-such-file"),
    "symlink to itself": lambda place, _: (place.unlink(missing_ok=True),
                                           place.symlink_to(place.name)),
    "fifo": lambda place, _: (place.unlink(missing_ok=True), os.mkfifo(place)),
    "folder": lambda place, _: (place.unlink(missing_ok=True), place.mkdir()),
    "empty file": lambda place, _: place.write_bytes(b""),
    "binary junk": lambda place, _: place.write_bytes(bytes(range(256)) * 4),
    "windows-1252 text": lambda place, _: place.write_bytes("title: café – x\n".encode("cp1252")),
    "oversized file": _oversized,
    "one long Markdown paragraph": lambda place, _: place.write_text(
        "मेला " * 98_000 + "\n", encoding="utf-8"),
    "removed": lambda place, _: place.unlink(missing_ok=True),
}
NEW_NAMES = ["zz.yaml", "zz.en.md", "con.yaml", "nul.hi.md", "x" * 250 + ".yaml", "Bad Name.yaml",
             "zz.yml", "photo.jpg"]


@st.composite
def file_mutations(draw) -> Mutation:
    """A source replaced by, or a new name made into, a link, a special file or junk."""
    change = draw(st.sampled_from(sorted(FILE_CHANGES)))
    if draw(st.booleans()):
        relative = draw(st.sampled_from(SOURCES))
    else:
        relative = f"{draw(st.sampled_from(FOLDERS))}/{draw(st.sampled_from(NEW_NAMES))}"
    return Mutation(f"{change}: {relative}", lambda project, outside: change_file(
        change, project / relative, outside))


def change_file(change: str, place: Path, outside: Path) -> None:
    place.parent.mkdir(parents=True, exist_ok=True)
    FILE_CHANGES[change](place, outside)


@st.composite
def twin_mutations(draw) -> Mutation:
    """A second file for one slug: `x.yml` beside `x.yaml`."""
    relative = draw(st.sampled_from(YAML_SOURCES))
    twin = relative.removesuffix(".yaml") + ".yml"
    return Mutation(f"twin {twin}", lambda project, _: shutil.copy(project / relative,
                                                                   project / twin))


def mutations() -> st.SearchStrategy[Mutation]:
    return text_mutations() | tree_mutations() | file_mutations() | twin_mutations()


def _write(path: Path, text: str) -> None:
    path.write_bytes(text.encode("utf-8", "surrogatepass"))


# the contract -------------------------------------------------------------------------

class Hung(Exception):
    pass


def _alarm(signum, frame):
    raise Hung(f"the build took more than {SECONDS} s")


def restore(project: Path) -> None:
    """The seeded sources again, whatever a mutation made of them."""
    for name in ("data", "content"):
        # rmtree removes links, FIFOs and loops without following them
        shutil.rmtree(project / name, ignore_errors=True)
        shutil.copytree(SEEDED / name, project / name)


def build_bounded(project: Path) -> Outcome:
    """Build `project`, stopped after SECONDS and held to MEMORY; raises on a traceback."""
    stderr = io.StringIO()
    limits = resource.getrlimit(resource.RLIMIT_AS)
    previous = signal.signal(signal.SIGALRM, _alarm)
    started = time.monotonic()
    signal.alarm(SECONDS)
    try:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY, limits[1]))
        with contextlib.redirect_stderr(stderr):
            status = build_into(project / "output", root=project)
    finally:
        resource.setrlimit(resource.RLIMIT_AS, limits)
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    printed = stderr.getvalue()
    assert "Traceback" not in printed, printed
    errors = [line for line in printed.splitlines() if ": error" in line]
    return Outcome(status, errors, time.monotonic() - started)


def check_contract(project: Path, mutation: Mutation, outside: Path) -> Outcome:
    """Apply `mutation`, build, and assert the contract; the sources are restored after."""
    before = digest(project / "output")
    try:
        mutation.apply(project, outside)
        outcome = build_bounded(project)
    except (Hung, MemoryError, AssertionError):
        raise
    except BaseException:  # noqa: BLE001 - a traceback is what the fuzzer hunts for
        raise AssertionError(f"{mutation}: the build raised\n{traceback.format_exc()}") from None
    finally:
        restore(project)
    assert outcome.status in (0, 1), mutation
    leftovers = [p.name for p in project.iterdir()
                 if p.name.startswith(".output") and p.name != ".output.cache"]
    assert leftovers == [], f"{mutation}: left {leftovers}"
    after = digest(project / "output")
    if outcome.status == 1:
        assert after == before, f"{mutation}: a failed build changed output/"
        assert outcome.errors, f"{mutation}: exit 1 without an error line"
        unlocated = [e for e in outcome.errors if not LOCATED.match(e)]
        assert unlocated == [], f"{mutation}: errors that name no source: {unlocated}"
    else:
        # the site's own formats; pictures are copied as they are
        changed = [name for name, sha in after.items() if before.get(name) != sha
                   and formats.media_type(name) is not None]
        malformed = [name for name in changed if well_formed(project / "output" / name)]
        assert malformed == [], f"{mutation}: malformed output {malformed}"
    leaked = [p for p in (project / "output").rglob("*") if p.is_file()
              and SECRET.encode() in p.read_bytes()]
    assert leaked == [], f"{mutation}: text from outside the project in {leaked}"
    return outcome


def well_formed(path: Path) -> str:
    """What is wrong with one output file for its consumers ('' when nothing is)."""
    data = path.read_bytes()
    if path.suffix == ".jpg":  # a share card: a picture of the size previews ask for
        return _picture(data)
    try:
        text = data.decode("utf-8")
        if path.suffix in (".xml", ".svg"):
            ET.fromstring(data)
        elif path.suffix == ".json":
            json.loads(text, parse_constant=_no_constants)
        elif path.suffix == ".ics":
            Calendar.from_ical(text)
            bare = re.search(r"\r(?!\n)|(?<!\r)\n", text)
            if bare:
                return "a line break that is not CRLF"
        elif path.suffix == ".html":
            for script in re.findall(r'<script type="application/ld\+json">(.*?)</script>',
                                     text, re.S):
                json.loads(script, parse_constant=_no_constants)
        if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]", text):
            return "a control character"
    except (ValueError, ET.ParseError, UnicodeDecodeError) as exc:
        return str(exc)
    return ""


def _picture(data: bytes) -> str:
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            return "" if (image.format, image.size) == ("JPEG", (1200, 630)) else str(
                (image.format, image.size))
    except OSError as exc:
        return str(exc)


def _no_constants(name: str):
    raise ValueError(f"{name} is not JSON")

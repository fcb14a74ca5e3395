"""Checks that hold for ANY valid content, as plain functions of a project root or a built
site, so that one piece of code serves both the live content (test_live_content.py) and
the live content after an organizer's edits (test_organizer_edits.py).

Each check returns the problems it found as lines to print; an empty list means it passed.
None of them names a slug, a fact or a line: the content belongs to the organizers.
"""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from conftest import ROOT, SHARED, html_pages, parse
from icalendar import Calendar
from jsonschema import Draft6Validator
from lxml import etree
from sammelan.render.config import PREVIEW_BASE

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
ICALJS = ROOT / "tests" / "icaljs_events.mjs"
# Links that leave the site (or are not links at all): nothing of the build to resolve.
EXTERNAL = ("http:", "https:", "mailto:", "tel:", "webcal:", "data:", "//")


def build_strict(root: Path, output: Path) -> tuple[int, str]:
    """What CI does to the sources at `root`: a build under --strict on the real date.
    The exit status, and what the build printed to the organizer."""
    from sammelan.build import build
    from sammelan.options import BuildOptions

    printed = io.StringIO()
    with contextlib.redirect_stderr(printed):  # no epoch: the real date
        status = build(root / "pelicanconf.py", output, BuildOptions(strict=True))
    return status, printed.getvalue()


# HTML ------------------------------------------------------------------------------------

def vnu_errors(output: Path) -> list[str]:
    """Every error the Nu HTML Checker finds in the site's pages (vnu.jar from npm)."""
    if not VNU.exists():
        return ["vnu.jar is missing: run `make test` so that npm installs vnu-jar"]
    pages = [str(p) for p in html_pages(output)]
    if not pages:
        return [f"no HTML page in {output}"]
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *pages],
        capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [f"{m.get('url', '')}:{m.get('lastLine', '')}: {m['message']}" for m in messages
            if m["type"] == "error" or m.get("subType") == "fatal"]


def broken_links(output: Path) -> list[str]:
    """Every href and src of every page that points into the site at a file the build did
    not write, or at an anchor (#id) that its page does not have."""
    found = []
    ids: dict[Path, set[str]] = {}  # the ids of each page a link's fragment names
    for page in html_pages(output):
        for element, attribute, link, _ in parse(page).iterlinks():
            if attribute not in ("href", "src") or link.lower().startswith(EXTERNAL):
                continue
            problem = _link_problem(output, page, link, ids)
            if problem:
                shown = page.relative_to(output).as_posix()
                found.append(f"{shown}: <{element.tag} {attribute}=\"{link}\"> {problem}")
    return found


def _link_problem(output: Path, page: Path, link: str, ids: dict[Path, set[str]]) -> str:
    parts = urlsplit(link)
    path = unquote(parts.path)
    if not path:
        target = page
    elif path.startswith("/"):  # root-relative: the server's root is the build's
        target = output / path.lstrip("/")
    else:
        target = page.parent / path
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    target = target.resolve()
    if not target.is_relative_to(output.resolve()):
        return "leaves the site"
    if not target.is_file():
        return "points at no file of the build"
    if parts.fragment and target.suffix == ".html":
        if target not in ids:
            ids[target] = {e.get("id") for e in parse(target).iter() if e.get("id")}
        if parts.fragment not in ids[target]:
            return f"points at no element with id `{parts.fragment}`"
    return ""


def unmarked_external_links(output: Path, own: str = PREVIEW_BASE) -> list[str]:
    """Every link to another site (http or https, not at the site's address `own`) that
    lacks rel="external" or the words that say so in its page's language (GIGW 3.0)."""
    from sammelan.i18n.catalog import Gettext

    found = []
    for page in html_pages(output):
        tree = parse(page)
        words = Gettext(tree.get("lang"))("(external website)")
        for link in tree.iter("a"):
            href = link.get("href") or ""
            if not href.lower().startswith(("http:", "https:")) or href.startswith(own + "/"):
                continue
            hidden = link.find(".//span[@class='visually-hidden']")
            if ("external" not in (link.get("rel") or "").split() or hidden is None
                    or hidden.text_content().strip() != words):
                found.append(f"{page.relative_to(output).as_posix()}: <a href=\"{href}\"> "
                             f"is not marked as leaving the site")
    return found


# calendars and schedules -------------------------------------------------------------------

def calendars(output: Path) -> list[Path]:
    return sorted(output.rglob("*.ics"))


def icaljs_read(files: list[Path]) -> dict:
    """What ical.js reads from each calendar, by path (see icaljs_events.mjs)."""
    out = subprocess.run(["node", str(ICALJS), *map(str, files)], capture_output=True,
                         text=True, check=True, cwd=ROOT, timeout=120)
    return json.loads(out.stdout)


def calendar_problems(output: Path) -> list[str]:
    """Every .ics that icalendar or ical.js cannot read, or in which they find different
    entries."""
    files = calendars(output)
    if not files:
        return [f"no calendar in {output}"]
    found = []
    ours = {}
    for path in files:
        try:
            ours[path] = {str(e["UID"]) for e in Calendar.from_ical(path.read_bytes())
                          .walk("VEVENT")}
        except Exception as error:  # noqa: BLE001 - any failure to read is the finding
            found.append(f"{path.relative_to(output)}: icalendar cannot read it: {error}")
    theirs = icaljs_read(files)
    for path in files:
        if "error" in theirs[str(path)]:
            found.append(f"{path.relative_to(output)}: ical.js cannot read it: "
                         f"{theirs[str(path)]['error']}")
    for path, uids in ours.items():
        if "error" in theirs[str(path)]:
            continue
        read_by_js = {e["uid"] for e in theirs[str(path)]["events"]}
        if uids != read_by_js:
            found.append(f"{path.relative_to(output)}: icalendar reads {sorted(uids)}, "
                         f"ical.js {sorted(read_by_js)}")
    return found


@cache
def schedule_xsd() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SHARED / "schemas/schedule.xml.xsd")))


@cache
def schedule_json_schema() -> Draft6Validator:
    schema = json.loads((SHARED / "schemas/schedule.schema.json").read_text(encoding="utf-8"))
    return Draft6Validator(schema, format_checker=Draft6Validator.FORMAT_CHECKER)


def schedule_problems(output: Path) -> list[str]:
    """Every schedule.xml not valid against the format's XSD and every schedule.json not
    valid against its JSON Schema (both in ../shared/schemas/), any conclave folder whose
    page offers them without both, any that has one its page does not offer, and any day
    without an event (an empty day in a conference app)."""
    found = []
    folders = {p.parent for p in output.rglob("conclaves/*/index.html")}
    if not folders:
        return [f"no conclave page in {output}"]
    for folder in sorted(folders):
        shown = folder.relative_to(output).as_posix()
        xml, data = folder / "schedule.xml", folder / "schedule.json"
        offered = 'schedule.xml"' in (folder / "index.html").read_text(encoding="utf-8")
        if offered != xml.is_file() or offered != data.is_file():
            found.append(f"{shown}: schedule.xml or schedule.json is missing" if offered else
                         f"{shown}: a schedule the page does not offer")
            continue
        if not offered:
            continue
        if etree.parse(str(xml)).xpath("//day[not(room/event)]"):
            found.append(f"{shown}/schedule.xml: a day without events")
        if not schedule_xsd().validate(etree.parse(str(xml))):
            found.append(f"{shown}/schedule.xml: {schedule_xsd().error_log}")
        errors = schedule_json_schema().iter_errors(json.loads(data.read_text(encoding="utf-8")))
        found += [f"{shown}/schedule.json: {list(e.path)}: {e.message}" for e in errors]
    return found


# sources -----------------------------------------------------------------------------------

def translation_gaps(root: Path, pot: Path) -> list[str]:
    """What `invoke translations` lists: interface strings, texts and prose missing in a
    language."""
    from sammelan.tools.translations import gaps

    return [p.render() for p in gaps(root, pot)]

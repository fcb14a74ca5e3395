"""The fixed choices of the data: the schemas, the enums of choices.py and every mapping of
a choice to something agree, so a value that validates always renders."""

from __future__ import annotations

import datetime as dt
import inspect
import json
import re
from collections.abc import Iterator
from dataclasses import replace
from enum import StrEnum
from pathlib import Path

import pytest
import yaml
from babel.messages.pofile import read_po
from breaking import JAMSHEDPUR, TODAY, edit
from conftest import ROOT, build_into
from sammelan.i18n import labels
from sammelan.i18n.catalog import Gettext, catalog_path
from sammelan.model import choices
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
    exhaustive,
)
from sammelan.model.loader import load_site
from sammelan.render import feeds, jsonld, urls
from sammelan.render.calendar import entries
from sammelan.render.config import RenderConfig

SESSIONS = "/properties/sessions/items/properties"
# Where each schema has an `enum`, and the choice it must equal.
SCHEMA_ENUMS: dict[tuple[str, str], type[StrEnum]] = {
    ("conclave.schema.json", "/properties/status"): ConclaveStatus,
    ("conclave.schema.json", "/properties/attendance"): Attendance,
    ("conclave.schema.json", "/properties/organizers/items/properties/roles/items"):
        OrganizingRole,
    ("conclave.schema.json", "/properties/participants/items/properties/status"):
        Participation,
    ("conclave.schema.json", "/properties/people/items/properties/part"): PersonPart,
    ("conclave.schema.json", "/properties/dates_inferred/items"): DateInference,
    ("conclave.schema.json", f"{SESSIONS}/kind"): SessionKind,
    ("conclave.schema.json", f"{SESSIONS}/status"): SessionStatus,
    ("conclave.schema.json", f"{SESSIONS}/speakers/items/properties/role"): SpeakerRole,
    ("organization.schema.json", "/properties/kind"): OrganizationKind,
    ("speaker.schema.json", "/properties/status"): Participation,
}
# Every mapping of a choice to something the output shows.
MAPPINGS = {
    "labels.CONCLAVE_STATUS": (labels.CONCLAVE_STATUS, ConclaveStatus),
    "labels.ORGANIZER_ROLE": (labels.ORGANIZER_ROLE, OrganizingRole),
    "labels.SPEAKER_ROLE": (labels.SPEAKER_ROLE, SpeakerRole),
    "labels.SESSION_KIND": (labels.SESSION_KIND, SessionKind),
    "labels.PARTICIPATION": (labels.PARTICIPATION, Participation),
    "labels.PERSON_PART": (labels.PERSON_PART, PersonPart),
    "labels.DATE_INFERENCE": (labels.DATE_INFERENCE, DateInference),
    "jsonld.EVENT_STATUS": (jsonld.EVENT_STATUS, ConclaveStatus),
    "jsonld.ATTENDANCE": (jsonld.ATTENDANCE, Attendance),
    "entries.STATUS": (entries.STATUS, ConclaveStatus),
}
# schema.org's EventStatusType and RFC 5545's statuses of a VEVENT.
SCHEMA_ORG_STATUSES = {"EventScheduled", "EventPostponed", "EventRescheduled",
                       "EventCancelled", "EventMovedOnline"}
ICALENDAR_STATUSES = {"TENTATIVE", "CONFIRMED", "CANCELLED"}


def schema_enums() -> Iterator[tuple[tuple[str, str], list]]:
    """((schema file, JSON pointer), values) of every `enum` in schemas/."""
    for path in sorted((ROOT / "schemas").glob("*.schema.json")):
        yield from (((path.name, pointer), values) for pointer, values
                    in _enums(json.loads(path.read_text(encoding="utf-8")), ""))


def _enums(node, pointer: str) -> Iterator[tuple[str, list]]:
    if isinstance(node, dict):
        if "enum" in node:
            yield pointer, node["enum"]
        for key, child in node.items():
            yield from _enums(child, f"{pointer}/{key}")
    elif isinstance(node, list):
        for i, child in enumerate(node):
            yield from _enums(child, f"{pointer}/{i}")


def test_every_schema_enum_is_mapped_to_a_choice():
    assert {where for where, _ in schema_enums()} == set(SCHEMA_ENUMS)


@pytest.mark.parametrize("where, values", [
    pytest.param(where, values, id=f"{where[0]}#{where[1]}") for where, values in schema_enums()])
def test_schema_enum_equals_its_choice(where, values):
    assert values == [member.value for member in SCHEMA_ENUMS[where]]


def test_every_choice_is_in_a_schema():
    defined = {cls for _, cls in inspect.getmembers(choices, inspect.isclass)
               if issubclass(cls, StrEnum) and cls is not StrEnum}
    assert defined == set(SCHEMA_ENUMS.values())


def test_a_mapping_that_misses_a_value_is_refused():
    with pytest.raises(TypeError, match=r"missing \['mixed'\], unknown \[\]"):
        exhaustive(Attendance, {Attendance.OFFLINE: 1, Attendance.ONLINE: 2})


def test_a_mapping_with_a_value_of_no_choice_is_refused():
    with pytest.raises(TypeError, match=r"missing \[\], unknown \['hybrid'\]"):
        exhaustive(Participation, {Participation.CONFIRMED: 1, Participation.TENTATIVE: 2,
                                   "hybrid": 3})


@pytest.mark.parametrize("mapping, choice", MAPPINGS.values(), ids=MAPPINGS)
def test_mapping_covers_every_value(mapping, choice):
    assert list(mapping) == [member.value for member in choice]
    assert all(type(key) is str for key in mapping)  # what templates and raw data look up


def test_templates_read_every_label_mapping_and_no_other():
    templates = (ROOT / "themes/sammelan/templates").glob("*.html")
    read = {name for t in templates
            for name in re.findall(r"\blabels\.(\w+)", t.read_text(encoding="utf-8"))}
    assert read == set(labels.ALL)


def test_every_label_has_its_hindi():
    with catalog_path("hi").open("rb") as handle:
        catalog = read_po(handle, locale="hi")
    for mapping in labels.ALL.values():
        for value, label in mapping.items():
            message = catalog.get(label)
            assert label and message is not None, f"{value}: {label!r} is not in the catalog"
            assert message.string and not message.fuzzy, f"{value}: no Hindi for {label!r}"


def test_schema_org_and_icalendar_statuses_are_real():
    assert set(jsonld.EVENT_STATUS.values()) <= SCHEMA_ORG_STATUSES
    assert set(entries.STATUS.values()) <= ICALENDAR_STATUSES


def test_model_facts_of_a_conclave_status():
    assert {s for s in ConclaveStatus if s.after_the_event} == {"held", "unreported"}
    assert {s for s in ConclaveStatus if s.changes_plans} == {
        "postponed", "rescheduled", "cancelled", "moved-online"}


@pytest.fixture(scope="module")
def bundled():
    return load_site(ROOT, TODAY)[0]


@pytest.mark.parametrize("status", list(ConclaveStatus))
@pytest.mark.parametrize("lang", ["hi", "en"])
def test_feed_headline_names_a_change_of_plan(bundled, status, lang):
    conclave = replace(bundled.conclaves[0], status=status)
    title = feeds.conclave_entry(conclave, lang, RenderConfig()).title
    label = Gettext(lang)(labels.CONCLAVE_STATUS[status])
    expected = f"{conclave.title(lang)} ({label})" if status.changes_plans else None
    assert title == (expected or conclave.title(lang))


# every value in use at once -------------------------------------------------------------

BUILD_DAY = dt.date(2026, 1, 1)  # the day conftest.BUILD_EPOCH falls on, in IST


def test_a_site_using_every_choice_builds(project, tmp_path):
    speakers = sorted(p.stem for p in (project / "data/speakers").glob("*.yaml"))
    for i, status in enumerate(ConclaveStatus):
        _add_conclave(project, status, list(Attendance)[i % len(Attendance)], speakers)
    edit(project, f"data/speakers/{speakers[0]}.yaml", "status: confirmed",
         "status: tentative")

    used = _used(load_site(project, BUILD_DAY)[0])
    assert used == {choice: set(choice) for choice in used}
    output = tmp_path / "output"
    assert build_into(output, root=project) == 0
    for lang in ("hi", "en"):
        for status in ConclaveStatus:
            page = output / urls.conclave(lang, f"every-choice-{status}") / "index.html"
            assert f"status-{status}" in page.read_text(encoding="utf-8")


def _add_conclave(project: Path, status: ConclaveStatus, attendance: Attendance,
                  speakers: list[str]) -> None:
    """A copy of the Jamshedpur conclave with this status and every session kind and role."""
    slug = f"every-choice-{status.value}"
    data = yaml.safe_load((project / JAMSHEDPUR).read_text(encoding="utf-8"))
    # after the build day for a plan, before it for a report, so the status checks agree
    start = BUILD_DAY + dt.timedelta(days=-30 if status.after_the_event else 30)
    end = start + dt.timedelta(days=1)
    data.update(status=status.value, attendance=attendance.value, start=start.isoformat(),
                end=end.isoformat(), sessions=_sessions(start, speakers))
    data["organizers"][0]["roles"] = [role.value for role in OrganizingRole]
    data["participants"][0]["status"] = Participation.CONFIRMED.value
    if status == ConclaveStatus.RESCHEDULED:
        data["previous_start"] = (start - dt.timedelta(days=7)).isoformat()
    data["people"] = [{"speaker": speakers[i % len(speakers)], "part": part.value}
                      for i, part in enumerate(PersonPart)]
    data["dates_inferred"] = [value.value for value in DateInference]
    (project / f"data/conclaves/{slug}.yaml").write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    for lang in ("hi", "en"):
        source = project / f"content/conclaves/{Path(JAMSHEDPUR).stem}.{lang}.md"
        (project / f"content/conclaves/{slug}.{lang}.md").write_bytes(source.read_bytes())


def _sessions(day: dt.date, speakers: list[str]) -> list[dict]:
    """One session of each kind, the first half timed on the first day, the rest untimed on
    the second, speakers in every role and one session cancelled."""
    roles, statuses = list(SpeakerRole), list(SessionStatus)
    found = []
    for i, kind in enumerate(SessionKind):
        session = {"id": f"session-{i}", "title": {"hi": f"सत्र {i}", "en": f"Session {i}"},
                   "kind": kind.value, "status": statuses[i % len(statuses)].value,
                   "speakers": [{"speaker": speakers[i % len(speakers)],
                                 "role": roles[i % len(roles)].value}]}
        if i < len(SessionKind) // 2:
            session.update(date=day.isoformat(), start=f"{9 + i:02d}:00",
                           end=f"{9 + i:02d}:45")
        else:
            session["date"] = (day + dt.timedelta(days=1)).isoformat()
        found.append(session)
    return found


def _used(site) -> dict[type[StrEnum], set]:
    """Each choice with a mapping, and the values of it the site uses."""
    sessions = [s for c in site.conclaves for s in c.sessions]
    return {
        ConclaveStatus: {c.status for c in site.conclaves},
        Attendance: {c.attendance for c in site.conclaves},
        OrganizingRole: {r for c in site.conclaves for o in c.organizers for r in o.roles},
        Participation: {s.status for s in site.speakers}
        | {p.status for c in site.conclaves for p in c.participants},
        SessionKind: {s.kind for s in sessions},
        SessionStatus: {s.status for s in sessions},
        SpeakerRole: {e.role for s in sessions for e in s.speakers},
        PersonPart: {p.part for c in site.conclaves for p in c.people},
        DateInference: {d for c in site.conclaves for d in c.dates_inferred},
    }

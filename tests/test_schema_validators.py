"""The fast validator (fastjsonschema) decides alone only what it accepts: it must never
accept a document that jsonschema, the validator whose messages organizers read, refuses."""

from __future__ import annotations

import copy
import json

import yaml
from conftest import SEEDED
from fuzzing import TREE_VALUES, YAML_SOURCES, _paths
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sammelan.checks import schema

KINDS = {"conclaves": "conclave", "speakers": "speaker", "schemes": "scheme", "venues": "venue",
         "organizations": "organization", "news": "news"}
DOCUMENTS = {relative: yaml.safe_load((SEEDED / relative).read_text(encoding="utf-8"))
             for relative in YAML_SOURCES if relative.split("/")[1] in KINDS}


def kind_of(relative: str) -> str:
    return KINDS[relative.split("/")[1]]


def full_verdict(kind: str, data: object) -> bool:
    return not any(schema.validator(kind).iter_errors(data))


def test_both_accept_every_seeded_document():
    assert DOCUMENTS
    for relative, data in DOCUMENTS.items():
        assert schema.accepts(kind_of(relative), data), relative
        assert full_verdict(kind_of(relative), data), relative


@st.composite
def mutated(draw) -> tuple[str, object]:
    relative = draw(st.sampled_from(sorted(DOCUMENTS)))
    data = copy.deepcopy(DOCUMENTS[relative])
    for _ in range(draw(st.integers(1, 3))):
        paths = list(_paths(data))
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for key in path[:-1]:
            parent = parent[key]
        how = draw(st.sampled_from(["replace", "remove", "add"]))
        value = draw(TREE_VALUES)
        if how == "replace":
            parent[path[-1]] = value
        elif how == "remove":
            del parent[path[-1]]
        elif isinstance(parent, dict):
            parent[draw(st.sampled_from(["unknown_field", "hi", "en", "id", "title"]))] = value
        else:
            parent.append(value)
    return kind_of(relative), data


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_the_fast_validator_never_accepts_what_jsonschema_refuses(case):
    kind, data = case
    before = copy.deepcopy(data)
    if schema.accepts(kind, data):
        assert full_verdict(kind, data)
    assert data == before  # validation never changes the document (no defaults written)


def test_the_fast_validator_refuses_what_matters():
    """It is a real validator, not a stub that says yes: each of these it refuses."""
    jhansi = copy.deepcopy(DOCUMENTS["data/conclaves/msme-for-bharat-jhansi-2025.yaml"])
    broken = [("status", "maybe"), ("start", 20250919), ("venue", ""), ("sessions", "x"),
              ("unknown_field", 1)]
    for field, value in broken:
        data = copy.deepcopy(jhansi)
        data[field] = value
        assert not schema.accepts("conclave", data), field
        assert not full_verdict("conclave", data), field
    data = copy.deepcopy(jhansi)
    del data["sessions"][0]["title"]["en"]
    assert not schema.accepts("conclave", data)


def test_validating_leaves_the_schemas_as_written():
    """The scaffold and the field reference read the same schemas: compiling the fast
    validator must not rewrite them (it resolves `$ref`s in what it is given)."""
    for kind in sorted(set(KINDS.values()) | {"site"}):
        schema.accepts(kind, {})
        for name in (f"{kind}.schema.json", "defs.schema.json"):
            written = json.loads((schema.SCHEMA_DIR / name).read_text(encoding="utf-8"))
            assert schema.contents(name) == written, name

"""Checks each YAML document against its JSON Schema in `schemas/`.

The schema files are the one statement of the data format: editors read them
for completion, the guide documents them, and this module turns their
verdicts into fix-it problems with a location.
"""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from pathlib import Path

import jsonschema
from referencing import Registry, Resource

from sammelan.checks import unsafe
from sammelan.errors import Problem
from sammelan.sources.yamldoc import Document

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schemas"
BASE_URI = "https://sammelan.example/schemas/"


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(SCHEMA_DIR.glob("*.schema.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((BASE_URI + path.name, Resource.from_contents(contents)))
    return Registry().with_resources(resources)


def contents(name: str) -> dict:
    """A schema file's JSON, e.g. `contents("conclave.schema.json")` (parsed once)."""
    return _registry().contents(BASE_URI + name)


def is_slug(text: str) -> bool:
    """Whether `text` is a slug as defs.schema.json defines one (file names are slugs too)."""
    return re.fullmatch(contents("defs.schema.json")["$defs"]["slug"]["pattern"], text) is not None


@cache
def validator(kind: str) -> jsonschema.protocols.Validator:
    return jsonschema.Draft202012Validator(contents(f"{kind}.schema.json"),
                                           registry=_registry())


def check(doc: Document, kind: str) -> list[Problem]:
    """Problems of one document, one per wrong value, in file order."""
    if not isinstance(doc.data, dict):
        return [Problem(doc.where(()), f"the file must hold the fields of a {kind}",
                        f"start from `invoke new {kind} <slug>`")]
    errors = sorted(validator(kind).iter_errors(doc.data), key=lambda e: list(map(str, e.path)))
    problems = {}
    for error in errors:
        problem = _problem(doc, error)
        problems.setdefault((problem.location, problem.field), problem)
    return list(problems.values())


def _problem(doc: Document, error) -> Problem:
    path = tuple(error.absolute_path)
    message, fix, at = _explain(error, path)
    # name the field the organizer must touch: the missing or unknown one, not its parent
    named = at + (_missing_name(error),) if error.validator == "required" else at
    return Problem(doc.where(at), message, fix, ".".join(str(p) for p in named) or "(top)")


def _missing_name(error) -> str:
    return error.message.split("'")[1]


def _explain(error, path: tuple) -> tuple[str, str, tuple]:
    kind = error.validator
    schema = error.schema
    if kind == "required":
        name = _missing_name(error)
        return (f"`{name}` is missing", f"add `{name}:` — {_describe(error, name)}", path)
    if kind == "additionalProperties":
        return _unknown_field(error, path)
    if kind == "enum":
        choices = ", ".join(str(c) for c in schema["enum"])
        near = _near(error.instance, [str(c) for c in schema["enum"]])
        return (f"`{error.instance}` is not one of the choices",
                f"{near}use one of: {choices}", path)
    if kind == "type":
        wanted = schema["type"]
        return (f"expected {_TYPE_WORDS.get(wanted, wanted)}, found {_shown(error.instance)}",
                _TYPE_FIX.get(wanted) or schema.get("description", ""), path)
    if kind == "pattern" and unsafe.unsafe_scheme(str(error.instance)):
        scheme = unsafe.unsafe_scheme(str(error.instance))
        return (f"the link `{error.instance}` uses `{scheme}:`, which the site does not allow",
                "link only to http://, https://, mailto: or tel: addresses", path)
    if kind == "pattern":
        return (f"`{error.instance}` is not in the right form",
                _parent_description(error) or f"match {schema['pattern']}", path)
    if kind in ("minLength", "minItems"):
        return ("is empty", "fill it in or remove the field", path)
    if kind in ("minimum", "maximum"):
        return (f"{error.instance} is out of range", error.message, path)
    return (error.message, _parent_description(error), path)


def _unknown_field(error, path: tuple) -> tuple[str, str, tuple]:
    allowed = sorted(error.schema.get("properties", {}))
    extra = sorted(set(error.instance) - set(allowed))
    name = extra[0]
    near = _near(name, allowed)
    fix = f"{near}remove it, or use one of: {', '.join(allowed)}"
    return (f"unknown field `{name}`", fix, path + (name,))


def _near(word: object, choices: list[str]) -> str:
    match = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return f"did you mean `{match[0]}`? " if match else ""


def _describe(error, name: str) -> str:
    properties = error.schema.get("properties", {})
    return properties.get(name, {}).get("description", "see the guide")


def _parent_description(error) -> str:
    return error.schema.get("description", "")


def _shown(value: object) -> str:
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    return f"`{value}`"


_TYPE_WORDS = {"object": "fields (name: value)", "array": "a list (lines starting with -)",
               "string": "text", "number": "a number", "integer": "a whole number"}
_TYPE_FIX = {"object": "write the fields on their own lines, indented under this name, "
                       "e.g. `hi: …` and `en: …`",
             "array": "write each item on its own line starting with `- `",
             "string": "put the value in quotes"}

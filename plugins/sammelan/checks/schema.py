"""Checks each YAML document against its JSON Schema in `schemas/`.

The schema files are the one statement of the data format: editors read them
for completion, the guide documents them, and this module turns their
verdicts into fix-it problems with a location.
"""

from __future__ import annotations

import copy
import difflib
import json
import re
from functools import cache
from pathlib import Path

import fastjsonschema

from sammelan.checks import unsafe
from sammelan.errors import Problem
from sammelan.i18n.catalog import N_
from sammelan.i18n.messages import Text, msg
from sammelan.sources.yamldoc import Document

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schemas"
BASE_URI = "https://sammelan.example/schemas/"


@cache
def _schemas() -> dict[str, dict]:
    return {BASE_URI + path.name: json.loads(path.read_text(encoding="utf-8"))
            for path in sorted(SCHEMA_DIR.glob("*.schema.json"))}


def contents(name: str) -> dict:
    """A schema file's JSON, e.g. `contents("conclave.schema.json")` (parsed once)."""
    return _schemas()[BASE_URI + name]


def is_slug(text: str) -> bool:
    """Whether `text` is a slug as defs.schema.json defines one (file names are slugs too)."""
    return re.fullmatch(contents("defs.schema.json")["$defs"]["slug"]["pattern"], text) is not None


@cache
def validator(kind: str):
    # imported here: a build whose documents are all valid never needs jsonschema, and
    # importing it (with referencing) costs a tenth of a second of every build
    import jsonschema
    from referencing import Registry, Resource

    registry = Registry().with_resources(
        (uri, Resource.from_contents(found)) for uri, found in _schemas().items())
    return jsonschema.Draft202012Validator(contents(f"{kind}.schema.json"), registry=registry)


def accepts(kind: str, data: object) -> bool:
    """Whether a document is valid, by fastjsonschema's compiled validator: six times faster
    than jsonschema, which then reads only the documents that are not, for its messages.
    The schemas use only keywords both read alike (tests/test_schema_validators.py
    compares their verdicts on mutated documents)."""
    try:
        _compiled(kind)(data)
    except fastjsonschema.JsonSchemaException:
        return False
    return True


@cache
def _compiled(kind: str):
    # Copies: fastjsonschema rewrites the `$ref`s of what it is given, and the scaffold and
    # the field reference read these schemas too. use_default=False: it would otherwise write
    # schema defaults into the data.
    return fastjsonschema.compile(
        copy.deepcopy(contents(f"{kind}.schema.json")), use_default=False,
        handlers={"https": lambda uri: copy.deepcopy(_schemas()[uri])})


def check(doc: Document, kind: str) -> list[Problem]:
    """Problems of one document, one per wrong value, in file order."""
    if not isinstance(doc.data, dict):
        if kind == "site":  # one file, no slug
            fix = msg("start from `invoke new-site`")
        else:
            fix = msg("start from `invoke new %(kind)s <slug>`", kind=kind)
        return [Problem(doc.where(()), msg("the file must hold the fields of a %(kind)s",
                                           kind=kind), fix)]
    if accepts(kind, doc.data):
        return []
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


def _explain(error, path: tuple) -> tuple[Text, Text | str, tuple]:
    kind = error.validator
    schema = error.schema
    if kind == "required":
        name = _missing_name(error)
        return (msg("`%(name)s` is missing", name=name),
                msg("add `%(name)s:` — %(what)s", name=name, what=_describe(error, name)), path)
    if kind == "additionalProperties":
        return _unknown_field(error, path)
    if kind == "enum":
        choices = ", ".join(str(c) for c in schema["enum"])
        near = _near(error.instance, [str(c) for c in schema["enum"]])
        return (msg("`%(value)s` is not one of the choices", value=error.instance),
                msg("%(near)suse one of: %(choices)s", near=near, choices=choices), path)
    if kind == "type":
        wanted = schema["type"]
        fix = _type_fix(wanted, error.instance, path) or _description(schema)
        return (msg("expected %(wanted)s, found %(found)s", wanted=_TYPE_WORDS.get(wanted, wanted),
                    found=_shown(error.instance)), fix, path)
    if kind == "pattern" and unsafe.unsafe_scheme(str(error.instance)):
        scheme = unsafe.unsafe_scheme(str(error.instance))
        return (unsafe.scheme_refused(str(error.instance), scheme), unsafe.SCHEME_FIX, path)
    if kind == "pattern":
        return (msg("`%(value)s` is not in the right form", value=error.instance),
                _description(schema) or msg("match %(pattern)s", pattern=schema["pattern"]),
                path)
    if kind in ("minLength", "minItems", "minProperties"):
        return (msg("is empty"), msg("fill it in or remove the field"), path)
    if kind in ("minimum", "maximum"):
        return (msg("%(value)s is out of range", value=error.instance), _range(schema), path)
    return (msg("%(problem)s", problem=error.message), _description(schema), path)


def _unknown_field(error, path: tuple) -> tuple[Text, Text, tuple]:
    allowed = sorted(error.schema.get("properties", {}))
    extra = sorted(set(error.instance) - set(allowed))
    name = extra[0]
    near = _near(name, allowed)
    fix = msg("%(near)sremove it, or use one of: %(allowed)s", near=near,
              allowed=", ".join(allowed))
    return (msg("unknown field `%(name)s`", name=name), fix, path + (name,))


def _near(word: object, choices: list[str]) -> Text | str:
    match = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return msg("did you mean `%(match)s`? ", match=match[0]) if match else ""


def _describe(error, name: str) -> Text:
    properties = error.schema.get("properties", {})
    return _description(properties.get(name, {})) or msg("see the guide")


def _description(schema: dict) -> Text | str:
    """A field's description from its schema: English there, translated by the catalog
    (`invoke i18n-extract` collects the schemas' descriptions)."""
    description = schema.get("description", "")
    return msg(description) if description else ""


def _range(schema: dict) -> Text:
    low, high = schema.get("minimum"), schema.get("maximum")
    if low is not None and high is not None:
        return msg("use a number from %(low)s to %(high)s", low=low, high=high)
    if low is not None:
        return msg("use a number of at least %(low)s", low=low)
    return msg("use a number of at most %(high)s", high=high)


def _shown(value: object) -> Text:
    if isinstance(value, dict):
        return msg("a group of fields")
    if isinstance(value, list):
        return msg("a list")
    if value is None or value == "":
        return msg("nothing")
    return msg("`%(value)s`", value=value)


def _type_fix(wanted: str, found: object, path: tuple) -> Text | None:
    if wanted == "string" and (found is None or found == "") and path:
        # `en:` with nothing after it: quotes would not help, the text is missing
        return msg("write the text after `%(name)s:`", name=path[-1])
    fix = _TYPE_FIX.get(wanted)
    return msg(fix) if fix else None


_TYPE_WORDS = {"object": msg("fields (name: value)"),
               "array": msg("a list (lines starting with -)"),
               "string": msg("text"), "number": msg("a number"),
               "integer": msg("a whole number")}
_TYPE_FIX = {"object": N_("write the fields on their own lines, indented under this name, "
                          "e.g. `hi: …` and `en: …`"),
             "array": N_("write each item on its own line starting with `- `"),
             "string": N_("put the value in quotes")}

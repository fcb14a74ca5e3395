"""`invoke new <kind> <slug>`: a new source file with every field present and explained;
`invoke new-site`: the site's settings (data/site.yaml).

The comments come from the JSON Schema descriptions, so the schema stays the one
statement of the format. Required fields get a TODO placeholder that the loader
refuses (see placeholders.py), except where a default is sensible (the site's name);
optional fields are written commented out, ready to be switched on by deleting the
`# ` in front.
"""

from __future__ import annotations

import os
import textwrap
from dataclasses import dataclass
from pathlib import Path

from sammelan.checks.placeholders import MARKER
from sammelan.checks.schema import contents as load_schema
from sammelan.checks.schema import is_slug
from sammelan.errors import Location
from sammelan.i18n.messages import msg
from sammelan.model.entities import DEFAULT_SETTINGS, Text
from sammelan.model.loader import FOLDERS, SETTINGS
from sammelan.sources.files import name_problem

KINDS = ("conclave", "speaker", "scheme", "venue", "organization", "news")
SITE = "site"  # data/site.yaml: one file, no slug (`invoke new-site`)
# Values written in place of a TODO: a site without a name of its own keeps the default.
PRESETS: dict[str, dict[str, Text]] = {SITE: {"name": DEFAULT_SETTINGS.name}}
PROSE = {  # what each kind's Markdown holds, per language; an organization has no prose
    "conclave": ("सम्मेलन का परिचय: क्या, किसके लिए, क्यों।", "About the conclave: what, for whom, why."),
    "speaker": ("वक्ता का परिचय (वैकल्पिक; न हो तो यह फ़ाइल हटा दें)।",
                "The speaker's bio (optional; delete this file if there is none)."),
    "scheme": ("योजना क्या देती है और कौन आवेदन कर सकता है।",
               "What the scheme offers and who can apply."),
    "venue": ("वहाँ कैसे पहुँचें (वैकल्पिक; न हो तो यह फ़ाइल हटा दें)।",
              "How to get there (optional; delete this file if there is none)."),
    "news": ("समाचार का पूरा पाठ: क्या हुआ, कब और कहाँ।",
             "The report itself: what happened, when and where."),
}


class ScaffoldError(Exception):
    """The scaffold cannot be written; the message says why and what to do."""


@dataclass(frozen=True)
class _Field:
    name: str
    schema: dict
    required: bool


def write(root: Path, kind: str, slug: str) -> list[Path]:
    """Write the new files and return them; refuse if any of them exists."""
    return _write(root, planned(root, kind, slug))


def write_site(root: Path) -> list[Path]:
    """Write data/site.yaml, the site's settings, unless the site has them already."""
    for name in (f"{SETTINGS}.yaml", f"{SETTINGS}.yml"):
        if os.path.lexists(root / name):
            raise ScaffoldError(msg("%(file)s already exists; nothing was written — edit "
                                    "that file", file=name))
    return _write(root, {root / f"{SETTINGS}.yaml": yaml_text(SITE)})


def _write(root: Path, files: dict[Path, str]) -> list[Path]:
    existing = [p for p in files if os.path.lexists(p)]  # a dangling link counts too
    if existing:
        raise ScaffoldError(msg("%(file)s already exists; nothing was written — choose another "
                                "slug or edit that file", file=str(existing[0].relative_to(root))))
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:  # never through a link made meanwhile
            handle.write(text)
    return list(files)


def planned(root: Path, kind: str, slug: str) -> dict[Path, str]:
    if kind == SITE:
        raise ScaffoldError(msg("the site's settings have no slug: run `invoke new-site`"))
    if kind not in KINDS:
        raise ScaffoldError(msg("`%(kind)s` is not a kind; use one of: %(kinds)s", kind=kind,
                                kinds=", ".join(KINDS)))
    if not is_slug(slug):
        raise ScaffoldError(msg("`%(slug)s` is not a valid slug; use a-z, 0-9 and hyphens, "
                                "e.g. msme-conclave-ranchi-2026", slug=slug))
    unusable = name_problem(slug, Location(slug))  # reserved on Windows, or too long
    if unusable:
        raise ScaffoldError(msg("%(problem)s; choose another slug", problem=unusable.message))
    folder = FOLDERS[kind]
    files = {root / "data" / folder / f"{slug}.yaml": yaml_text(kind)}
    if kind in PROSE:
        for lang, line in zip(("hi", "en"), PROSE[kind], strict=True):
            files[root / "content" / folder / f"{slug}.{lang}.md"] = f"{MARKER}: {line}\n"
    return files


def yaml_text(kind: str) -> str:
    schema = load_schema(f"{kind}.schema.json")
    up = "../" if kind == SITE else "../../"  # data/site.yaml, data/<folder>/<slug>.yaml
    preset = PRESETS.get(kind, {})
    lines = [f"# yaml-language-server: $schema={up}schemas/{kind}.schema.json",
             f"# {schema['title']}", f"# {schema['description']}",
             f"# Replace every {MARKER}. Lines starting with `# name:` are optional fields:",
             "# delete the `# ` in front to use one. `invoke check` says what is still wrong.",
             ""]
    for field in fields(schema):
        lines += _preset_lines(field, preset[field.name]) if field.name in preset \
            else _field_lines(field, 0)
    return "\n".join(lines) + "\n"


def _preset_lines(field: _Field, value: Text) -> list[str]:
    """A field of both languages written with its default values."""
    lines = [f"# {line}" for text in explanation(field.schema) for line in textwrap.wrap(text, 96)]
    return lines + [f"{field.name}:", f"  hi: {value.hi}", f"  en: {value.en}"]


def fields(schema: dict) -> list[_Field]:
    required = set(schema.get("required", ()))
    return [_Field(name, sub, name in required)
            for name, sub in schema.get("properties", {}).items()]


def _field_lines(field: _Field, indent: int) -> list[str]:
    pad = " " * indent
    lines = [f"{pad}# {line}" for text in explanation(field.schema)
             for line in textwrap.wrap(text, 96 - indent)]
    body = _value_lines(field.name, field.schema, indent)
    if not field.required:
        body = [_commented(line, indent) for line in body]
    return lines + body


def _commented(line: str, indent: int) -> str:
    if line.lstrip().startswith("#"):
        return line  # an explanation stays as it is
    return line[:indent] + "# " + line[indent:]


def explanation(schema: dict) -> list[str]:
    parts = [schema.get("description", "")]
    target = target_of(schema)
    if target is not schema and target.get("description"):
        parts.append(target["description"])
    if "enum" in target:
        parts.append("Choices: " + ", ".join(map(str, target["enum"])) + ".")
    text = " ".join(p for p in parts if p)
    return [text] if text else []


def _value_lines(name: str, schema: dict, indent: int) -> list[str]:
    pad = " " * indent
    target = target_of(schema)
    if target.get("type") == "object" and set(target.get("properties", {})) == {"hi", "en"}:
        return [f"{pad}{name}:", f"{pad}  hi: {MARKER} हिन्दी में", f"{pad}  en: {MARKER} in English"]
    if target.get("type") == "object":
        lines = [f"{pad}{name}:"]
        for field in fields(target):
            lines += _field_lines(field, indent + 2)
        return lines
    if target.get("type") == "array":
        return [f"{pad}{name}:"] + _item_lines(target.get("items", {}), indent + 2)
    return [f"{pad}{name}: {_scalar(target)}"]


def _item_lines(items: dict, indent: int) -> list[str]:
    """One example item of a list, written `- …` at `indent`."""
    target = target_of(items)
    if target.get("type") == "object":
        lines = _value_lines("item", target, indent)[1:]  # the item's fields, one level in
        first = next(i for i, line in enumerate(lines) if not line.lstrip().startswith("#"))
        lines[first] = " " * indent + "- " + lines[first][indent + 2:]
        return lines
    return [f"{' ' * indent}- {_scalar(target)}"]


def _scalar(target: dict) -> str:
    description = target.get("description", "")
    if "YYYY-MM-DD" in description:
        return f'"{MARKER} YYYY-MM-DD"'
    if "HH:MM" in description:
        return f'"{MARKER} HH:MM"'
    if target.get("type") in ("number", "integer"):
        return "0"
    return MARKER


def target_of(schema: dict) -> dict:
    """The schema itself, or the shared definition it refers to (`defs.schema.json#/$defs/…`)."""
    ref = schema.get("$ref")
    if not ref:
        return schema
    file, _, pointer = ref.partition("#")
    found = load_schema(file)
    for part in pointer.strip("/").split("/"):
        found = found[part]
    return found


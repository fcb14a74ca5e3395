"""The field-by-field reference of the guide, generated from the JSON Schemas so that the
guide can never describe a format other than the one the loader checks."""

from __future__ import annotations

from sammelan.tools.scaffold import KINDS, SITE, explanation, fields, load_schema, target_of

HEADER = ("<!-- Generated from schemas/*.schema.json by `invoke docs`; do not edit by hand. -->\n"
          "\n# Field reference · फ़ील्ड संदर्भ\n\n"
          "Every field of every data file. *Required* fields must be present; the others may be\n"
          "left out. A dotted name such as `sessions[].date` is a field inside each item of a "
          "list.\n\n"
          "हर डेटा फ़ाइल का हर फ़ील्ड। *ज़रूरी* फ़ील्ड होने ही चाहिए; बाकी छोड़े जा सकते हैं।\n")


def markdown() -> str:
    return HEADER + "".join(_kind(kind) for kind in (*KINDS, SITE))


def _kind(kind: str) -> str:
    schema = load_schema(f"{kind}.schema.json")
    rows = ["", f"## {schema['title']}", "", schema["description"], "",
            "| field | required · ज़रूरी | what it holds |", "| --- | --- | --- |"]
    rows += _rows(schema, "")
    return "\n".join(rows) + "\n"


def _rows(schema: dict, prefix: str) -> list[str]:
    rows = []
    for field in fields(schema):
        name = f"{prefix}{field.name}"
        text = " ".join(explanation(field.schema)).replace("|", "\\|")
        rows.append(f"| `{name}` | {'yes · हाँ' if field.required else ''} | {text} |")
        target = target_of(field.schema)
        items = target_of(target.get("items", {})) if target.get("type") == "array" else None
        if items and items.get("type") == "object":
            rows += _rows(items, f"{name}[].")
        elif target.get("type") == "object" and set(target.get("properties", {})) != {"hi", "en"}:
            rows += _rows(target, f"{name}.")
    return rows

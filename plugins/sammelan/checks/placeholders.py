"""The TODO placeholders that `invoke new` writes must be replaced before anything is built."""

from __future__ import annotations

from sammelan.errors import Location, Problem
from sammelan.i18n.messages import msg
from sammelan.sources.yamldoc import Document

MARKER = "TODO"
FIX = msg("replace it with the real value (the comment above the field says what goes there)")


def check(doc: Document, schema_problems: list[Problem]) -> list[Problem]:
    """Placeholder problems, plus the schema's problems that are not about a placeholder
    (a placeholder date is also "not a date"; saying it twice would only confuse)."""
    found = [Problem(doc.where(path), msg("`%(value)s` is a placeholder", value=value), FIX,
                     ".".join(map(str, path)))
             for path, value in doc.values()
             if isinstance(value, str) and MARKER in value]
    taken = {p.location for p in found}
    return found + [p for p in schema_problems if p.location not in taken]


def in_text(text: str, file: str) -> list[Problem]:
    return [Problem(Location(file, number, line.index(MARKER) + 1),
                    msg("the text still holds the placeholder %(marker)s", marker=MARKER),
                    msg("write the real text in its place"), "text")
            for number, line in enumerate(text.splitlines(), start=1) if MARKER in line]


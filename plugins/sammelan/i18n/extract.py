"""What `invoke i18n-extract` (and the tests' catalog check) collect into messages.pot:
interface strings of the templates, messages of the code (`_`, `N_`, `msg`) and the
descriptions of the schemas, which become the fixes of the organizer's errors."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

KEYWORDS = ("msg",)  # besides Babel's own (_, N_, gettext…)


def command(root: Path, target: Path) -> list[str]:
    """pybabel's command line for one extraction of the project at `root` into `target`."""
    keywords = [argument for keyword in KEYWORDS for argument in ("-k", keyword)]
    return ["pybabel", "-q", "extract", "-F", str(root / "babel.cfg"), *keywords,
            "--no-location", "--sort-output", "--omit-header", "-o", str(target), str(root)]


def schema_descriptions(fileobj, keywords, comment_tags, options
                        ) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extraction method for `schemas/*.schema.json`: every `description`."""
    for description in sorted(set(_descriptions(json.load(fileobj)))):
        yield 0, "", description, []


def _descriptions(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "description" and isinstance(value, str):
                yield value
            else:
                yield from _descriptions(value)
    elif isinstance(node, list):
        for item in node:
            yield from _descriptions(item)

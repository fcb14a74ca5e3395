"""Each language's text in its own script: an `en:` written in Devanagari is Hindi typed into
the English field (or pasted twice), and English pages would show it as it is."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sammelan.errors import Problem
from sammelan.i18n.messages import msg
from sammelan.sources.yamldoc import Document

DEVANAGARI = re.compile("[\u0900-\u097f]")


def pairs(doc: Document) -> Iterator[tuple[tuple, dict[str, str]]]:
    """Every `{hi: …, en: …}` text of a document, with its path, in file order. Found by
    the positions the reader recorded, not by walking the document again: the placeholder
    check walks it already, and this runs for every file of every build."""
    positions = doc.positions
    for path in positions:
        if path and path[-1] == "en" and path[:-1] + ("hi",) in positions:
            value = doc.at(path[:-1])
            if (isinstance(value, dict) and set(value) == {"hi", "en"}
                    and all(isinstance(v, str) for v in value.values())):
                yield path[:-1], value


def check(doc: Document) -> list[Problem]:
    return [Problem(doc.where(at + ("en",)),
                    msg("the English text `%(text)s` is written in Devanagari", text=pair["en"]),
                    msg("write it in English (Latin letters); the Hindi goes in `hi:`"),
                    ".".join(map(str, at + ("en",))), warning=True)
            for at, pair in pairs(doc) if DEVANAGARI.search(pair["en"])]

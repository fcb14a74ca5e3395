"""`invoke translations`: everything that exists in one language but not the other.

Three kinds of gap: interface strings without a Hindi msgstr (or still fuzzy),
prose files present in one language only, and `{hi, en}` texts whose Hindi is
a copy of the English or holds no Devanagari at all (most often pasted and not
yet translated). The build already refuses a missing `hi:` or `en:`; this lists
what it lets through.
"""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

from sammelan.errors import Location, Problem
from sammelan.i18n.catalog import catalog_path
from sammelan.model.entities import LANGUAGES
from sammelan.model.loader import FOLDERS
from sammelan.sources import yamldoc

DEVANAGARI = re.compile("[\u0900-\u097f]")
NAMES = {"hi": "Hindi", "en": "English"}


def gaps(root: Path, pot: Path) -> list[Problem]:
    return sorted(interface_gaps(root, pot) + prose_gaps(root) + text_gaps(root))


def interface_gaps(root: Path, pot: Path) -> list[Problem]:
    found = []
    template = _catalog(pot, "en")
    for lang in LANGUAGES:
        path = catalog_path(lang)
        if not path.exists():
            continue
        translated = _catalog(path, lang)
        shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
        for message in template:
            if not message.id:
                continue
            have = translated.get(message.id)
            if have is None or not have.string or have.fuzzy:
                line = have.lineno if have is not None else 0
                found.append(Problem(Location(shown, line), f"no {NAMES[lang]} for "
                                     f"\"{message.id}\"", "write it in msgstr (and remove "
                                     "any `#, fuzzy` line)", "msgstr", warning=True))
    return found


def prose_gaps(root: Path) -> list[Problem]:
    found = []
    for folder in sorted({FOLDERS[k] for k in FOLDERS}):
        base = root / "content" / folder
        slugs = sorted({p.name.split(".")[0] for p in base.glob("*.md")}) if base.exists() else []
        for slug in slugs:
            for lang in LANGUAGES:
                path = base / f"{slug}.{lang}.md"
                if not path.exists() or not path.read_text(encoding="utf-8").strip():
                    shown = path.relative_to(root).as_posix()
                    found.append(Problem(Location(shown), f"the {NAMES[lang]} text is missing",
                                         f"translate it into {shown}", "text", warning=True))
    return found


def text_gaps(root: Path) -> list[Problem]:
    found = []
    for path in sorted((root / "data").rglob("*.yaml")):
        doc, problems = yamldoc.read(path, path.relative_to(root).as_posix())
        if doc is None:
            continue
        for at, pair in filter(_is_pair, doc.values()):
            hi = pair["hi"]
            if hi == pair["en"] or not DEVANAGARI.search(hi):
                found.append(Problem(doc.where(at + ("hi",)), f"the Hindi `{hi}` looks "
                                     "untranslated", "write it in Hindi (Devanagari)",
                                     ".".join(map(str, at + ("hi",))), warning=True))
    return found


def report(problems: list[Problem]) -> str:
    if not problems:
        return "Nothing is missing in either language."
    lines = [p.render() for p in problems]
    return "\n".join(lines + [f"{len(problems)} missing or untranslated"])


def _is_pair(found: tuple) -> bool:
    """A `{hi: …, en: …}` text."""
    _, value = found
    return (isinstance(value, dict) and set(value) == {"hi", "en"}
            and all(isinstance(v, str) for v in value.values()))


def _catalog(path: Path, lang: str):
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)

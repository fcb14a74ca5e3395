"""`invoke translations`: everything that exists in one language but not the other.

Three kinds of gap: interface strings without a Hindi msgstr (or still fuzzy),
prose files present in one language only, and `{hi, en}` texts whose Hindi is
a copy of the English or holds no Devanagari at all (most often pasted and not
yet translated). The build already refuses a missing `hi:` or `en:`; this lists
what it lets through.
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

from sammelan.checks import scripts
from sammelan.errors import Location, Problem
from sammelan.i18n import messages
from sammelan.i18n.catalog import catalog_path
from sammelan.i18n.messages import msg
from sammelan.model.entities import LANGUAGES
from sammelan.model.loader import FOLDERS
from sammelan.sources import files, prose, yamldoc


def gaps(root: Path, pot: Path) -> list[Problem]:
    # the files as the build sees them: links, pipes and the like are named, never read
    survey = files.survey(root)
    return sorted([*survey.problems, *interface_gaps(root, pot), *prose_gaps(root, survey),
                   *text_gaps(root, survey)])


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
                found.append(Problem(Location(shown, line), _NO_TRANSLATION[lang](message.id),
                                     msg("write it in msgstr (and remove any `#, fuzzy` line)"),
                                     "msgstr", warning=True))
    return found


def prose_gaps(root: Path, survey: files.Survey) -> list[Problem]:
    found, present = [], set(survey.files)
    for folder in sorted({FOLDERS[k] for k in FOLDERS}):
        base = f"content/{folder}"
        slugs = sorted({Path(p).name.split(".")[0] for p in survey.files
                        if p.startswith(f"{base}/") and p.endswith(".md") and p.count("/") == 2})
        for slug in slugs:
            for lang in LANGUAGES:
                shown = f"{base}/{slug}.{lang}.md"
                if survey.blocks(shown):
                    continue  # named by the survey
                text = (files.read_text(root / shown, shown, prose.MAX_BYTES)[0]
                        if shown in present else None)
                if not (text or "").strip():
                    found.append(Problem(Location(shown), prose.MISSING[lang],
                                         msg("translate it into %(file)s", file=shown), "text",
                                         warning=True))
    return found


def text_gaps(root: Path, survey: files.Survey) -> list[Problem]:
    found = []
    for shown in survey.files:
        if not (shown.startswith("data/") and shown.endswith(".yaml")):
            continue
        doc, problems = yamldoc.read(root / shown, shown)
        if doc is None:
            continue
        for at, pair in scripts.pairs(doc):
            hi = pair["hi"]
            if hi == pair["en"] or not scripts.DEVANAGARI.search(hi):
                found.append(Problem(doc.where(at + ("hi",)),
                                     msg("the Hindi `%(text)s` looks untranslated", text=hi),
                                     msg("write it in Hindi (Devanagari)"),
                                     ".".join(map(str, at + ("hi",))), warning=True))
    return found


def report(problems: list[Problem]) -> str:
    if not problems:
        return messages.shown(msg("Nothing is missing in either language."))
    lines = [p.render() for p in problems]
    return "\n".join(lines + [messages.shown(msg("%(count)s missing or untranslated",
                                        count=len(problems)))])


_NO_TRANSLATION = {
    "hi": lambda text: msg("no Hindi for \"%(text)s\"", text=text),
    "en": lambda text: msg("no English for \"%(text)s\"", text=text),
}


def _catalog(path: Path, lang: str):
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)

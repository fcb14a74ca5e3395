"""The Hindi glossary (docs/glossary.md) and the unapproved spellings of its terms in the
sources and the catalog (`invoke glossary`; `invoke check` lists them as advice).

The glossary is the one place for the facts: a Markdown table of each term's approved
form, its unapproved forms (separated by `;`) and its English. A form is found as a whole
word only, so a variant inside a longer word (जिला in जिलाधिकारी) is not one; a nukta
letter matches whether it is written as one character or as the letter and the nukta.
A spelling is advice, never an error: what the site says stays true.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sammelan.errors import Location, Problem
from sammelan.i18n.messages import msg

GLOSSARY = "docs/glossary.md"
FOLDERS = ("content", "data")
ENDINGS = (".md", ".yaml", ".yml")
# A letter, digit or Devanagari sign (a vowel sign, the nukta, the virama) continues a word;
# the danda (।, ॥) does not.
_WORD = r"[\w\u0900-\u0963\u0966-\u097f]"
# The precomposed nukta letters (क़ … य़), by their letter and nukta.
_PRECOMPOSED = {unicodedata.normalize("NFD", chr(c)): chr(c) for c in range(0x958, 0x960)}
_COMMENT = re.compile(r"(?:^|\s)#.*$")  # a YAML comment: it quotes the reports as they are


@dataclass(frozen=True)
class Term:
    approved: str
    variants: tuple[str, ...]
    english: str


def read(root: Path) -> tuple[list[Term], list[Problem]]:
    """The terms of the project's glossary (none when it has no glossary), and what is
    wrong with its table."""
    path = root / GLOSSARY
    if not path.is_file():
        return [], []
    terms, problems = [], []
    rows = [(n, line) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if line.startswith("|")]
    for number, line in rows[2:]:  # after the header and its separator
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        variants = tuple(v.strip() for v in cells[1].split(";") if v.strip()) if len(
            cells) == 3 else ()
        if len(cells) != 3 or not cells[0] or not variants:
            problems.append(Problem(
                Location(GLOSSARY, number, 1),
                msg("this row does not give a term's approved form, its unapproved forms and "
                    "its English"),
                msg("write `| approved | variant; other variant | English |`")))
            continue
        terms.append(Term(cells[0], variants, cells[2]))
    return terms, problems


def check(root: Path, catalog: Path) -> list[Problem]:
    """Every unapproved form in content/, data/ and the Hindi `catalog`, as advice; and the
    glossary's own mistakes."""
    terms, problems = read(root)
    if not terms:
        return problems
    pattern, approved = _pattern(terms)
    for shown, lines in _sources(root, catalog):
        for number, line in lines:
            for found in pattern.finditer(line):
                term = approved[_key(found.group())]
                problems.append(Problem(
                    Location(shown, number, found.start() + 1),
                    msg("`%(variant)s` is not the glossary's spelling of “%(english)s”",
                        variant=found.group(), english=term.english),
                    msg("write `%(approved)s` (%(glossary)s)", approved=term.approved,
                        glossary=GLOSSARY),
                    warning=True, advisory=True))
    return sorted(problems)


def _pattern(terms: list[Term]) -> tuple[re.Pattern, dict[str, Term]]:
    """One expression for every variant (the longest first, so a phrase wins over a word
    it begins with), and the term of each variant by its normalized form."""
    approved = {_key(v): term for term in terms for v in term.variants}
    forms = sorted(approved, key=len, reverse=True)
    either = "|".join(_spelled(form) for form in forms)
    return re.compile(rf"(?<!{_WORD})(?:{either})(?!{_WORD})"), approved


def _key(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _spelled(form: str) -> str:
    """A variant as an expression that also matches its nukta letters precomposed."""
    parts, i = [], 0
    while i < len(form):
        pair = form[i:i + 2]
        if pair in _PRECOMPOSED:
            parts.append(f"(?:{re.escape(pair)}|{_PRECOMPOSED[pair]})")
            i += 2
        else:
            parts.append(re.escape(form[i]))
            i += 1
    return "".join(parts)


def _sources(root: Path, catalog: Path) -> Iterator[tuple[str, list[tuple[int, str]]]]:
    """Each file's name as shown and the numbered lines in which a spelling counts."""
    for folder in FOLDERS:
        base = root / folder
        if not base.is_dir() or base.is_symlink():
            continue
        for path in sorted(base.rglob("*")):
            if path.suffix in ENDINGS and path.is_file() and not path.is_symlink():
                lines = _lines(path)
                if path.suffix != ".md":
                    lines = [(n, _COMMENT.sub("", line)) for n, line in lines]
                yield path.relative_to(root).as_posix(), lines
    if catalog.is_file():
        shown = (catalog.relative_to(root).as_posix() if catalog.is_relative_to(root)
                 else str(catalog))
        yield shown, _translations(_lines(catalog))


def _lines(path: Path) -> list[tuple[int, str]]:
    # as written, not normalized: a column counts the characters of the line as it is
    text = path.read_text(encoding="utf-8", errors="replace")
    return list(enumerate(text.splitlines(), 1))


def _translations(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The catalog's Hindi only: each msgstr and the lines that continue it."""
    found, inside = [], False
    for number, line in lines:
        if line.startswith("msgstr"):
            inside = True
        elif not line.startswith('"'):
            inside = False
        if inside:
            found.append((number, line))
    return found

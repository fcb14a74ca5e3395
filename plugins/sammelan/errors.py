"""Problems found in the sources, collected as values and reported together."""

from __future__ import annotations

from dataclasses import dataclass

from sammelan.i18n.messages import Text, msg, shown


@dataclass(frozen=True, order=True)
class Location:
    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if not self.line:
            return self.file
        return f"{self.file}:{self.line}:{self.column or 1}"


@dataclass(frozen=True, order=True)
class Problem:
    location: Location
    message: Text | str  # Text: translated when shown; str only for text of the sources
    fix: Text | str = ""
    field: str = ""
    warning: bool = False
    # A warning about a harmless fact (what the site says stays true): --strict keeps it a
    # warning, so that valid content never fails CI because of it.
    advisory: bool = False

    def render(self, lang: str | None = None) -> str:
        kind = shown(msg("warning") if self.warning else msg("error"), lang)
        where = f" [{self.field}]" if self.field else ""
        text = f"{self.location}: {kind}{where}: {shown(self.message, lang)}"
        if not self.fix:
            return text
        fix = shown(msg("fix"), lang)
        return f"{text} — {fix}: {shown(self.fix, lang)}"


class SourceErrors(Exception):
    """Raised once, after loading, when any source has an error."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(report(self.problems))


def report(problems: list[Problem], lang: str | None = None) -> str:
    errors = sum(not p.warning for p in problems)
    warnings = len(problems) - errors
    lines = [p.render(lang) for p in sorted(problems)]
    lines.append(shown(msg("%(errors)s error(s), %(warnings)s warning(s)", errors=errors,
                           warnings=warnings), lang))
    return "\n".join(lines)


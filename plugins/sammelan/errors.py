"""Problems found in the sources, collected as values and reported together."""

from __future__ import annotations

from dataclasses import dataclass


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
    message: str
    fix: str = ""
    field: str = ""
    warning: bool = False
    # A warning about a harmless fact (what the site says stays true): --strict keeps it a
    # warning, so that valid content never fails CI because of it.
    advisory: bool = False

    def render(self) -> str:
        kind = "warning" if self.warning else "error"
        where = f" [{self.field}]" if self.field else ""
        text = f"{self.location}: {kind}{where}: {self.message}"
        return f"{text} — fix: {self.fix}" if self.fix else text


class SourceErrors(Exception):
    """Raised once, after loading, when any source has an error."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(report(self.problems))


def report(problems: list[Problem]) -> str:
    errors = sum(not p.warning for p in problems)
    warnings = len(problems) - errors
    lines = [p.render() for p in sorted(problems)]
    lines.append(f"{errors} error(s), {warnings} warning(s)")
    return "\n".join(lines)


"""What the commands say to the organizer (errors, fixes, progress), in Hindi or English.

A message is a value, `Text`: its English id and its fields, translated only when shown.
Problems are made once and remembered between builds (the sources' memo, the manifest's
warnings), while the language is the reader's, chosen per command: so nothing is stored
already translated. The language follows gettext's environment (LANGUAGE, LC_ALL,
LC_MESSAGES, LANG: `hi_IN…` gives Hindi) unless a command's `--lang` chose one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from functools import total_ordering

from sammelan.i18n.catalog import translations

LANGUAGES = ("hi", "en")
SOURCE = "en"  # the language the ids are written in
_ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
_chosen: str | None = None


@total_ordering
@dataclass(frozen=True)
class Text:
    """A message id with its fields (`%(name)s` in the id); shown in one language."""

    msgid: str
    fields: tuple[tuple[str, object], ...] = ()

    def render(self, lang: str | None = None) -> str:
        lang = lang or language()
        text = self.msgid if lang == SOURCE else translations(lang).gettext(self.msgid)
        return text % {name: _shown(value, lang) for name, value in self.fields}

    def __str__(self) -> str:
        return self.render()

    def _key(self) -> tuple[str, str]:
        return self.msgid, repr(self.fields)

    def __lt__(self, other: object) -> bool:
        return self._key() < _key(other)


def _key(value: object) -> tuple[str, str]:
    return value._key() if isinstance(value, Text) else (str(value), "")


def _shown(value: object, lang: str) -> object:
    return value.render(lang) if isinstance(value, Text) else value


def msg(msgid: str, **fields: object) -> Text:
    """A message to show later, in the reader's language (`pybabel extract` collects it)."""
    return Text(msgid, tuple(sorted(fields.items())))


def shown(message: Text | str, lang: str | None = None) -> str:
    """A message as the reader reads it; plain strings (names, paths) are shown as written."""
    return message.render(lang) if isinstance(message, Text) else message


def from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """The language gettext would pick: the first of its variables that is set decides."""
    for name in _ENVIRONMENT:
        value = environ.get(name, "")
        if not value:
            continue
        # LANGUAGE is a list of preferences ("hi:en"); the others one locale ("hi_IN.UTF-8").
        for preference in value.split(":") if name == "LANGUAGE" else [value]:
            code = preference.split(".")[0].split("@")[0].split("_")[0].lower()
            if code in LANGUAGES:
                return code
        if name != "LANGUAGE":
            return SOURCE
    return SOURCE


def choose(lang: str | None) -> None:
    """Fix the language of this process's messages (`--lang`); None goes back to the
    environment."""
    global _chosen
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    _chosen = lang


def language() -> str:
    return _chosen or from_environment()

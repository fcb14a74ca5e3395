"""Interface strings: Babel catalogs, one per language other than the source (English)."""

from __future__ import annotations

from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(lang: str) -> NullTranslations:
    """The catalog compiled in memory from its .po, so the build never reads a stale .mo."""
    path = catalog_path(lang)
    if not path.exists():
        return NullTranslations()
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=lang)
    buffer = BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return Translations(buffer, domain=DOMAIN)


class Gettext:
    """`_` for templates: translate, then fill `%(name)s` fields."""

    def __init__(self, lang: str):
        self.lang = lang
        self.translations = translations(lang)

    def __call__(self, message: str, **fields) -> str:
        text = self.translations.gettext(message)
        return text % fields if fields else text

    def plural(self, singular: str, plural: str, n: int, **fields) -> str:
        text = self.translations.ngettext(singular, plural, n)
        return text % dict(fields, num=n)


def N_(message: str) -> str:
    """Marks a string for extraction where it is translated later."""
    return message

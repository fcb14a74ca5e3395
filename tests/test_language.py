"""Language done properly: interface catalogs complete and current, and text in the
other script marked with its own `lang` so screen readers pronounce it right."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po
from conftest import html_pages, parse
from sammelan.i18n.catalog import catalog_path

SCRIPTS = {"hi": re.compile(r"[A-Za-z]{2,}"), "en": re.compile(r"[\u0900-\u097F]+")}
# Babel's Hindi locale data writes the day period in Latin letters ("3:00 pm").
ALLOWED = {"hi": {"am", "pm"}, "en": set()}


def test_hindi_catalog_has_every_string_translated():
    with catalog_path("hi").open("rb") as handle:
        catalog = read_po(handle)
    untranslated = [m.id for m in catalog if m.id and not m.string]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert not untranslated and not fuzzy, (untranslated, fuzzy)


def test_catalog_is_not_stale(pot):
    """Every string in the templates and code is in the catalog, and no other."""
    with pot.open("rb") as handle:
        wanted = {m.id for m in read_po(handle) if m.id}
    with catalog_path("hi").open("rb") as handle:
        present = {m.id for m in read_po(handle) if m.id}
    assert wanted - present == set(), "run `invoke i18n-update` and translate"
    assert present - wanted == set(), "run `invoke i18n-update` to drop unused strings"


def _unmarked(path, lang):
    found = set()
    for element in parse(path).iter():
        if not isinstance(element.tag, str) or element.tag in ("script", "style"):
            continue
        for owner, text in ((element, element.text), (element.getparent(), element.tail)):
            if owner is None or not text:
                continue
            words = set(SCRIPTS[lang].findall(text)) - ALLOWED[lang]
            if words and _lang_of(owner) == lang:
                found |= words
    return found


def _lang_of(element):
    while element is not None:
        if element.get("lang"):
            return element.get("lang")
        element = element.getparent()
    return None


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_text_in_the_other_script_carries_its_lang(site_dir, lang):
    pages = [p for p in html_pages(site_dir) if ("/en/" in str(p)) == (lang == "en")]
    problems = {p.relative_to(site_dir).as_posix(): _unmarked(p, lang) for p in pages}
    assert not {k: v for k, v in problems.items() if v}

"""Prose whose structure would take Markdown minutes (or Python's whole stack) to parse is
refused at once with its place, before anything parses it."""

from __future__ import annotations

import time

import pytest
from breaking import RAKESH_EN, messages

SLOW = {  # each took from 2 s to a RecursionError before these limits
    "images": ("![" * 8000, "1:602", "the text holds 8000 `[`, more than the 300"),
    "brackets": ("[" * 4000, "1:301", "the text holds 4000 `[`, more than the 300"),
    "tags": ("<a " * 8000, "1:901", "the text holds 8000 `<`, more than the 300"),
    "nested lists": ("- " * 8000 + "x", "1:1", "lists or quotes nested 8000 deep"),
    "nested quotes": ("> " * 3000 + "x", "1:1", "lists or quotes nested 3000 deep"),
}


@pytest.mark.parametrize("name", sorted(SLOW))
def test_text_too_complex_to_parse_is_refused_at_once(project, name):
    text, where, what = SLOW[name]
    (project / RAKESH_EN).write_text(text + "\n", encoding="utf-8")
    started = time.monotonic()
    found = messages(project)
    assert len(found) == 1, found
    line = found[0]
    assert time.monotonic() - started < 5
    assert line.startswith(f"{RAKESH_EN}:{where}: error [text]: {what}")


def test_ordinary_structure_is_read(project):
    text = ("A [link](https://example.org) and `code`.\n\n"
            + "- one\n  - two\n    - three\n" + "\n> a quote\n" + "[x](https://e.org) " * 100)
    (project / RAKESH_EN).write_text(text, encoding="utf-8")
    assert messages(project) == []

"""Raw HTML and links in Markdown that the site would drop are errors at their place."""

from __future__ import annotations

import pytest
from breaking import JHANSI_EN, edit, messages
from sammelan.sources.prose import to_html

PARAGRAPH = "Jhansi, the industrial"  # starts line 5 of the English Jhansi description


def broken(project, inserted: str) -> list[str]:
    edit(project, JHANSI_EN, PARAGRAPH, inserted + PARAGRAPH)
    return messages(project)


def test_script_in_markdown(project):
    assert broken(project, "Read <script>alert(1)</script>") == [
        f"{JHANSI_EN}:5:6: error [html]: `<script>` is not allowed in the text — fix: remove "
        "it; pages carry no scripts, styles or embedded content"]


@pytest.mark.parametrize("link", ["[form](javascript:alert(1))", "[x](JaVa\tScRiPt:alert(1))",
                                  '[y]( vbscript:x "t")',
                                  '<a href="jav&#x61;script:alert(1)">x</a>',
                                  "<javascript:alert(1)>", "[x][r]\n\n[r]: javascript:alert(1)"])
def test_unsafe_link_in_markdown(project, link):
    found = broken(project, link + " ")
    assert len(found) == 1, found
    assert found[0].startswith(f"{JHANSI_EN}:")
    assert "script:`, which the site does not allow — fix: link only to http://, " \
           "https://, mailto: or tel: addresses" in found[0]


def test_event_attribute(project):
    assert broken(project, '<a href="https://amarujala.com" onclick="steal()">a</a> ') == [
        f"{JHANSI_EN}:5:1: error [html]: the attribute `onclick` on `<a>` runs a script and "
        "is not allowed — fix: remove `onclick=…`"]


def test_disallowed_tag(project):
    found = broken(project, "<iframe src=https://x.example></iframe>\n<div>x</div>\n")
    assert found[0] == (f"{JHANSI_EN}:5:1: error [html]: `<iframe>` is not allowed in the "
                        "text — fix: remove it; pages carry no scripts, styles or embedded "
                        "content")
    assert found[1].startswith(f"{JHANSI_EN}:6:1: error [html]: the HTML tag `<div>` is not "
                               "allowed and would be removed — fix: write Markdown instead")


def test_safe_html_and_links_pass(project):
    assert broken(project, '<abbr title="Micro">MSME</abbr> [mail](mailto:a@b.in) '
                           "[call](tel:+911234) <https://msme.gov.in> `<script>` ") == []


def test_the_sanitizer_still_cleans_what_reaches_a_page():
    html = to_html('<script>x</script><a href="javascript:x" onclick="y">a</a>')
    assert "<script" not in html and "javascript" not in html and "onclick" not in html


def test_a_text_reads_nothing_of_the_texts_before_it():
    """One converter reads every text (prose.py): a link defined in one text must not
    resolve the same name in the next one, which would link where its author did not."""
    defined = to_html("See [the portal].\n\n[the portal]: https://msme.gov.in/")
    assert 'href="https://msme.gov.in/"' in defined
    assert "href" not in to_html("See [the portal].")

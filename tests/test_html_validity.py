"""Every page of the seeded site passes the Nu HTML Checker (vnu.jar from the vnu-jar npm
package). The live content gets the same check in test_live_content.py."""

from __future__ import annotations

from conftest import html_pages
from site_checks import vnu_errors


def test_every_page_has_zero_errors(site_dir):
    assert len(html_pages(site_dir)) > 40
    errors = vnu_errors(site_dir)
    assert not errors, "\n".join(errors[:30])

"""Every built page passes the Nu HTML Checker (vnu.jar from the vnu-jar npm package)."""

from __future__ import annotations

import json
import subprocess

from conftest import ROOT, html_pages

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_errors(output) -> list[str]:
    pages = [str(p) for p in html_pages(output)]
    assert len(pages) > 40
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *pages],
        capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or result.stdout)["messages"]
    return [f"{m.get('url', '')}:{m.get('lastLine', '')}: {m['message']}" for m in messages
            if m["type"] == "error" or m.get("subType") == "fatal"]


def test_every_page_has_zero_errors(site_dir):
    assert VNU.exists(), "run `make test` so that npm installs vnu-jar"
    errors = vnu_errors(site_dir)
    assert not errors, "\n".join(errors[:30])

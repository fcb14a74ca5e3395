"""What `invoke serve` adds to the HTML it serves, and never to the built site: the page
shown instead of every page while the last build failed, and a small script that reloads
the page after the next build.

The build runs in another process (preview.py); it writes its problems as JSON
(`python -m sammelan build --problems-json FILE`), their text and fix already in the
organizer's language, and this module reads them back as values.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from sammelan.errors import Location
from sammelan.i18n.messages import msg, shown

BUILD_PATH = "/__sammelan/build"  # where the script waits for the next build

# Waits (a long poll) for a build other than the one the page was served after, then
# reloads; while the server is away (stopped, restarting) it asks again each second.
_SCRIPT = ('<script>/* invoke serve: reload after the next build */(function(n){'
           'function w(){fetch("%s?after="+n,{cache:"no-store"})'
           '.then(function(r){return r.ok?r.text():Promise.reject()})'
           '.then(function(t){t==String(n)?w():location.reload()},'
           'function(){setTimeout(w,1000)})}w()})(%d)</script>')

_STYLE = ("body{font-family:system-ui,sans-serif;line-height:1.5;max-width:48rem;"
          "margin:0 auto;padding:1rem}li{margin-bottom:1rem}code,pre{overflow-wrap:anywhere;"
          "white-space:pre-wrap}.kind{color:#a00}")


@dataclass(frozen=True)
class ShownProblem:
    """One problem as the failed build wrote it: its place, and its text as shown."""

    location: str
    warning: bool
    field: str
    message: str
    fix: str


def read_problems(path: Path) -> tuple[ShownProblem, ...]:
    """The problems a build wrote to `path`; none when it wrote nothing readable (it
    stopped before it could, e.g. on a mistake in plugins/)."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))["problems"]
        return tuple(ShownProblem(str(Location(r["file"], r["line"], r["column"])),
                           bool(r["warning"]), r["field"], r["message"], r["fix"])
                     for r in records)
    except (OSError, ValueError, KeyError, TypeError):
        return ()


def reload_script(build: int) -> str:
    """The script for a page served after `build` builds."""
    return _SCRIPT % (BUILD_PATH, build)


def inject(page: bytes, build: int) -> bytes:
    """The page with the reload script at the end of its body."""
    script = reload_script(build).encode()
    end = page.lower().rfind(b"</body>")
    return page + script if end < 0 else page[:end] + script + page[end:]


def error_page(problems: Sequence[ShownProblem], printed: str, lang: str, build: int) -> bytes:
    """The page served for every page while the sources have errors: each problem with its
    file:line:column, what is wrong and the fix; what the build printed when it named no
    problem (it stopped on something else: a template, the plugin's code)."""
    title = escape(shown(msg("The site could not be built"), lang))
    intro = msg("Fix these mistakes and save: this page turns back into the site by itself "
                "once the site builds.")
    if problems:
        body = "<ol>\n" + "".join(_item(p, lang) for p in problems) + "</ol>"
    else:
        intro = msg("The build stopped without naming a mistake in data/ or content/ "
                    "(look at what you changed in themes/, plugins/ or schemas/). "
                    "What it printed:")
        body = f"<pre>{escape(printed.strip())}</pre>"
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n<main>\n"
            f"<h1>{title}</h1>\n<p>{escape(shown(intro, lang))}</p>\n{body}\n</main>\n"
            f"{reload_script(build)}\n</body>\n</html>\n").encode()


def _item(problem: ShownProblem, lang: str) -> str:
    kind = shown(msg("Warning") if problem.warning else msg("Error"), lang)
    field = f" <code>[{escape(problem.field)}]</code>" if problem.field else ""
    label = shown(msg("How to fix"), lang)
    fix = (f"<p><strong>{escape(label)}:</strong> "
           f"{escape(problem.fix)}</p>\n") if problem.fix else ""
    return (f'<li>\n<p><code>{escape(problem.location)}</code> '
            f'<strong class="kind">{escape(kind)}</strong>{field}</p>\n'
            f"<p>{escape(problem.message)}</p>\n{fix}</li>\n")

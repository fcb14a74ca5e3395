"""`python -m sammelan build|check`: the commands behind `invoke build` and `invoke check`.
The environment (SOURCE_DATE_EPOCH, SAMMELAN_SITEURL) is read here, once, and passed down
as options."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

from sammelan.build import build
from sammelan.checks import glossary
from sammelan.errors import Problem, SourceErrors, report
from sammelan.i18n import messages
from sammelan.i18n.catalog import catalog_path
from sammelan.i18n.messages import shown
from sammelan.model.loader import load_site
from sammelan.options import (
    BuildOptions,
    OptionError,
    epoch_from_environment,
    site_url_from_environment,
)
from sammelan.render.config import PREVIEW_BASE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sammelan")
    parser.add_argument("command", choices=["build", "check"])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.add_argument("--preview-base", default=PREVIEW_BASE,
                        help="the preview server's address, for calendar and webcal links")
    parser.add_argument("--lang", choices=messages.LANGUAGES,
                        help="the language of messages (default: the environment's)")
    parser.add_argument("--problems-json", type=Path, metavar="FILE",
                        help="also write the problems that stopped the command to FILE, as "
                             "JSON ({\"problems\": []} when none did), for `invoke serve`")
    args = parser.parse_args(argv)
    if args.lang:  # else the language stays as chosen by the caller or the environment
        messages.choose(args.lang)
    try:
        options = BuildOptions(strict=args.strict, epoch=epoch_from_environment(),
                               preview_base=args.preview_base.rstrip("/"),
                               site_url=site_url_from_environment())
    except OptionError as error:
        print(error.render(), file=sys.stderr)
        return 1
    found: list[Problem] = []
    if args.command == "build":
        status = build(Path(args.settings), Path(args.output), options, found.extend)
    else:
        status = check(Path.cwd(), options, found.extend)
    if args.problems_json:
        write_problems(args.problems_json, found)
    return status


def check(root: Path, options: BuildOptions,
          failed: Callable[[list[Problem]], None] | None = None) -> int:
    try:
        _, warnings = load_site(root, options.today(), strict=options.strict,
                                epoch=options.epoch)
    except SourceErrors as errors:
        if failed:
            failed(errors.problems)
        print(errors, file=sys.stderr)
        return 1
    # a spelling the glossary does not approve is advice: it never fails a check
    warnings = sorted(warnings + glossary.check(root, catalog_path("hi")))
    print(report(warnings), file=sys.stderr)
    return 0


def write_problems(path: Path, problems: list[Problem]) -> None:
    """Each problem's place and kind as values, its text and fix shown in this command's
    language: the preview, another process, lists them without reading the terminal's."""
    lang = messages.language()
    records = [{"file": p.location.file, "line": p.location.line,
                "column": p.location.column, "field": p.field, "warning": p.warning,
                "message": shown(p.message, lang), "fix": shown(p.fix, lang)}
               for p in problems]
    path.write_text(json.dumps({"problems": records}, ensure_ascii=False, indent=1),
                    encoding="utf-8")


def exit_now(status: int) -> None:
    """End the process without taking the model apart: freeing its millions of objects one
    by one took half a second at 1,000 conclaves, after the work was done. Everything the
    command writes is closed by then (the output swapped, the record written); only the
    standard streams are still buffered."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


if __name__ == "__main__":
    exit_now(main())

"""`python -m sammelan build|check`: the commands behind `invoke build` and `invoke check`.
The environment (SOURCE_DATE_EPOCH) is read here, once, and passed down as options."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sammelan.build import build
from sammelan.errors import SourceErrors, report
from sammelan.i18n import messages
from sammelan.model.loader import load_site
from sammelan.options import BuildOptions, OptionError, epoch_from_environment
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
                        help="the language of messages (default: from LANGUAGE, LC_ALL, "
                             "LC_MESSAGES or LANG)")
    args = parser.parse_args(argv)
    messages.choose(args.lang)
    try:
        options = BuildOptions(strict=args.strict, epoch=epoch_from_environment(),
                               preview_base=args.preview_base.rstrip("/"))
    except OptionError as error:
        print(error.render(), file=sys.stderr)
        return 1
    if args.command == "build":
        return build(Path(args.settings), Path(args.output), options)
    return check(Path.cwd(), options)


def check(root: Path, options: BuildOptions) -> int:
    try:
        _, warnings = load_site(root, options.today(), strict=options.strict,
                                epoch=options.epoch)
    except SourceErrors as errors:
        print(errors, file=sys.stderr)
        return 1
    print(report(warnings), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

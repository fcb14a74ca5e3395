"""`python -m sammelan build|check`: the commands behind `invoke build` and `invoke check`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sammelan.adapter import build_date
from sammelan.build import build
from sammelan.errors import SourceErrors, report
from sammelan.model.loader import load_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sammelan")
    parser.add_argument("command", choices=["build", "check"])
    parser.add_argument("--settings", default="pelicanconf.py")
    parser.add_argument("--output", default="output")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    args = parser.parse_args(argv)
    if args.command == "build":
        return build(Path(args.settings), Path(args.output), strict=args.strict)
    try:
        _, warnings = load_site(Path.cwd(), build_date(), strict=args.strict)
    except SourceErrors as errors:
        print(errors, file=sys.stderr)
        return 1
    print(report(warnings), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

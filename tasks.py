"""The project's tasks (`invoke --list`). The Makefile only prepares .venv and calls these."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

from invoke import task

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT / "plugins"))

BIN = Path(sys.executable).parent  # the tools of the environment invoke runs in
LOCALE = "plugins/sammelan/i18n/locale"
POT = f"{LOCALE}/messages.pot"
LANGS_WITH_CATALOG = ("hi",)


LANG_HELP = {"lang": "hi or en: the language of messages (default: LANGUAGE, LC_ALL, "
                     "LC_MESSAGES or LANG)"}


def say(message, lang: str | None = None) -> None:
    """Print what a task has to say, in the reader's language (sammelan/i18n/messages.py)."""
    from sammelan.i18n import messages

    messages.choose(lang)
    print(messages.shown(message))


@task(help={"publish": "absolute URLs for the real domain (publishconf.py)",
            "strict": "treat warnings as errors, as CI does", **LANG_HELP})
def build(c, publish=False, strict=False, output="output", lang=None):
    """Build the site into output/ (left untouched if the sources have errors)."""
    from sammelan.__main__ import main
    from sammelan.i18n.messages import msg

    settings = ROOT / ("publishconf.py" if publish else "pelicanconf.py")
    status = main(["build", "--settings", str(settings), "--output", str(ROOT / output)]
                  + (["--strict"] if strict else []) + (["--lang", lang] if lang else []))
    if status:
        sys.exit(status)
    say(msg("Built the site into %(output)s/", output=output), lang)


@task(help={"strict": "treat warnings as errors, as CI does", **LANG_HELP})
def check(c, strict=False, lang=None):
    """Validate the sources without building."""
    from sammelan.__main__ import main

    status = main(["check"] + (["--strict"] if strict else []) + (["--lang", lang] if lang
                                                                   else []))
    if status:
        sys.exit(status)


@task(help={"port": "the port to serve on (default 8000); links to calendars use it",
            "lang": "hi or en: the language of mistakes, in the browser and here "
                    "(default: the environment's, LANG)"})
def serve(c, port=8000, lang=None):
    """Preview on http://localhost:PORT, rebuilding on save; mistakes show in the browser
    and here, and pages reload after each build."""
    from sammelan.tools.preview import Preview

    try:
        preview = Preview(ROOT, "pelicanconf.py", ROOT / "output", int(port), lang=lang)
    except ValueError as error:  # a language other than hi or en
        sys.exit(str(error))
    preview.start()
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        preview.stop()


@task(help={"kind": "conclave, speaker, scheme, venue, organization or news",
            "slug": "the new file's name: a-z, 0-9 and hyphens", **LANG_HELP})
def new(c, kind, slug, lang=None):
    """Start a new source file (and its texts) with every field explained; never overwrites."""
    from sammelan.tools.scaffold import write

    scaffolded(lambda: write(ROOT, kind, slug), lang)


@task(help=LANG_HELP)
def new_site(c, lang=None):
    """Start data/site.yaml, the site's name, publisher, contact, footer and address, with
    every field explained; never overwrites."""
    from sammelan.tools.scaffold import write_site

    scaffolded(lambda: write_site(ROOT), lang)


def scaffolded(write, lang: str | None) -> None:
    """Run a scaffold's `write` and say what it wrote, or why it wrote nothing."""
    from sammelan.i18n.messages import msg
    from sammelan.tools.scaffold import ScaffoldError

    try:
        written = write()
    except ScaffoldError as error:
        say(msg("error: %(problem)s", problem=error.args[0]), lang)
        sys.exit(1)
    for path in written:
        say(msg("wrote %(file)s", file=str(path.relative_to(ROOT))), lang)
    say(msg("Replace every TODO, then run `invoke check`."), lang)


@task(help={"output": "the folder for the PNG files (default screenshots/)", **LANG_HELP})
def screenshots(c, output="screenshots", lang=None):
    """Photograph each kind of page at 360 and 1280 px in both languages, whole, with
    Debian's Chromium, into OUTPUT/<kind>-<lang>-<width>.png (built afresh from the current
    sources; output/ stays as it is)."""
    from sammelan.i18n import messages
    from sammelan.i18n.messages import msg
    from sammelan.options import BuildOptions, OptionError, epoch_from_environment
    from sammelan.tools.screenshots import ScreenshotError, take

    messages.choose(lang)
    try:
        written = take(ROOT, ROOT / output, BuildOptions(epoch=epoch_from_environment()))
    except OptionError as error:
        sys.exit(error.render())
    except ScreenshotError as error:
        say(msg("error: %(problem)s", problem=error.message), lang)
        sys.exit(1)
    say(msg("%(count)s screenshots in %(folder)s/", count=len(written), folder=output), lang)


@task
def docs(c):
    """Regenerate docs/fields.md (the guide's field reference) from the schemas."""
    from sammelan.tools.reference import markdown

    (ROOT / "docs" / "fields.md").write_text(markdown(), encoding="utf-8")
    print("wrote docs/fields.md")  # for developers: English


@task(help=LANG_HELP)
def calendar_sequences(c, lang=None):
    """Optional: record each calendar entry's SEQUENCE and state as the git history counts
    them, and when each source changed (data/calendar-sequences.json, data/changed.json),
    for builds without the history (shallow clones, tarballs)."""
    from sammelan.errors import SourceErrors, report
    from sammelan.i18n import messages
    from sammelan.i18n.messages import msg
    from sammelan.options import OptionError

    messages.choose(lang)
    try:
        changed, warnings = record_calendar_sequences(ROOT)
    except SourceErrors as errors:
        sys.exit(report(errors.problems))
    except OptionError as error:
        sys.exit(error.render())
    if warnings:
        print(report(warnings), file=sys.stderr)
    say(msg("%(count)s calendar entries recorded anew: %(entries)s", count=len(changed),
            entries=", ".join(changed) or msg("none")), lang)


def record_calendar_sequences(root: Path) -> tuple[list[str], list]:
    """What `invoke calendar-sequences` does to the project at `root` (the tests call it on
    a copy): record the entries' numbers and states and the sources' times; the entries
    recorded anew, and the warning when the git history is missing."""
    from sammelan.options import BuildOptions, epoch_from_environment
    from sammelan.tools.record import record

    return record(root, BuildOptions(epoch=epoch_from_environment()))


@task
def clean(c):
    """Remove built output and what the last build remembers of it."""
    c.run("rm -rf output .output.new .output.old .output.cache")


@task
def i18n_extract(c):
    """Collect interface strings from templates and code into the .pot template."""
    from babel.messages.frontend import CommandLineInterface
    from sammelan.i18n.extract import command

    Path(LOCALE).mkdir(parents=True, exist_ok=True)
    CommandLineInterface().run(command(ROOT, ROOT / POT))


@task(pre=[i18n_extract])
def i18n_update(c):
    """Merge new strings into each language's catalog."""
    for lang in LANGS_WITH_CATALOG:
        po = Path(LOCALE) / lang / "LC_MESSAGES" / "messages.po"
        action = "update" if po.exists() else "init"
        c.run(f"{BIN}/pybabel -q {action} -i {POT} -d {LOCALE} -l {lang} --no-wrap"
              + (" --ignore-obsolete" if action == "update" else ""))


@task(pre=[i18n_extract], help=LANG_HELP)
def translations(c, lang=None):
    """List every interface string and text missing in a language (exit 1 if any)."""
    from sammelan.i18n import messages
    from sammelan.tools.translations import gaps, report

    messages.choose(lang)
    found = gaps(ROOT, ROOT / POT)
    print(report(found))
    if found:
        sys.exit(1)


@task(help=LANG_HELP)
def glossary(c, lang=None):
    """List every unapproved spelling of a Hindi term of docs/glossary.md in content/, data/
    and the Hindi catalog, with its place and the approved form (exit 1 if any)."""
    from sammelan.checks.glossary import check
    from sammelan.errors import report
    from sammelan.i18n import messages
    from sammelan.i18n.catalog import catalog_path

    messages.choose(lang)
    found = check(ROOT, catalog_path("hi"))
    print(report(found))
    if found:
        sys.exit(1)


@task
def i18n_compile(c):
    """Compile catalogs to .mo files (the build compiles them in memory itself)."""
    c.run(f"{BIN}/pybabel -q compile --statistics -d {LOCALE}")


@task
def lint(c):
    """ruff over the code."""
    c.run(f"{BIN}/ruff check plugins tests tasks.py pelicanconf.py publishconf.py")


@task(pre=[lint])
def test(c):
    """The whole test suite."""
    c.run(f"{sys.executable} -m pytest")


@task(help={"conclaves": "the scale: synthetic conclaves to build (default 10)",
            "runs": "measured builds of each kind; medians are reported (default 3)",
            "json": "print the results as JSON instead of a table",
            "preview": "measure instead how soon `invoke serve` shows an edit"})
def bench(c, conclaves=10, runs=3, json=False, preview=False):
    """Sammelan's build against vanilla Pelican on as many HTML pages, on synthetic content:
    CPU, wall time and memory of each build, rebuilds, page weight. --preview: instead,
    how soon `invoke serve` shows an edit of the project's own content."""
    import json as encoding
    import statistics

    from sammelan.tools import bench as benchmark

    if preview:
        seconds = benchmark.preview_latency(ROOT)
        print("edit saved → page served:", ", ".join(f"{s:.2f} s" for s in seconds),
              f"(median {statistics.median(seconds):.2f} s)")
        return

    try:
        results = benchmark.run(int(conclaves), int(runs))
    except benchmark.BenchError as error:
        sys.exit(f"error: {error}")
    print(encoding.dumps(results, indent=2) if json else benchmark.report(results))

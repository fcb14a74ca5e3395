"""The only module that knows Pelican: it runs Pelican with the plugin's generator, which
loads the model in Pelican's context phase and writes every output in its output phase.
Pelican's settings become a RenderConfig here; no renderer reads them."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import FileSystemBytecodeCache
from pelican import Pelican
from pelican.generators import Generator
from pelican.log import console
from pelican.settings import read_settings

from sammelan import inputs, processes
from sammelan.errors import Location, Problem, SourceErrors, report
from sammelan.i18n.messages import LANGUAGES, msg
from sammelan.model.entities import IST, Site
from sammelan.model.loader import SETTINGS, load_site
from sammelan.options import SITE_URL, BuildOptions
from sammelan.render import html, outputs
from sammelan.render.calendar import sequences
from sammelan.render.config import RenderConfig
from sammelan.render.jobs import Reuse
from sammelan.sources.memo import Memo

OPTIONS, OUTCOME = "SAMMELAN_OPTIONS", "SAMMELAN_OUTCOME"


@dataclass
class Outcome:
    """What the generator hands back to the build: its warnings, and the files it linked
    from the last output or made (`reuse`, filled in by outputs.write_all)."""

    reuse: Reuse
    cache: Path | None = None  # where the memo of the sources is kept between builds
    read: inputs.Read | None = None  # what the build read (inputs.py), when it digested it
    warnings: dict[str, str] = field(default_factory=dict)  # the report, by language
    # called once the model is made: what exists then lasts to the end (processes.lasting)
    settle: Callable[[], None] = lambda: None


def run_pelican(settings_file: Path, output: Path, options: BuildOptions,
                reuse: Reuse | None = None, cache: Path | None = None,
                read: inputs.Read | None = None) -> Outcome:
    """Build the site into `output`; raises SourceErrors or OutputClash."""
    outcome = Outcome(reuse or Reuse(), cache, read)
    settings = read_settings(str(settings_file), override={
        "OUTPUT_PATH": str(output), OPTIONS: options, OUTCOME: outcome})
    logging.getLogger("pelican").setLevel(logging.WARNING)
    # Pelican ends with "Done: Processed 0 articles, 0 drafts…": true of Pelican's own
    # content, which this site does not use, and puzzling to organizers.
    with console.capture(), processes.lasting() as outcome.settle:
        Pelican(settings).run()
    return outcome


def render_config(settings: dict, options: BuildOptions, site: Site) -> RenderConfig:
    """Raises SourceErrors when a published build has no address to publish at."""
    relative = bool(settings.get("RELATIVE_URLS"))
    return RenderConfig(site_url=site_url(settings, options, site, relative),
                        relative=relative, preview_base=options.preview_base,
                        timezone=str(settings.get("TIMEZONE") or IST))


def site_url(settings: dict, options: BuildOptions, site: Site, relative: bool) -> str:
    """The published address: SAMMELAN_SITEURL, else SITEURL of the settings file, else
    `url` in data/site.yaml. A preview keeps its settings' (none: the preview server)."""
    own = str(settings.get("SITEURL") or "").rstrip("/")
    if relative:
        return own
    found = options.site_url or own or site.settings.url
    if not found:
        raise SourceErrors([Problem(
            Location(f"{SETTINGS}.yaml"), msg("the site is published, but its address is "
                                              "not known"),
            msg("add `url: https://…` (the address it is published at) to %(file)s, or set "
                "the environment variable %(name)s", file=f"{SETTINGS}.yaml", name=SITE_URL),
            "url")])
    return found


class SammelanGenerator(Generator):
    site: Site

    @property
    def options(self) -> BuildOptions:
        return self.settings.get(OPTIONS) or BuildOptions()

    @property
    def root(self) -> Path:
        return Path(self.settings.get("SAMMELAN_ROOT") or Path(self.path).parent)

    @property
    def outcome(self) -> Outcome:
        return self.settings.get(OUTCOME) or Outcome(Reuse())

    def generate_context(self) -> None:
        options = self.options
        # digested by the build before Pelican ran; here only when Pelican runs alone
        self.read = self.outcome.read or inputs.build(self.root, options)
        self.memo = Memo(self.outcome.cache, self.read.code, options.workers,
                         self.read.sources)
        with processes.unscanned():  # the model lasts to the end of the build
            site, warnings = load_site(self.root, options.today(), strict=options.strict,
                                       epoch=options.epoch, memo=self.memo)
            self.site, noted = sequences.numbered(self.root, site, self.memo)
        self.outcome.settle()
        warnings = sorted(warnings + noted)
        if warnings:
            print(report(warnings), file=sys.stderr)
            self.outcome.warnings = {lang: report(warnings, lang) for lang in LANGUAGES}
        self.config = render_config(self.settings, options, self.site)
        html.prepare(self.env)
        if self.outcome.cache:  # compiled templates, found again by their source's checksum
            folder = self.outcome.cache / "templates"
            folder.mkdir(parents=True, exist_ok=True)
            self.env.bytecode_cache = FileSystemBytecodeCache(str(folder))

    def generate_output(self, writer) -> None:
        # the jobs and their keys last to the end of the build, as the model does
        with processes.unscanned():
            jobs = outputs.plan(self.site, self.env, self.config, self.read.code,
                                self.read.digest, self.memo.remember)
        outputs.write_all(jobs, Path(self.output_path), self.outcome.reuse)
        self.memo.save()

"""The only module that knows Pelican: it runs Pelican with the plugin's generator, which
loads the model in Pelican's context phase and writes every output in its output phase.
Pelican's settings become a RenderConfig here; no renderer reads them."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from pelican import Pelican
from pelican.generators import Generator
from pelican.log import console
from pelican.settings import read_settings

from sammelan.errors import report
from sammelan.model.entities import IST, Site
from sammelan.model.loader import load_site
from sammelan.options import BuildOptions
from sammelan.render import html, outputs
from sammelan.render.config import RenderConfig

OPTIONS = "SAMMELAN_OPTIONS"


def run_pelican(settings_file: Path, output: Path, options: BuildOptions) -> None:
    """Build the site into `output`; raises SourceErrors or OutputClash."""
    settings = read_settings(str(settings_file), override={
        "OUTPUT_PATH": str(output), OPTIONS: options})
    logging.getLogger("pelican").setLevel(logging.WARNING)
    # Pelican ends with "Done: Processed 0 articles, 0 drafts…": true of Pelican's own
    # content, which this site does not use, and puzzling to organizers.
    with console.capture():
        Pelican(settings).run()


def render_config(settings: dict, options: BuildOptions) -> RenderConfig:
    return RenderConfig(site_url=str(settings.get("SITEURL") or "").rstrip("/"),
                        relative=bool(settings.get("RELATIVE_URLS")),
                        preview_base=options.preview_base,
                        timezone=str(settings.get("TIMEZONE") or IST))


class SammelanGenerator(Generator):
    site: Site

    @property
    def options(self) -> BuildOptions:
        return self.settings.get(OPTIONS) or BuildOptions()

    def generate_context(self) -> None:
        root = Path(self.settings.get("SAMMELAN_ROOT") or Path(self.path).parent)
        options = self.options
        self.site, warnings = load_site(root, options.today(), strict=options.strict,
                                        epoch=options.epoch)
        if warnings:
            print(report(warnings), file=sys.stderr)
        html.prepare(self.env)

    def generate_output(self, writer) -> None:
        config = render_config(self.settings, self.options)
        outputs.write_all(outputs.render_all(self.site, self.env, config),
                          Path(self.output_path))

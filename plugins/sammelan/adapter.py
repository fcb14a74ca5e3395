"""The Pelican generator: loads the model in Pelican's context phase and writes
every output format in its output phase."""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from pelican.generators import Generator

from sammelan.errors import report
from sammelan.i18n import formatting, labels
from sammelan.model.entities import Site
from sammelan.model.loader import load_site
from sammelan.render import outputs, urls

IST = ZoneInfo("Asia/Kolkata")


def build_date() -> dt.date:
    """Today in IST, or the day of SOURCE_DATE_EPOCH for reproducible builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = dt.datetime.fromtimestamp(int(epoch), IST) if epoch else dt.datetime.now(IST)
    return moment.date()


class SammelanGenerator(Generator):
    site: Site

    def generate_context(self) -> None:
        root = Path(self.settings.get("SAMMELAN_ROOT") or Path(self.path).parent)
        strict = bool(self.settings.get("SAMMELAN_STRICT"))
        self.site, warnings = load_site(root, build_date(), strict=strict)
        if warnings:
            print(report(warnings), file=sys.stderr)
        self.context["sammelan_site"] = self.site
        _install_filters(self.env)

    def generate_output(self, writer) -> None:
        out = Path(self.output_path)
        for relative, data in outputs.render_all(self.site, self.env, self.settings):
            target = out / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)


def _install_filters(env) -> None:
    env.filters.update({
        "date": formatting.date, "weekday_date": formatting.weekday_date,
        "date_range": formatting.date_range, "time": formatting.time,
        "time_range": formatting.time_range, "number": formatting.number,
    })
    env.globals.update(labels=labels.ALL, language_name=labels.LANGUAGE_NAME,
                       session_anchor=urls.session_anchor)

"""Sammelan: bilingual conclave microsites from YAML and Markdown, as a Pelican plugin."""

from __future__ import annotations

from pelican import signals


def _generators(pelican):
    from sammelan.adapter import SammelanGenerator

    return SammelanGenerator


def register() -> None:
    signals.get_generators.connect(_generators)

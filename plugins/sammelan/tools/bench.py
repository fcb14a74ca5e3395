"""`invoke bench`: build speed and page weight, as ratios against a baseline measured
in the same process (absolute seconds vary from machine to machine; ratios less so)."""

from __future__ import annotations

import gzip
import statistics
import tempfile
import time
from pathlib import Path

from sammelan.build import build
from sammelan.model.loader import load_site
from sammelan.options import BuildOptions

RUNS = 5
# A fixed build moment, so every run builds the same site whatever the day.
OPTIONS = BuildOptions(epoch=1767205800)


def _median_seconds(action) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(root: Path) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "output"
        load = _median_seconds(lambda: load_site(root, OPTIONS.today(), epoch=OPTIONS.epoch))
        full = _median_seconds(lambda: build(root / "pelicanconf.py", output, OPTIONS))
        pages = sorted(output.rglob("*.html"))
        sizes = [len(p.read_bytes()) for p in pages]
        zipped = [len(gzip.compress(p.read_bytes(), 9)) for p in pages]
        css = sum(len(p.read_bytes()) for p in output.rglob("*.css"))
    return {
        "pages": len(pages),
        "load_seconds": load,
        "build_seconds": full,
        "build_over_load": full / load,
        "seconds_per_page": full / len(pages),
        "largest_page_bytes": max(sizes),
        "largest_page_gzip_bytes": max(zipped),
        "median_page_gzip_bytes": statistics.median(zipped),
        "stylesheet_bytes": css,
    }


def report(results: dict[str, float]) -> str:
    return "\n".join(f"{name:26} {value:,.3f}" if isinstance(value, float)
                     else f"{name:26} {value:,}" for name, value in results.items())

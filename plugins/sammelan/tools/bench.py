"""`invoke bench`: Sammelan's build against vanilla Pelican on the same number of HTML pages.

One run, in a temporary folder:

1. `synthetic.make_project` writes a project of N conclaves (code, settings, sources);
2. one unmeasured build of it (it also compiles the copied code) gives the number of HTML
   pages, H; a vanilla Pelican site is then written with H - 1 Markdown articles of the
   same prose (about 300 words each, Hindi and English), plain Pelican with its default
   theme and no plugins, set to write only the articles and its index (no tag, category,
   author or archive pages, no pagination; its default Atom feeds stay): H pages too. Both
   counts are measured, and must agree;
3. each measured build is a child process (`python -m sammelan build --strict`, with
   SOURCE_DATE_EPOCH; `python -m pelican`), taken alone with `os.wait4`: its CPU time
   (user + system), wall time and peak memory (ru_maxrss). Full builds go into a fresh empty
   folder and alternate, Sammelan then Pelican, `runs` times; after each full Sammelan build
   come a rebuild with nothing changed and, after an unmeasured edit that makes the
   spare site an organizer's repeated builds have (manifest.py), a rebuild after another
   organizer's edit (`synthetic.edit`), into the same folder; the edit is then undone;
4. medians are reported, with the page weights of the Sammelan site.

Times depend on the machine: they are reported, never asserted.
"""

from __future__ import annotations

import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sammelan.tools import synthetic

EPOCH = 1767205800  # 1 January 2026 IST: some synthetic conclaves are past, some upcoming
CONCLAVES, RUNS = 10, 3
PELICAN_SETTINGS = '''"""Vanilla Pelican for `invoke bench`: the default theme, no plugins, and
only articles and the index as HTML pages, to match the number of Sammelan's pages."""

AUTHOR = "Bench"
SITENAME = "Vanilla Pelican"
SITEURL = "https://vanilla.example.org"
PATH = "content"
TIMEZONE = "Asia/Kolkata"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = False
DIRECT_TEMPLATES = ["index"]
TAG_SAVE_AS = CATEGORY_SAVE_AS = AUTHOR_SAVE_AS = ""
'''


class BenchError(RuntimeError):
    """A build of the bench failed, or the two sites do not have the same number of pages."""


@dataclass(frozen=True)
class Sample:
    wall: float  # seconds
    cpu: float  # seconds, user + system, of the child alone
    rss: int  # peak resident memory of the child, KiB (Linux's ru_maxrss)


def measure(argv: list[str], cwd: Path, env: dict[str, str], log: Path) -> Sample:
    """Run one build as a child process and take its own resource usage."""
    with log.open("ab") as out:
        out.write(f"$ {' '.join(argv)}\n".encode())
        out.flush()
        start = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    if child.returncode:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise BenchError(f"`{' '.join(argv)}` exited with {child.returncode}:\n{tail}")
    return Sample(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)


class Bench:
    """The two projects of one bench run, in `folder`, and how to build each."""

    def __init__(self, folder: Path, conclaves: int):
        self.folder, self.conclaves = folder, conclaves
        self.project = folder / "sammelan"
        self.vanilla = folder / "pelican"
        self.log = folder / "builds.log"
        self.plan = synthetic.make_project(self.project, conclaves)
        env = {k: v for k, v in os.environ.items()
               if k not in ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE")}
        env["SOURCE_DATE_EPOCH"] = str(EPOCH)
        self.pelican_env = env
        self.sammelan_env = {**env, "PYTHONPATH": str(self.project / "plugins")}

    def sammelan(self, output: Path) -> Sample:
        return measure([sys.executable, "-m", "sammelan", "build", "--strict", "--settings",
                        str(self.project / "pelicanconf.py"), "--output", str(output)],
                       self.project, self.sammelan_env, self.log)

    def pelican(self, output: Path) -> Sample:
        return measure([sys.executable, "-m", "pelican", "content", "-s", "conf.py",
                        "-o", str(output)], self.vanilla, self.pelican_env, self.log)

    def write_vanilla(self, articles: int) -> None:
        """The vanilla site: `articles` Markdown articles made of the synthetic conclaves'
        descriptions, Hindi and English in turn."""
        content = self.vanilla / "content"
        content.mkdir(parents=True)
        (self.vanilla / "conf.py").write_text(PELICAN_SETTINGS, encoding="utf-8")
        texts = [(slug, lang) for slug in self.plan.conclave_slugs for lang in ("hi", "en")]
        for k in range(articles):
            slug, lang = texts[k % len(texts)]
            data = self.plan.conclave_data[slug]
            body = self.plan.files[f"content/conclaves/{slug}.{lang}.md"]
            (content / f"article-{k + 1}.md").write_text(
                f"Title: {data['title'][lang]} ({k + 1})\nDate: {data['start']} 10:00\n"
                f"Category: conclaves\nSlug: article-{k + 1}\n\n{body}", encoding="utf-8")


def html_pages(output: Path) -> int:
    return sum(1 for _ in output.rglob("*.html"))


def weigh(output: Path, conclaves: list[str]) -> dict[str, int | float]:
    """The size of the built Sammelan site."""
    files = [p for p in output.rglob("*") if p.is_file()]
    zipped = [len(gzip.compress((output / "conclaves" / slug / "index.html").read_bytes(), 9,
                                mtime=0)) for slug in conclaves]
    return {"output_bytes": sum(p.stat().st_size for p in files), "output_files": len(files),
            "conclave_page_gzip_median": statistics.median(zipped),
            "conclave_page_gzip_max": max(zipped),
            "calendar_ics_bytes": (output / "calendar.ics").stat().st_size}


def _median(samples: list[Sample]) -> dict[str, float]:
    return {"wall_s": statistics.median(s.wall for s in samples),
            "cpu_s": statistics.median(s.cpu for s in samples),
            "peak_rss_mib": statistics.median(s.rss for s in samples) / 1024}


def run(conclaves: int = CONCLAVES, runs: int = RUNS) -> dict:
    """Measure; return the results (see `report`)."""
    if runs < 1:
        raise ValueError("at least one run")
    with tempfile.TemporaryDirectory(prefix="sammelan-bench-") as tmp:
        bench = Bench(Path(tmp), conclaves)
        warm = bench.folder / "warm-sammelan"
        bench.sammelan(warm)  # unmeasured: compiles the copied code, counts the pages
        pages = html_pages(warm)
        bench.write_vanilla(pages - 1)  # and Pelican's index.html
        bench.pelican(bench.folder / "warm-pelican")
        pelican_pages = html_pages(bench.folder / "warm-pelican")
        if pelican_pages != pages:
            raise BenchError(f"Pelican wrote {pelican_pages} HTML pages, Sammelan {pages}")
        weights = weigh(warm, bench.plan.conclave_slugs)
        pelican_weights = {"output_bytes": sum(p.stat().st_size for p in
                                               (bench.folder / "warm-pelican").rglob("*")
                                               if p.is_file())}
        full, vanilla, again, edited = [], [], [], []
        for r in range(runs):
            output, other = bench.folder / f"sammelan-{r}", bench.folder / f"pelican-{r}"
            full.append(bench.sammelan(output))
            vanilla.append(bench.pelican(other))
            again.append(bench.sammelan(output))
            # An organizer's site has been built before: the first edit after a full build
            # also makes the spare site (see manifest.py), so the second edit is measured.
            synthetic.edit(bench.project, conclaves, variant=2)
            bench.sammelan(output)
            change = synthetic.edit(bench.project, conclaves, variant=3)
            edited.append(bench.sammelan(output))
            synthetic.undo(bench.project, conclaves, change)
            shutil.rmtree(output)
            shutil.rmtree(other)
    sammelan, pelican = _median(full), _median(vanilla)
    return {
        "conclaves": conclaves, "runs": runs,
        "html_pages": {"sammelan": pages, "pelican": pelican_pages},
        "sammelan": {"full": sammelan, "no_change": _median(again), "one_edit": _median(edited)},
        "pelican": {"full": pelican},
        "per_page": {
            "sammelan_cpu_ms": 1000 * sammelan["cpu_s"] / pages,
            "pelican_cpu_ms": 1000 * pelican["cpu_s"] / pelican_pages,
            "sammelan_wall_ms": 1000 * sammelan["wall_s"] / pages,
            "pelican_wall_ms": 1000 * pelican["wall_s"] / pelican_pages,
            "cpu_ratio": (sammelan["cpu_s"] / pages) / (pelican["cpu_s"] / pelican_pages),
        },
        "weight": weights,
        "pelican_weight": pelican_weights,
    }


def report(results: dict) -> str:
    """The results as a table."""
    n, runs = results["conclaves"], results["runs"]
    pages = results["html_pages"]
    per = results["per_page"]
    rows = [("Sammelan, full build", results["sammelan"]["full"]),
            ("Pelican (vanilla), full build", results["pelican"]["full"]),
            ("Sammelan, rebuild, no change", results["sammelan"]["no_change"]),
            ("Sammelan, rebuild, one edit", results["sammelan"]["one_edit"])]
    lines = [f"{n} conclaves, median of {runs} run(s); HTML pages: Sammelan {pages['sammelan']:,},"
             f" Pelican {pages['pelican']:,}", "",
             f"{'build':32}{'wall s':>9}{'CPU s':>9}{'peak MiB':>10}{'CPU ms/page':>13}"]
    for name, sample in rows:
        per_page = 1000 * sample["cpu_s"] / pages["sammelan"]  # the two counts are equal
        lines.append(f"{name:32}{sample['wall_s']:9.2f}{sample['cpu_s']:9.2f}"
                     f"{sample['peak_rss_mib']:10.1f}{per_page:13.2f}")
    weight = results["weight"]
    lines += ["",
              f"CPU per HTML page, Sammelan / Pelican: {per['cpu_ratio']:.2f}"
              f" ({per['sammelan_cpu_ms']:.2f} ms / {per['pelican_cpu_ms']:.2f} ms;"
              f" wall {per['sammelan_wall_ms']:.2f} ms / {per['pelican_wall_ms']:.2f} ms)",
              "",
              f"{'Sammelan output':32}{weight['output_bytes']:>12,} bytes in "
              f"{weight['output_files']:,} files (Pelican's: "
              f"{results['pelican_weight']['output_bytes']:,} bytes)",
              f"{'conclave page, gzip -9':32}{weight['conclave_page_gzip_median']:>12,.0f} bytes "
              f"median, {weight['conclave_page_gzip_max']:,} max (conclaves/<slug>/index.html)",
              f"{'calendar.ics':32}{weight['calendar_ics_bytes']:>12,} bytes"]
    return "\n".join(lines)


def preview_latency(project: Path, edits: int = 5) -> list[float]:
    """Seconds from saving an edit to the preview serving it: `invoke serve` on a copy of
    the project's own content, whose first conclave's English title is changed `edits`
    times; each time the conclave's page is fetched until it shows the new title."""
    import urllib.request

    import yaml

    from sammelan.tools.preview import Preview

    with tempfile.TemporaryDirectory(prefix="sammelan-preview-") as tmp:
        root = Path(tmp) / "project"
        for name in (*synthetic.CODE, "data", "content"):
            shutil.copytree(project / name, root / name,
                            ignore=shutil.ignore_patterns("__pycache__"))
        for name in synthetic.SETTINGS:
            shutil.copy(project / name, root / name)
        source = sorted((root / "data/conclaves").glob("*.yaml"))[0]
        text = source.read_text(encoding="utf-8")
        title = yaml.safe_load(text)["title"]["en"]
        page = f"en/conclaves/{source.stem}/"
        preview = Preview(root, "pelicanconf.py", root / "output", port=0, log=lambda _: None)
        preview.start()
        found = []
        try:
            for i in range(1, edits + 1):
                marked = f"{title} (edit {i})"
                source.write_text(text.replace(title, marked, 1), encoding="utf-8")
                start = time.perf_counter()
                while marked not in urllib.request.urlopen(preview.url + page).read().decode():
                    if time.perf_counter() - start > 60:
                        raise BenchError(f"the preview did not show edit {i} within 60 s")
                    time.sleep(0.01)
                found.append(time.perf_counter() - start)
                time.sleep(0.5)  # the next save comes after the preview settled
        finally:
            preview.stop()
    return found

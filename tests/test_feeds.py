"""The Atom feeds: one per language, of the news and the conclaves."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from breaking import JHANSI, edit
from conftest import copy_project
from lxml import etree
from sammelan.build import build
from sammelan.model.loader import load_site
from sammelan.options import BuildOptions
from sammelan.tools import entry_history
from sammelan.tools.record import record
from seo_pages import SITEURL

A = {"a": "http://www.w3.org/2005/Atom"}
FEEDS = {"hi": "feed.atom.xml", "en": "en/feed.atom.xml"}


def feed(output, lang) -> ET.Element:
    return ET.parse(output / FEEDS[lang]).getroot()


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_feed_parses_and_says_what_and_whose_it_is(published_dir, lang):
    root = feed(published_dir, lang)
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
    prefix = "en/" if lang == "en" else ""
    assert root.findtext("a:id", namespaces=A) == f"{SITEURL}/{prefix}"
    self_link = root.find("a:link[@rel='self']", A).get("href")
    assert self_link == f"{SITEURL}/{FEEDS[lang]}"
    assert root.findtext("a:author/a:name", namespaces=A)


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_feed_has_every_conclave_and_news_item_with_a_date(published_dir, lang):
    root = feed(published_dir, lang)
    entries = root.findall("a:entry", A)
    ids = [e.findtext("a:id", namespaces=A) for e in entries]
    prefix = f"{SITEURL}/en/" if lang == "en" else f"{SITEURL}/"
    assert sum(i.startswith(prefix + "conclaves/") for i in ids) == 4
    assert prefix + "news/msme-defence-conclave-jharkhand-first/" in ids
    stamps = [dt.datetime.fromisoformat(e.findtext("a:updated", namespaces=A)) for e in entries]
    assert stamps == sorted(stamps, reverse=True)
    newest = dt.datetime.fromisoformat(root.findtext("a:updated", namespaces=A))
    assert newest == stamps[0]
    for entry in entries:
        assert entry.findtext("a:title", namespaces=A)
        assert entry.find("a:link", A).get("href") == entry.findtext("a:id", namespaces=A)
        assert entry.find("a:content", A).get("type") == "html"


def test_english_feed_summarises_jamshedpur_in_english(published_dir):
    root = feed(published_dir, "en")
    entry = next(e for e in root.findall("a:entry", A)
                 if e.findtext("a:title", namespaces=A) == "MSME Defence Conclave 2026")
    assert entry.findtext("a:summary", namespaces=A).startswith("16–17 January 2026")
    news = next(e for e in root.findall("a:entry", A) if e.find("a:published", A) is not None)
    assert news.findtext("a:published", namespaces=A) == "2026-01-03T21:40:00+05:30"


SHIMLA_EN = "content/conclaves/msme-cluster-workshop-shimla-2025.en.md"
PARWANOO = "data/conclaves/ramp-awareness-parwanoo-2025.yaml"
FIRST, SECOND, THIRD = (dt.datetime(2025, month, 1, 4, 30, tzinfo=dt.UTC) for month in (8, 9, 10))


def git(repo: Path, *args: str, when: dt.datetime | None = None) -> None:
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
               GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org")
    if when:
        env.update(GIT_AUTHOR_DATE=when.isoformat(), GIT_COMMITTER_DATE=when.isoformat())
    subprocess.run(["git", "-C", str(repo), *args], env=env, check=True, capture_output=True)


def commit(repo: Path, when: dt.datetime) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", str(when), when=when)


def entry_times(output: Path, lang: str) -> dict[str, dt.datetime]:
    """Each conclave entry's `updated`, by slug, as lxml (not the ElementTree that wrote the
    feed) reads it."""
    root = etree.parse(str(output / FEEDS[lang])).getroot()
    found = {}
    for entry in root.iterfind("a:entry", A):
        slug = entry.findtext("a:id", namespaces=A).rstrip("/").rpartition("/")[2]
        found[slug] = dt.datetime.fromisoformat(entry.findtext("a:updated", namespaces=A))
    return found


def test_an_entry_is_updated_when_its_words_change_not_when_its_files_do(tmp_path):
    """Atom's `updated` is when the entry changed in a way that matters to its reader: a
    commit that changes a conclave's file but nothing its entry says leaves the entry's time
    alone; one that changes the English description only updates the English entry; words
    changed after the record take their commit's time. A shallow clone, without the history,
    builds these times from data/changed.json."""
    repo = copy_project(tmp_path / "repo")
    git(repo, "init", "-q")
    commit(repo, FIRST)
    edit(repo, JHANSI, "status: unreported  #", "status: unreported  # still; ")  # a comment
    edit(repo, JHANSI, "start: \"15:00\"", "start: \"15:30\"")  # a session: not in the entry
    edit(repo, SHIMLA_EN, "held an awareness workshop", "held a workshop")
    commit(repo, SECOND)
    record(repo, BuildOptions(epoch=None))
    edit(repo, PARWANOO, "RAMP awareness programme", "RAMP programme")  # after the record
    commit(repo, THIRD)

    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    site, _ = load_site(clone, dt.date(2025, 12, 1))
    files_changed = {c.slug: c.updated for c in site.conclaves}
    assert files_changed["msme-for-bharat-jhansi-2025"] == SECOND
    assert build(clone / "publishconf.py", clone / "output", BuildOptions()) == 0
    english, hindi = entry_times(clone / "output", "en"), entry_times(clone / "output", "hi")
    assert english["msme-for-bharat-jhansi-2025"] == hindi["msme-for-bharat-jhansi-2025"] == FIRST
    assert english["msme-cluster-workshop-shimla-2025"] == SECOND
    assert hindi["msme-cluster-workshop-shimla-2025"] == FIRST
    assert english["ramp-awareness-parwanoo-2025"] == THIRD
    assert english["msme-defence-conclave-2026"] == FIRST


def test_the_history_reads_each_entry_as_the_build_does(tmp_path):
    """invoke calendar-sequences reads old versions of the sources without the loader
    (tools/entry_history.py): of the committed fixture it must find every entry's words,
    in both languages, exactly as the build has them, or no recorded time would ever
    match."""
    repo = copy_project(tmp_path / "repo")
    git(repo, "init", "-q")
    commit(repo, FIRST)
    site, _ = load_site(repo, dt.date(2025, 12, 1))
    found = entry_history.last_changes(repo, {c.slug for c in site.conclaves})
    assert {key: change.digest for key, change in found.items()} == \
        entry_history.said_now(site)
    assert len(found) == 2 * len(site.conclaves) == 8
    assert {change.at for change in found.values()} == {FIRST}


def test_recording_again_keeps_each_entry_and_each_source_at_its_own_time(tmp_path):
    """A second `invoke calendar-sequences` after a commit: the conclave whose file changed
    gets that commit's time as a source, its entry keeps its time while its words stay, and
    the entry whose words changed gets the commit's time."""
    repo = copy_project(tmp_path / "repo")
    git(repo, "init", "-q")
    commit(repo, FIRST)
    record(repo, BuildOptions(epoch=None))
    edit(repo, JHANSI, "start: \"15:00\"", "start: \"15:30\"")
    edit(repo, SHIMLA_EN, "held an awareness workshop", "held a workshop")
    commit(repo, SECOND)
    record(repo, BuildOptions(epoch=None))
    saved = json.loads((repo / "data/changed.json").read_text(encoding="utf-8"))
    at = {key: dt.datetime.fromisoformat(value["changed"]) for key, value in saved.items()}
    assert at["conclaves/msme-for-bharat-jhansi-2025"] == SECOND
    assert at["conclaves/msme-defence-conclave-2026"] == FIRST
    assert at["feed/en/conclaves/msme-for-bharat-jhansi-2025"] == FIRST
    assert at["feed/en/conclaves/msme-cluster-workshop-shimla-2025"] == SECOND
    assert at["feed/hi/conclaves/msme-cluster-workshop-shimla-2025"] == FIRST

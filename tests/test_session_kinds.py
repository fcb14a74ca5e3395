"""The session kinds of a full agenda (registration, breaks, networking, a press
conference, the closing and valedictory sessions): named in both languages on the page and
in the schedules; a break is a pause, with no calendar link and no structured-data event."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from breaking import JHANSI
from conftest import build_into, copy_project, parse
from seo_pages import of_type

PAGE = "conclaves/msme-for-bharat-jhansi-2025/"
PREFIXES = {"hi": "", "en": "en/"}
# id, kind, start, end; then the label each language gives the kind
ADDED = [
    ("registration", "registration", "14:00", "14:30", "पंजीकरण", "Registration"),
    ("press-meet", "press-conference", "14:30", "15:00", "प्रेस वार्ता", "Press conference"),
    ("tea", "tea-break", "18:00", "18:15", "चाय अवकाश", "Tea break"),
    ("valedictory", "valedictory", "18:15", "18:45", "समापन सत्र", "Valedictory session"),
    ("closing", "closing", "18:45", "19:00", "समापन", "Closing"),
    ("networking", "networking", "19:00", "19:30", "नेटवर्किंग", "Networking"),
    ("dinner", "lunch-break", "19:30", "20:00", "भोजन अवकाश", "Lunch break"),
]
BREAKS = {"tea", "dinner"}


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("kinds") / "project")
    path = project / JHANSI
    text = path.read_text(encoding="utf-8")
    for session_id, kind, start, end, _, _ in ADDED:
        # titles that do not name the kind, so the page names it beside them
        text += (f"  - id: {session_id}\n    title:\n      hi: '{start} का कार्यक्रम'\n"
                 f"      en: 'Item at {start}'\n    kind: {kind}\n"
                 f'    date: "2025-09-19"\n    start: "{start}"\n    end: "{end}"\n')
    path.write_text(text, encoding="utf-8")
    built = project.parent / "output"
    assert build_into(built, "publishconf.py", root=project) == 0
    return built


def sessions(output: Path, lang: str) -> dict[str, object]:
    tree = parse(output / PREFIXES[lang] / PAGE / "index.html")
    return {li.get("id").removeprefix("session-"): li for li in tree.find_class("session")}


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_each_kind_is_named_in_the_readers_language(output, lang):
    found = sessions(output, lang)
    for session_id, _, _, _, hindi, english in ADDED:
        (tag,) = found[session_id].find_class("tag")
        assert tag.text_content() == (hindi if lang == "hi" else english)


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_the_kind_is_left_out_where_the_title_says_it(published_dir, lang):
    """"सेमिनार · सेमिनार" says nothing twice: Jamshedpur's seminars, workshops and
    exhibition are titled by their kind (or its plural), so they carry no label."""
    tree = parse(published_dir / PREFIXES[lang] / "conclaves/msme-defence-conclave-2026/index.html")
    found = {li.get("id").removeprefix("session-"): li for li in tree.find_class("session")}
    assert len(found) == 6
    assert [i for i, li in found.items() if li.find_class("tag")] == []


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_a_break_has_no_calendar_link_of_its_own(output, lang):
    found = sessions(output, lang)
    for session_id, *_ in ADDED:
        links = found[session_id].find_class("calendar-links")
        assert (not links) == (session_id in BREAKS), session_id


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_structured_data_leaves_the_breaks_out(output, lang):
    (event,) = of_type(output / PREFIXES[lang] / PAGE / "index.html", "Event")
    anchors = {e["url"].rsplit("#session-", 1)[1] for e in event["subEvent"]}
    added = {session_id for session_id, *_ in ADDED}
    assert anchors & added == added - BREAKS


@pytest.mark.parametrize("lang", ["hi", "en"])
def test_schedules_give_each_kind_as_type_and_its_label_as_track(output, lang):
    data = json.loads((output / PREFIXES[lang] / PAGE / "schedule.json").read_text("utf-8"))
    events = {e["url"].rsplit("#session-", 1)[1]: e
              for d in data["schedule"]["conference"]["days"]
              for r in d["rooms"].values() for e in r}
    for session_id, kind, _, _, hindi, english in ADDED:
        assert events[session_id]["type"] == kind
        assert events[session_id]["track"] == (hindi if lang == "hi" else english)

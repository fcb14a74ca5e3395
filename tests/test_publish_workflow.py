"""The GitHub Pages workflow (.github/workflows/pages.yml), checked as far as it can be
without GitHub: it is YAML of the shape Pages deploys from, every command it runs is the
project's own (a make target, an invoke task with options it has), and it uploads the
folder the build writes."""

from __future__ import annotations

import inspect
import re
import shlex

import pytest
import yaml
from conftest import ROOT
from invoke import Collection

import tasks

WORKFLOW = ROOT / ".github/workflows/pages.yml"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def commands(workflow: dict) -> list[list[str]]:
    return [shlex.split(line) for step in steps(workflow) if "run" in step
            for line in step["run"].splitlines() if line.strip()]


def make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w.-]*):", makefile, re.M))


def invoke_options(name: str) -> set[str]:
    """The command-line options of an invoke task, as invoke spells them."""
    task = Collection.from_module(tasks)[name]
    parameters = list(inspect.signature(task.body).parameters)[1:]  # after the context
    return {"--" + p.replace("_", "-") for p in parameters}


def test_the_workflow_runs_only_the_projects_own_commands(workflow):
    found = commands(workflow)
    assert found == [["make", "bootstrap"], [".venv/bin/invoke", "build", "--publish"]]
    for command in found:
        if command[0] == "make":
            assert set(command[1:]) <= make_targets(), command
        else:
            assert command[0] == ".venv/bin/invoke"
            task, options = command[1], command[2:]
            assert set(options) <= invoke_options(task), command


def test_the_bootstrap_target_prepares_the_build_and_nothing_more():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^bootstrap: \$\(PY_STAMP\)\n\n", makefile, re.M)
    assert "bootstrap" in re.search(r"^\.PHONY: (.*)$", makefile, re.M)[1].split()


def test_it_checks_out_the_whole_history_and_uploads_the_built_site(workflow):
    uses = {step["uses"].split("@")[0]: step for step in steps(workflow) if "uses" in step}
    assert uses["actions/checkout"]["with"]["fetch-depth"] == 0
    assert "python-version" in uses["actions/setup-python"]["with"]
    # the folder `invoke build` writes unless told otherwise
    default_output = inspect.signature(tasks.build.body).parameters["output"].default
    assert uses["actions/upload-pages-artifact"]["with"]["path"] == default_output
    assert "actions/deploy-pages" in uses
    assert all(re.fullmatch(r"[\w-]+/[\w-]+@v\d+", step["uses"])
               for step in steps(workflow) if "uses" in step)


def test_it_publishes_on_push_every_night_and_by_hand_with_pages_rights(workflow):
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    # "today" decides what is upcoming: a nightly build moves a finished conclave to the past
    assert len(triggers["schedule"]) == 1
    assert workflow["permissions"] == {"contents": "read", "pages": "write",
                                       "id-token": "write"}
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"

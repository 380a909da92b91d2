"""Supply chain: every GitHub Action is pinned to a full commit SHA with its version in
a comment (Dependabot keeps both current), every workflow starts from no permissions
and each job asks for what it needs, and every Python package is pinned with hashes."""
from __future__ import annotations

import re

import pytest
import yaml

from hooks.lib.definitions import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
USES = re.compile(r"^\s*(?:-\s*)?uses:\s*(\S+)(.*)$")


def test_there_are_workflows_to_check():
    assert {w.name for w in WORKFLOWS} >= {"ci.yml", "pages.yml", "external-links.yml", "dependencies.yml"}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_named(workflow):
    loose = []
    for number, line in enumerate(workflow.read_text(encoding="utf-8").splitlines(), start=1):
        if match := USES.match(line):
            action, rest = match.groups()
            if action.startswith("./"):
                continue  # an action in this repository
            if not re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", action) or not re.search(r"#\s*v\d", rest):
                loose.append(f"line {number}: {action}{rest}")
    assert loose == []


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_every_workflow_grants_least_privilege(workflow):
    spec = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    assert "permissions" in spec, "no top-level permissions: the token gets the repository default"
    top = spec["permissions"]
    assert top in ({}, {"contents": "read"}), f"top-level permissions too wide: {top}"
    for name, job in spec["jobs"].items():
        for scope, level in (job.get("permissions") or {}).items():
            assert level in {"read", "write", "none"}, f"{name}: {scope}: {level}"


def test_dependabot_keeps_the_action_pins_current():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    assert {u["package-ecosystem"] for u in config["updates"]} >= {"github-actions"}


def test_every_python_package_is_pinned_with_a_hash():
    lock = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[a-z0-9])", lock.split("\n", 1)[1] if lock.startswith("#") else lock)
    packages = [b for b in blocks if re.match(r"[a-z0-9][\w.-]*==", b)]
    assert len(packages) > 50
    unhashed = [b.split()[0] for b in packages if "--hash=sha256:" not in b]
    assert unhashed == []

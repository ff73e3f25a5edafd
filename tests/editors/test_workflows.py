"""The GitHub workflows: they parse, follow GitHub's workflow schema (checked offline with the
schema check-jsonschema ships), pin every action to a full commit SHA with its version in a
comment, ask for the least permissions, and their shell steps work when run here."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
FILES = sorted(WORKFLOWS.glob("*.yml"))
VALID = ROOT / "tests" / "fixtures" / "valid"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"#\s*v\d+\.\d+\.\d+\s*$")


def load(path: Path) -> dict:
    doc = yaml.safe_load(path.read_text("utf-8"))
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean True.
    if True in doc:
        doc["on"] = doc.pop(True)
    return doc


def steps(doc: dict):
    for job_id, job in doc["jobs"].items():
        for step in job["steps"]:
            yield job_id, step


def step_named(doc: dict, job_id: str, name: str) -> dict:
    return next(s for s in doc["jobs"][job_id]["steps"] if s.get("name") == name)


def test_expected_workflows_exist():
    assert {p.name for p in FILES} >= {"pr.yml", "deploy.yml", "stale.yml"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_structure(path):
    doc = load(path)
    assert doc.get("name") and doc.get("on") and doc.get("jobs")
    assert "permissions" in doc, "set top-level permissions so the token gets nothing by default"
    for job_id, job in doc["jobs"].items():
        assert job.get("runs-on"), job_id
        assert isinstance(job.get("timeout-minutes"), int), f"{job_id}: set timeout-minutes"
        assert job.get("steps"), job_id
    for job_id, step in steps(doc):
        assert ("uses" in step) != ("run" in step), f"{job_id}: a step has uses or run: {step}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_actions_pinned_to_commit_with_version_comment(path):
    doc = load(path)
    used = [step["uses"] for _, step in steps(doc) if "uses" in step]
    for ref in used:
        assert PINNED.match(ref), f"{ref}: pin to a full 40-character commit SHA"
        assert not re.search(r"@(main|master|v\d+)$", ref)
    for line in path.read_text("utf-8").splitlines():
        if re.match(r"\s*(- )?uses:", line):
            assert VERSION_COMMENT.search(line), f"name the release in a comment: {line.strip()}"


def test_same_action_same_pin_everywhere():
    pins: dict[str, set[str]] = {}
    for path in FILES:
        for _, step in steps(load(path)):
            if "uses" in step:
                action, sha = step["uses"].split("@")
                pins.setdefault(action, set()).add(sha)
    assert pins and all(len(shas) == 1 for shas in pins.values()), pins


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_least_permissions(path):
    doc = load(path)
    assert doc["permissions"] in ({}, {"contents": "read"})
    for job_id, job in doc["jobs"].items():
        granted = job.get("permissions", doc["permissions"])
        assert granted != "write-all"
        writes = {k for k, v in granted.items() if v == "write"}
        assert writes <= {"pages", "id-token"}, f"{job_id} writes {writes}"
        if writes:
            assert path.name == "deploy.yml" and job_id == "deploy"


def test_pull_requests_validate_test_and_build():
    doc = load(WORKFLOWS / "pr.yml")
    assert set(doc["on"]) == {"pull_request"}  # never pull_request_target: forks get no secrets
    runs = "\n".join(step.get("run", "") for _, step in steps(doc))
    assert "hedersite validate" in runs and "make test" in runs and "make build" in runs
    for job in doc["jobs"].values():
        # Debian's chromium (the Ubuntu runner's apt package is a snap) and Python 3.11.
        assert job["container"]["image"].startswith("debian:bookworm")


def test_deploy_uses_official_pages_actions():
    doc = load(WORKFLOWS / "deploy.yml")
    assert doc["on"]["push"]["branches"] == ["main"]
    used = [step["uses"].split("@")[0] for _, step in steps(doc) if "uses" in step]
    assert {"actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"} <= set(used)
    deploy = doc["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    upload = next(s for _, s in steps(doc) if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    runs = "\n".join(step.get("run", "") for _, step in steps(doc))
    assert runs.index("make test") < runs.index("make build")


def test_stale_runs_weekly_and_reads_only():
    doc = load(WORKFLOWS / "stale.yml")
    (cron,) = [entry["cron"] for entry in doc["on"]["schedule"]]
    minute, hour, day, month, weekday = cron.split()
    assert day == "*" and month == "*" and re.fullmatch(r"[0-6]", weekday)
    assert doc["permissions"] == {"contents": "read"}


def test_workflows_match_githubs_schema():
    # The schema is vendored in check-jsonschema: no network at test time.
    result = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.github-workflows", *map(str, FILES)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_shell_steps_are_valid_bash(path):
    for job_id, step in steps(load(path)):
        if "run" in step:
            script = re.sub(r"\$\{\{.*?\}\}", "x", step["run"])
            result = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True)
            assert result.returncode == 0, f"{path.name} {job_id} {step.get('name')}: {result.stderr}"


def run_step(script: str, tmp_path: Path, data: Path, today: str | None = None) -> subprocess.CompletedProcess:
    """Run a workflow step here as GitHub would, against a copy of the data."""
    options = f"--data {data}" + (f" --today {today}" if today else "")
    script = script.replace("-m hedersite ", f"-m hedersite {options} ").replace(".venv/bin/python", sys.executable)
    summary = tmp_path / "summary.md"
    env = {**os.environ, "GITHUB_ACTIONS": "true", "RUNNER_TEMP": str(tmp_path),
           "GITHUB_STEP_SUMMARY": str(summary)}
    return subprocess.run(["bash", "-e", "-o", "pipefail", "-c", script], cwd=ROOT, env=env,
                          capture_output=True, text=True)


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(VALID, target)
    return target


def test_pr_data_check_annotates_and_explains(tmp_path, data):
    script = step_named(load(WORKFLOWS / "pr.yml"), "validate", "Check the data")["run"]
    path = data / "contacts" / "centre-one.yaml"
    path.write_text(path.read_text("utf-8").replace('e164: "+4620340303"', 'e164: "+462034030"'), "utf-8")
    result = run_step(script, tmp_path, data)
    assert result.returncode == 1
    assert re.search(r"^::error file=.*centre-one\.yaml,line=\d+::phones\[0\]\.e164: ", result.stdout, re.M)
    summary = (tmp_path / "summary.md").read_text("utf-8")
    assert "Data check failed" in summary and "centre-one.yaml:" in summary and "::error" not in summary


def test_pr_data_check_passes_on_valid_data(tmp_path, data):
    script = step_named(load(WORKFLOWS / "pr.yml"), "validate", "Check the data")["run"]
    result = run_step(script, tmp_path, data)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Data check passed" in (tmp_path / "summary.md").read_text("utf-8")


def test_stale_summary_lists_old_contacts(tmp_path, data):
    doc = load(WORKFLOWS / "stale.yml")
    script = step_named(doc, "stale", "List contacts not verified for 12 months")["run"]
    result = run_step(script, tmp_path, data, today="2028-01-15")
    assert result.returncode == 0, result.stdout + result.stderr
    summary = (tmp_path / "summary.md").read_text("utf-8")
    assert "Centre One" in summary and "Polisen" in summary
    assert "more than 12 months ago" in summary  # the validator's warning

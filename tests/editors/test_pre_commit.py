""".pre-commit-config.yaml: the data check as a local hook on data/, and hygiene hooks from
pre-commit-hooks pinned to a commit (pre-commit itself would need the network to run them)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CONFIG = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))


def repo(url: str) -> dict:
    return next(r for r in CONFIG["repos"] if r["repo"] == url)


def test_local_hook_runs_the_validator_on_data():
    (hook,) = repo("local")["hooks"]
    assert hook["entry"].endswith("validate") and hook["pass_filenames"] is False
    assert re.match(hook["files"], "data/contacts/origo-stockholm.yaml")
    assert not re.match(hook["files"], "docs/sv/index.md")
    assert "validate:" in (ROOT / "Makefile").read_text("utf-8")


def test_hygiene_hooks_pinned_to_a_commit():
    hooks = repo("https://github.com/pre-commit/pre-commit-hooks")
    assert re.fullmatch(r"[0-9a-f]{40}", hooks["rev"])
    ids = {h["id"] for h in hooks["hooks"]}
    assert ids >= {"trailing-whitespace", "end-of-file-fixer", "check-yaml", "check-json",
                   "check-merge-conflict", "mixed-line-ending"}
    text = (ROOT / ".pre-commit-config.yaml").read_text("utf-8")
    assert re.search(rf"rev: {hooks['rev']}\s+# frozen: v\d+\.\d+\.\d+", text)


def test_check_yaml_accepts_mkdocs_env_tag():
    check = next(h for h in repo("https://github.com/pre-commit/pre-commit-hooks")["hooks"]
                 if h["id"] == "check-yaml")
    assert "!ENV" in (ROOT / "mkdocs.yml").read_text("utf-8")
    assert "--unsafe" in check.get("args", [])

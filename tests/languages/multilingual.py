"""A copy of the project for the two states the real site never shows: a page that falls
back to Swedish (static-i18n's fallback_to_default, off in the site) and a translation a
person has reviewed (every translation is a machine draft today).

The copy builds Swedish and Arabic only, turns the fallback on, removes one Arabic page so
that it is built from the Swedish one, and marks another Arabic page as reviewed.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from hedersite import bench

LOCALES = ("sv", "ar")
FALLS_BACK = "integritet.md"         # removed from docs/ar/: built from docs/sv/
REVIEWED = "nationella-linjer.md"    # marked `translation: reviewed` in docs/ar/


def _i18n(config: dict) -> dict:
    return next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)


def make(project: Path) -> None:
    bench.copy_project(project)
    config_file = project / "mkdocs.yml"
    config = yaml_load(config_file.read_text("utf-8"))
    i18n = _i18n(config)
    i18n["fallback_to_default"] = True
    i18n.pop("build_only_locale", None)
    for lang in i18n["languages"]:
        lang["build"] = lang["locale"] in LOCALES
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    arabic = project / "docs" / "ar"
    (arabic / FALLS_BACK).unlink()
    reviewed = arabic / REVIEWED
    text = reviewed.read_text("utf-8")
    reviewed.write_text(re.sub(r"^translation: draft$", "translation: reviewed", text, count=1, flags=re.M), "utf-8")


def build(project: Path, site: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(project / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BUILD_ONLY_LOCALE", None)
    result = subprocess.run([sys.executable, "-m", "hedersite", "build", "--site-dir", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]

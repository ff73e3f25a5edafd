"""A copy of the project with its configured languages built, for the language tests.

Most languages have `build: false` until translators write their pages, yet their <html
lang>, direction, notes and fonts must be right the day they are switched on. The copy turns
the languages on, gives each a home page and the national lines page in its own words (draft
translations made of its own UI strings, so only characters the font subsets cover) and
fills the UI strings it lacks from English. With `fallback=True` the pages a language lacks
are built from Swedish (static-i18n's fallback_to_default), to check how they are marked.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from hedersite import bench

# The pages each language gets: its data marker and its translation state.
OWN_PAGES = {"index.md": ("<!-- data:emergency -->", "draft"),
             "nationella-linjer.md": ("<!-- data:national-lines -->", "reviewed")}


def _i18n(config: dict) -> dict:
    return next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)


def page(ui: dict, site_name: str, marker: str, state: str) -> str:
    return (f"---\ntitle: {json.dumps(site_name, ensure_ascii=False)}\ntranslation: {state}\n---\n\n"
            f"# {site_name}\n\n{ui['translation.fallback']}\n\n{marker}\n")


def make(project: Path, locales=None, fallback: bool = False) -> list[dict]:
    """Write the copy into project/ with `locales` (default: all) built; returns their
    mkdocs.yml entries."""
    bench.copy_project(project)
    config_file = project / "mkdocs.yml"
    config = yaml_load(config_file.read_text("utf-8"))
    i18n = _i18n(config)
    i18n["fallback_to_default"] = fallback
    i18n.pop("build_only_locale", None)
    strings = project / "data" / "strings"
    english = yaml.safe_load((strings / "en.yaml").read_text("utf-8"))
    for lang in i18n["languages"]:
        lang["build"] = locales is None or lang["locale"] in locales
        if not lang["build"] or lang.get("default") or lang["locale"] == "en":
            continue
        path = strings / f"{lang['locale']}.yaml"
        ui = {**english, **(yaml.safe_load(path.read_text("utf-8")) or {})}
        path.write_text(yaml.safe_dump(ui, allow_unicode=True, sort_keys=False), "utf-8")
        folder = project / "docs" / lang["locale"]
        folder.mkdir(exist_ok=True)
        for name, (marker, state) in OWN_PAGES.items():
            (folder / name).write_text(page(ui, lang["site_name"], marker, state), "utf-8")
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return [lang for lang in i18n["languages"] if lang["build"]]


def build(project: Path, site: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(project / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BUILD_ONLY_LOCALE", None)
    result = subprocess.run([sys.executable, "-m", "hedersite", "build", "--site-dir", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def strings_of(project: Path, locale: str) -> dict:
    return yaml.safe_load((project / "data" / "strings" / f"{locale}.yaml").read_text("utf-8"))


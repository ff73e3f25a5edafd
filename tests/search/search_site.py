"""What the search tests need to know about the site: the languages mkdocs.yml builds."""
from __future__ import annotations

from pathlib import Path

from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parents[2]


def built_languages() -> list[dict]:
    """The languages mkdocs.yml builds: locale and folder ('' for the default at the root)."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return [{"locale": lang["locale"], "folder": "" if lang.get("default") else lang["locale"] + "/"}
            for lang in i18n["languages"] if lang.get("build", True)]

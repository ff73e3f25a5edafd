"""Fixtures of the language tests: the languages the real site builds, and a copy of the
project where one Arabic page falls back to Swedish and one is reviewed (multilingual.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import multilingual  # noqa: E402
from browser_support import configured_languages  # noqa: E402


@pytest.fixture(scope="session")
def languages() -> list[dict]:
    """Every language mkdocs.yml builds: locale and folder ('' for Swedish at the root)."""
    return configured_languages()


@pytest.fixture(scope="session")
def fallback_site(tmp_path_factory) -> Path:
    work = tmp_path_factory.mktemp("fallback")
    multilingual.make(work / "project")
    multilingual.build(work / "project", work / "site")
    return work / "site"

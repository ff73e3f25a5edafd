"""Fixtures of the language tests: a copy of the project with all 16 languages built (most
have `build: false` in the real site until their pages exist), and a copy where a page falls
back to Swedish."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

import multilingual  # noqa: E402


@pytest.fixture(scope="session")
def all_languages(tmp_path_factory):
    """(project copy, built site, languages): every language on, fallback off (as the site)."""
    work = tmp_path_factory.mktemp("all-languages")
    languages = multilingual.make(work / "project")
    multilingual.build(work / "project", work / "site")
    return work / "project", work / "site", languages


@pytest.fixture(scope="session")
def fallback_site(tmp_path_factory):
    """Swedish and Arabic with `fallback_to_default: true`: the Arabic pages that do not exist
    are built from the Swedish ones."""
    work = tmp_path_factory.mktemp("fallback")
    multilingual.make(work / "project", locales=("sv", "ar"), fallback=True)
    multilingual.build(work / "project", work / "site")
    return work / "site"

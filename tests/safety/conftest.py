"""Fixtures of the safety tests: the built site served on 127.0.0.1, Debian's Chromium, and
browser contexts that reach no other host (the quick exit's neutral page is answered by a
stand-in page) and that record every attempt to store something and every CSP violation.

`site_url`, `playwright` and `chromium` come from tests/conftest.py."""
from __future__ import annotations

from pathlib import Path

import pytest
from browser_support import GuardedContext, launch, mkdocs_config

# Runs in every page before its own scripts: records writes to storage (and lets them happen,
# so the state checks see them too) and Content-Security-Policy violations.
TRAPS = (Path(__file__).parent / "traps.js").read_text("utf-8")


@pytest.fixture(scope="module")
def chromium_with_cache(playwright):
    """Chromium with its back/forward cache, which Playwright turns off by default."""
    browser = launch(playwright, back_forward_cache=True)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def exit_url() -> str:
    return mkdocs_config()["extra"]["quick_exit_url"]


def _guarded(browser, site_url, exit_url):
    made = []

    def make(**options) -> GuardedContext:
        guard = GuardedContext(browser, site_url, exit_url, **options)
        guard.context.add_init_script(TRAPS)
        made.append(guard)
        return guard

    yield make
    for guard in made:
        guard.close()


@pytest.fixture
def guarded(chromium, site_url, exit_url):
    """guarded(**context options) -> GuardedContext with the traps installed."""
    yield from _guarded(chromium, site_url, exit_url)


@pytest.fixture
def guarded_with_cache(chromium_with_cache, site_url, exit_url):
    """Like `guarded`, in a Chromium that keeps pages in its back/forward cache."""
    yield from _guarded(chromium_with_cache, site_url, exit_url)

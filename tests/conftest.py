"""Shared fixtures. `built_site` builds the whole site once per test run into a temporary
folder (the real build command, strict); tests read its files or serve it (`site_url`) to
Debian's Chromium (`chromium`, see tests/browser_support.py).

Only one sync Playwright can run in a process at a time: `playwright` and `chromium` live
for one test module and are closed at its end, before the next module starts its own."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import launch, serve  # noqa: E402
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("site")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    result = subprocess.run([sys.executable, "-m", "hedersite", "build", "--site-dir", str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return site



@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    """The built site at http://127.0.0.1:<port>/ for the whole run."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="module")
def playwright():
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="module")
def chromium(playwright):
    """Debian's Chromium without network features (browser_support.launch)."""
    browser = launch(playwright)
    yield browser
    browser.close()

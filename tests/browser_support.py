"""Shared pieces of the real-browser tests: the built site on a local server, Debian's
Chromium without network features, a browser context that cannot reach any other host, and
the languages the build made.

Only one Playwright (sync API) can run in a process at a time, so a fixture that starts one
must close it before another module's fixture starts its own (module scope), unless all
folders share one.
"""
from __future__ import annotations

import re
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from mkdocs.utils.yaml import yaml_load

from hedersite.local_server import serve  # noqa: F401 (the built site on 127.0.0.1; conftest.py)

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 360, "height": 740}


def launch(playwright, back_forward_cache: bool = False):
    """Debian's Chromium. Playwright turns the back/forward cache off unless asked not to."""
    kept = ["--disable-back-forward-cache"] if back_forward_cache else None
    return playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, ignore_default_args=kept)


def without_local_fonts(route):
    """Route handler for stylesheets: the response without local() font sources, as on a
    phone without Noto fonts (this machine may have Debian's fonts-noto-core, which local()
    would pick), so the browser downloads the site's own font files."""
    response = route.fetch()
    route.fulfill(response=response, body=re.sub(r'local\("[^"]*"\),\s*', "", response.text()))


def mkdocs_config() -> dict:
    return yaml_load((ROOT / "mkdocs.yml").read_text("utf-8"))


def configured_languages() -> list[dict]:
    """Languages mkdocs.yml builds: locale, own name and folder ('' for the default, at the site root)."""
    i18n = next(p["i18n"] for p in mkdocs_config()["plugins"] if isinstance(p, dict) and "i18n" in p)
    return [{"locale": lang["locale"], "name": lang["name"],
             "folder": "" if lang.get("default") else lang["locale"] + "/"}
            for lang in i18n["languages"] if lang.get("build", True)]


def built_folder(site: Path, locale: str) -> str | None:
    """The folder of `locale` in the built site ('' for the default), None if it was not built."""
    for lang in configured_languages():
        if lang["locale"] == locale and (site / lang["folder"] / "index.html").is_file():
            return lang["folder"]
    return None


@contextmanager
def phone_page(browser, site: Path, site_url: str, locale: str, path: str = "", **options):
    """A page of `locale` at `path`, on a phone-sized screen unless `options` give another
    viewport, in a context closed afterwards; the test is skipped if that language was not built."""
    folder = built_folder(site, locale)
    if folder is None:
        pytest.skip(f"{locale} is not built yet")
    context = browser.new_context(**{"viewport": PHONE, **options})
    try:
        page = context.new_page()
        page.goto(site_url + folder + path)
        yield page
    finally:
        context.close()


class GuardedContext:
    """A browser context whose pages reach only the local site. Requests to any other host
    are recorded in `.foreign`; the one to `stub_url` is answered with a small stand-in page
    (recorded in `.stubbed`), every other is aborted."""

    STUB = "<!doctype html><html lang='sv'><head><title>Väder</title></head><body><h1>Väder</h1></body></html>"

    def __init__(self, browser, site_url: str, stub_url: str | None = None, **options):
        self.context = browser.new_context(**{"viewport": {"width": 1280, "height": 800}, **options})
        self.context.set_default_timeout(10_000)
        self.host = urlsplit(site_url).netloc
        self.stub_url = stub_url
        self.foreign: list[str] = []
        self.stubbed: list[str] = []
        self.context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if urlsplit(url).netloc == self.host:
            route.continue_()
            return
        self.foreign.append(url)
        if self.stub_url and url.rstrip("/") == self.stub_url.rstrip("/"):
            self.stubbed.append(url)
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=self.STUB)
        else:
            route.abort()

    def close(self):
        self.context.close()

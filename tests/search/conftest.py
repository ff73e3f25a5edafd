"""Browser fixtures for the search tests: the built site on a local server, Debian's
Chromium, and pages that cannot reach any other host and that record their requests."""
from __future__ import annotations

import functools
import http.server
import threading
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    handler = functools.partial(_Quiet, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def open_page(browser, site_url):
    """open_page(path, **context options) -> page with `.requests` (every URL asked for)
    and `.foreign` (URLs of other hosts, which are aborted)."""
    contexts = []
    host = urlsplit(site_url).netloc

    def opener(path: str, **options):
        context = browser.new_context(**{"viewport": {"width": 1280, "height": 800}, **options})
        contexts.append(context)
        context.set_default_timeout(10_000)  # a missing result fails in seconds, not half a minute
        page = context.new_page()
        page.requests, page.foreign = [], []

        def route(r):
            if urlsplit(r.request.url).netloc == host:
                r.continue_()
            else:
                page.foreign.append(r.request.url)
                r.abort()
        context.route("**/*", route)
        page.on("request", lambda request: page.requests.append(request.url))
        page.goto(site_url + path)
        return page

    yield opener
    for context in contexts:
        context.close()

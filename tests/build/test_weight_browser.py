"""The weight model never leaves out a file a real browser fetches on a first view: for the
lightest and the heaviest page of every language, every request Chromium makes while
loading (empty cache) is one of the files hedersite.weight counts. The stylesheets' local()
font sources are taken out on the way, so Chromium downloads the fonts as a phone without
them installed does (this machine has Noto fonts, which local() would find)."""
from __future__ import annotations

import functools
import http.server
import re
import threading
from urllib.parse import unquote, urlsplit

import pytest
from playwright.sync_api import sync_playwright

from hedersite import weight

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def served(built_site):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


LOCAL_FONT = re.compile(r"local\([^)]*\)\s*,\s*")


def without_local_fonts(site):
    def handler(route):
        path = unquote(urlsplit(route.request.url).path).lstrip("/")
        css = LOCAL_FONT.sub("", (site / path).read_text("utf-8"))
        route.fulfill(status=200, content_type="text/css", body=css)
    return handler


def sample(views: list[weight.FirstView]) -> list[weight.FirstView]:
    """Per language its lightest and its heaviest page."""
    by_lang: dict[str, list[weight.FirstView]] = {}
    for view in sorted(views, key=lambda v: (v.total, v.page)):
        by_lang.setdefault(view.lang, []).append(view)
    return [view for group in by_lang.values() for view in {id(v): v for v in (group[0], group[-1])}.values()]


def test_browser_fetches_nothing_the_weight_leaves_out(built_site, served):
    views = sample(weight.first_views(built_site))
    assert views
    left_out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for view in views:
            context = browser.new_context(viewport={"width": 390, "height": 800})
            context.route("**/*.css", without_local_fonts(built_site))
            page = context.new_page()
            fetched = []
            page.on("request", lambda request: fetched.append(request.url))
            address = served + view.page.removesuffix("index.html")
            page.goto(address, wait_until="networkidle")
            context.close()
            paths = {unquote(urlsplit(url).path).lstrip("/") for url in fetched if url.startswith(served)}
            paths = {path + "index.html" if path.endswith("/") or not path else path for path in paths}
            counted = {part.path for part in view.parts}
            if paths - counted:
                left_out[view.page] = sorted(paths - counted)
            assert not [url for url in fetched if not url.startswith(served) and not url.startswith("data:")]
        browser.close()
    assert not left_out, f"fetched by Chromium but not counted by hedersite.weight: {left_out}"

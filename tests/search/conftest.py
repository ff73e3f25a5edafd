"""Browser fixture of the search tests: pages that cannot reach any other host and that
record their requests (`site_url` and `chromium` come from tests/conftest.py)."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest


@pytest.fixture
def open_page(chromium, site_url):
    """open_page(path, **context options) -> page with `.requests` (every URL asked for)
    and `.foreign` (URLs of other hosts, which are aborted)."""
    contexts = []
    host = urlsplit(site_url).netloc

    def opener(path: str, **options):
        context = chromium.new_context(**{"viewport": {"width": 1280, "height": 800}, **options})
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

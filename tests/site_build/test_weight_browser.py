"""The weight model never leaves out a file a real browser fetches on a first view: for the
lightest and the heaviest page of every language, every request Chromium makes while
loading (empty cache) is one of the files hedersite.weight counts. The stylesheets' local()
font sources are taken out on the way, so Chromium downloads the fonts as a phone without
them installed does (this machine has Noto fonts, which local() would find)."""
from __future__ import annotations

from urllib.parse import unquote, urlsplit

from browser_support import without_local_fonts
from hedersite import weight

def sample(views: list[weight.FirstView]) -> list[weight.FirstView]:
    """Per language its lightest and its heaviest page."""
    by_lang: dict[str, list[weight.FirstView]] = {}
    for view in sorted(views, key=lambda v: (v.total, v.page)):
        by_lang.setdefault(view.lang, []).append(view)
    return [view for group in by_lang.values() for view in {id(v): v for v in (group[0], group[-1])}.values()]


def test_browser_fetches_nothing_the_weight_leaves_out(built_site, site_url, chromium):
    views = sample(weight.first_views(built_site))
    assert views
    left_out = {}
    for view in views:
        context = chromium.new_context(viewport={"width": 390, "height": 800})
        context.route("**/*.css", without_local_fonts)
        page = context.new_page()
        fetched = []
        page.on("request", lambda request: fetched.append(request.url))
        address = site_url + view.page.removesuffix("index.html")
        page.goto(address, wait_until="networkidle")
        context.close()
        paths = {unquote(urlsplit(url).path).lstrip("/") for url in fetched if url.startswith(site_url)}
        paths = {path + "index.html" if path.endswith("/") or not path else path for path in paths}
        counted = {part.path for part in view.parts}
        if paths - counted:
            left_out[view.page] = sorted(paths - counted)
        assert not [url for url in fetched if not url.startswith(site_url) and not url.startswith("data:")]
    assert not left_out, f"fetched by Chromium but not counted by hedersite.weight: {left_out}"

"""No trace and no third party, in a real browser: a reader browses several pages in two
languages, uses the municipality finder and searches; afterwards the browser holds no cookie
and nothing in localStorage, sessionStorage, IndexedDB, Cache Storage or a service worker,
nothing even tried to store anything, no request went to another host and the page's
Content-Security-Policy blocked nothing the site itself needs."""
from __future__ import annotations

from browser_support import built_folder

STATE = """async () => ({
  local: localStorage.length,
  session: sessionStorage.length,
  databases: (await indexedDB.databases()).map(d => d.name),
  caches: await caches.keys(),
  workers: (await navigator.serviceWorker.getRegistrations()).length,
  cookie: document.cookie,
})"""
EMPTY = {"local": 0, "session": 0, "databases": [], "caches": [], "workers": 0, "cookie": ""}


def _find_municipality(page):
    page.fill("#hs-finder-input", "Malmö")
    page.press("#hs-finder-input", "Enter")
    page.wait_for_function("document.querySelector('.hs-finder__status').textContent !== ''")


def _search(page, word):
    page.click("#hs-search-input")
    page.keyboard.type(word)
    page.wait_for_selector(".hs-search__results a")
    page.keyboard.press("Enter")


def _visit(page, url, action=None) -> list[str]:
    """Open url, do action, and return what the page tried to store or had blocked."""
    page.goto(url)
    if action:
        action(page)
    return page.evaluate("[...window.__traces, ...window.__cspViolations]")


def test_browsing_finding_and_searching_leave_nothing_and_fetch_nothing_elsewhere(guarded, site_url, built_site):
    guard = guarded()
    page = guard.context.new_page()
    english = built_folder(built_site, "en")
    visits = [("", lambda p: _search(p, "stöd")),
              ("hitta-stod/", _find_municipality),
              ("nationella-linjer/", None),
              ("dolj-ditt-besok/", None),
              ("integritet/", lambda p: _search(p, "kakor"))]
    if english is not None:
        visits.append((english, lambda p: _search(p, "support")))
    noted = {path: _visit(page, site_url + path, action) for path, action in visits}

    assert {path: found for path, found in noted.items() if found} == {}
    assert guard.foreign == []
    assert guard.context.cookies() == []
    assert page.evaluate(STATE) == EMPTY
    assert "?" not in page.url  # no search words in the address, so none in the history


def test_the_quick_exit_is_the_only_way_out_to_another_host(guarded, site_url, exit_url):
    guard = guarded()
    page = guard.context.new_page()
    page.goto(site_url + "nationella-linjer/")
    with page.expect_request(lambda request: request.url == exit_url) as leaving:
        page.click("a[data-quick-exit]")
    page.wait_for_url(exit_url.rstrip("/") + "**")
    # Once from this tab and once from the new tab the exit opens (quick-exit.js), both to it.
    assert set(guard.foreign) == {exit_url} == set(guard.stubbed)
    assert 1 <= len(guard.foreign) <= 2
    # The neutral page cannot learn where the reader came from.
    assert "referer" not in leaving.value.all_headers()
    assert page.evaluate("document.referrer") == ""

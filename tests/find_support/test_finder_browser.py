"""The municipality finder in a real browser (Debian's Chromium): hidden without JavaScript,
and with it, a name takes the reader to the municipality without touching the URL or the
history, using only what the page holds."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest


@pytest.fixture
def finder(chromium, site_url):
    context = chromium.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    hosts = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).netloc))
    page.goto(site_url + "hitta-stod/")
    page.hosts = hosts
    yield page
    context.close()


def _submit(page, text):
    page.fill("#hs-finder-input", text)
    page.press("#hs-finder-input", "Enter")


def _focused(page) -> str:
    return page.evaluate("document.activeElement.id")


def test_without_javascript_there_is_no_dead_control(chromium, site_url):
    context = chromium.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(site_url + "hitta-stod/")
    assert not page.is_visible("#hs-finder")
    page.click("a[href='#lan-13']")
    assert page.is_visible("#kommun-1384")
    context.close()


def test_the_finder_is_labelled_and_lists_every_municipality(finder):
    assert finder.is_visible("#hs-finder-input")
    label = finder.evaluate("document.getElementById('hs-finder-input').labels[0].textContent")
    assert label.strip()
    assert finder.evaluate("document.querySelectorAll('#hs-finder-list option').length") == 290


def test_enter_moves_focus_without_changing_url_or_history(finder):
    url, length = finder.url, finder.evaluate("history.length")
    _submit(finder, "Kungsbacka")
    assert _focused(finder) == "kommun-1384"
    assert finder.url == url and finder.evaluate("history.length") == length
    assert "Kungsbacka" in finder.inner_text(".hs-finder__status")
    assert finder.evaluate("document.getElementById('kommun-1384').getBoundingClientRect().top") < 800


def test_a_choice_from_the_list_goes_there(finder):
    # A datalist choice fires a plain `input` event (not an InputEvent from typing).
    finder.evaluate("""() => { const input = document.getElementById('hs-finder-input');
        input.value = 'Kiruna'; input.dispatchEvent(new Event('input', {bubbles: true})); }""")
    assert _focused(finder) == "kommun-2584"


def test_typing_a_name_that_starts_a_longer_one_does_not_jump(finder):
    finder.click("#hs-finder-input")
    finder.keyboard.type("Mark")  # Mark is a municipality, and so is Markaryd
    assert _focused(finder) == "hs-finder-input"
    finder.keyboard.type("aryd")
    finder.keyboard.press("Enter")
    assert _focused(finder) == "kommun-0767"


def test_names_without_accents_and_unknown_names(finder):
    _submit(finder, "malmo")
    assert _focused(finder) == "kommun-1280"
    _submit(finder, "Atlantis")
    assert _focused(finder) == "hs-finder-input"
    assert "Atlantis" in finder.inner_text(".hs-finder__status")


def test_nothing_is_fetched_from_elsewhere_or_stored(finder, site_url):
    _submit(finder, "Skövde")
    assert _focused(finder) == "kommun-1496"
    assert set(finder.hosts) == {urlsplit(site_url).netloc}
    assert finder.evaluate("localStorage.length + sessionStorage.length") == 0
    assert finder.evaluate("document.cookie") == ""

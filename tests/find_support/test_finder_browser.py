"""The municipality finder in a real browser (Debian's Chromium), in sv, ar, fa-AF, ti and so:
hidden without JavaScript (the county pages do the job, with every number in the row), and
with it, a name typed in the reader's script or in Swedish shows the answer (the centres
serving the place and their tel: links) without touching the URL or the history, using only
what the page holds."""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser_support import built_folder

# A typed name, in the reader's script where the language has one, and the municipality.
TYPED = {
    "sv": [("Kungsbacka", "1384"), ("malmo", "1280")],
    "so": [("Kungsbacka", "1384"), ("malmo", "1280")],
    "ar": [("مالمو", "1280"), ("مالمؤ", "1280"), ("Malmö", "1280"), ("كونغسباكا", "1384")],
    "fa-AF": [("مالمو", "1280"), ("کونگسباکا", "1384"), ("كونگسباكا", "1384"), ("استکهلم", "0180")],
    "ti": [("ማልሞ", "1280"), ("ኩንግስባካ", "1384"), ("Kiruna", "2584")],
}
# Kungsbacka (Halland) is served from Göteborg: its answer calls that centre.
KUNGSBACKA_CENTRE = "tel:+4620340303"


def _open(chromium, site_url, folder, **options):
    context = chromium.new_context(viewport={"width": 360, "height": 800}, **options)
    page = context.new_page()
    hosts = []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).netloc))
    page.goto(site_url + folder + "hitta-stod/")
    page.hosts = hosts
    return context, page


@pytest.fixture
def finder(chromium, site_url):
    context, page = _open(chromium, site_url, "")
    yield page
    context.close()


def _folder(built_site, locale) -> str:
    folder = built_folder(built_site, locale)
    if folder is None:
        pytest.skip(f"{locale} is not built")
    return folder


def _submit(page, text):
    page.fill("#hs-finder-input", text)
    page.press("#hs-finder-input", "Enter")


def _focused(page) -> str:
    return page.evaluate("document.activeElement.id")


def _answer_tels(page) -> list[str]:
    return page.eval_on_selector_all("#hs-answer a[href^='tel:']", "links => links.map(a => a.getAttribute('href'))")


@pytest.mark.parametrize("locale", list(TYPED))
def test_without_javascript_the_county_page_lists_the_numbers(chromium, site_url, built_site, locale):
    context, page = _open(chromium, site_url, _folder(built_site, locale), java_script_enabled=False)
    assert not page.is_visible("#hs-finder") and not page.is_visible("#hs-answer")
    page.click("#hs-jump a[href='hallands-lan/']")
    row = page.locator("#kommun-1384")
    assert row.is_visible()
    tels = row.locator("a[href^='tel:']").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert KUNGSBACKA_CENTRE in tels and "tel:112" in tels
    context.close()


@pytest.mark.parametrize("locale", list(TYPED))
def test_a_name_in_the_readers_script_shows_its_answer_with_numbers(chromium, site_url, built_site, locale):
    folder = _folder(built_site, locale)
    context, page = _open(chromium, site_url, folder)
    url, length = page.url, page.evaluate("history.length")
    county_rows = {}
    for typed, code in TYPED[locale]:
        _submit(page, typed)
        assert _focused(page) == "hs-answer", (locale, typed)
        assert page.is_visible("#hs-answer")
        name = page.inner_text("#hs-answer-name")
        assert name.strip(), (locale, typed)
        tels = _answer_tels(page)
        assert "tel:112" in tels, (locale, typed)
        # The answer is the county page's row: the same numbers.
        more = page.get_attribute(".hs-answer__more a", "href")
        county_rows[code] = (tels, more)
        if code == "1384":
            assert KUNGSBACKA_CENTRE in tels, (locale, typed)
        assert page.evaluate("document.getElementById('hs-answer').getBoundingClientRect().top") < 800
    assert page.url == url and page.evaluate("history.length") == length
    for code, (tels, more) in county_rows.items():
        page.goto(site_url + folder + "hitta-stod/" + more)
        row = page.locator(f"#kommun-{code}").locator("a[href^='tel:']")
        assert sorted(row.evaluate_all("links => links.map(a => a.getAttribute('href'))")) == sorted(tels), (locale, code)
    context.close()


@pytest.mark.parametrize("locale", ["ar", "fa-AF", "ti"])
def test_the_answer_names_the_place_in_both_scripts(chromium, site_url, built_site, locale):
    context, page = _open(chromium, site_url, _folder(built_site, locale))
    typed, code = TYPED[locale][0]
    _submit(page, typed)
    assert page.inner_text("#hs-answer-name .hs-place__sv") == "Malmö"
    assert typed.split()[0] in page.inner_text("#hs-answer-name")
    context.close()


def test_the_finder_is_labelled_and_lists_every_municipality(finder):
    assert finder.is_visible("#hs-finder-input")
    label = finder.evaluate("document.getElementById('hs-finder-input').labels[0].textContent")
    assert label.strip()
    assert finder.evaluate("document.querySelectorAll('#hs-finder-list option').length") == 290
    # The rows are not laid out on this page: only the answers' templates hold them.
    assert finder.evaluate("document.querySelectorAll('.hs-muni__centre').length") == 0


def test_enter_shows_the_answer_without_changing_url_or_history(finder):
    url, length = finder.url, finder.evaluate("history.length")
    _submit(finder, "Kungsbacka")
    assert _focused(finder) == "hs-answer"
    assert finder.url == url and finder.evaluate("history.length") == length
    assert "Kungsbacka" in finder.inner_text(".hs-finder__status")
    assert finder.inner_text("#hs-answer-name") == "Kungsbacka"
    assert "Regionalt Stödcentrum Heder" in finder.inner_text("#hs-answer")


def test_a_choice_from_the_list_goes_there(finder):
    # A datalist choice fires a plain `input` event (not an InputEvent from typing).
    finder.evaluate("""() => { const input = document.getElementById('hs-finder-input');
        input.value = 'Kiruna'; input.dispatchEvent(new Event('input', {bubbles: true})); }""")
    assert _focused(finder) == "hs-answer"
    assert finder.inner_text("#hs-answer-name") == "Kiruna"


def test_typing_a_name_that_starts_a_longer_one_does_not_jump(finder):
    finder.click("#hs-finder-input")
    finder.keyboard.type("Mark")  # Mark is a municipality, and so is Markaryd
    assert _focused(finder) == "hs-finder-input"
    assert not finder.is_visible("#hs-answer")
    finder.keyboard.type("aryd")
    finder.keyboard.press("Enter")
    assert finder.inner_text("#hs-answer-name") == "Markaryd"


def test_a_second_answer_replaces_the_first_and_unknown_names_are_said(finder):
    _submit(finder, "malmo")
    assert finder.inner_text("#hs-answer-name") == "Malmö"
    _submit(finder, "Kiruna")
    assert finder.inner_text("#hs-answer-name") == "Kiruna"
    assert "Resursteam Heder" not in finder.inner_text("#hs-answer")  # nothing of Malmö's answer left
    _submit(finder, "Atlantis")
    assert "Atlantis" in finder.inner_text(".hs-finder__status")


def test_nothing_is_fetched_from_elsewhere_or_stored(finder, site_url):
    _submit(finder, "Skövde")
    assert finder.inner_text("#hs-answer-name") == "Skövde"
    assert set(finder.hosts) == {urlsplit(site_url).netloc}
    assert finder.evaluate("localStorage.length + sessionStorage.length") == 0
    assert finder.evaluate("document.cookie") == ""


def test_a_link_to_a_row_of_the_old_single_page_arrives_at_the_row(chromium, site_url):
    # hitta-stod/#kommun-1384 was Kungsbacka's row when the finder held every municipality.
    context = chromium.new_context(viewport={"width": 360, "height": 800})
    direct = context.new_page()
    direct.goto(site_url + "hitta-stod/hallands-lan/")
    page = context.new_page()
    page.goto(site_url + "hitta-stod/#kommun-1384")
    page.wait_for_url("**/hitta-stod/hallands-lan/#kommun-1384")
    assert page.is_visible("#kommun-1384")
    # Replaced, not added: as many entries as opening the county page directly.
    assert page.evaluate("history.length") == direct.evaluate("history.length")
    context.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_a_link_to_a_county_section_of_the_old_single_page_shows_the_county(chromium, site_url, javascript):
    context = chromium.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(site_url + "hitta-stod/#lan-13")
    link = page.locator("#lan-13 a")
    assert link.get_attribute("href") == "hallands-lan/"
    box = link.bounding_box()
    assert box and 0 <= box["y"] < 800
    context.close()

"""Search in a real browser (Debian's Chromium), in every built language: hidden without
JavaScript, fetches only the reader's language's index and only once search is opened, finds
words from the pages, and leaves no trace (URL, history, storage, cookies)."""
from __future__ import annotations

import re

import pytest

from browser_support import configured_languages
from hedersite import search_entries

LANGUAGES = configured_languages()
INDEX_REQUEST = re.compile(r"/search/[^/]+\.json$")
FIELD = "#hs-search-input"
LINKS = ".hs-search__results a"


def index_requests(page) -> list[str]:
    return [url for url in page.requests if INDEX_REQUEST.search(url.split("?")[0])]


def distinctive_word(page) -> str:
    """The longest word of the page's own text (not the menu or the header)."""
    text = page.eval_on_selector(".md-content article", """article => {
        const own = article.cloneNode(true);  // without the translation note (template text, not indexed)
        own.querySelectorAll(".hs-translation-note").forEach(note => note.remove());
        return own.textContent; }""")
    return max(re.findall(r"[^\W\d_]{2,}", text), key=len)


def result_links(page) -> list[str]:
    return page.eval_on_selector_all(LINKS, "links => links.map(a => a.href)")


def traces(page) -> dict:
    return {
        "storage": page.evaluate("localStorage.length + sessionStorage.length"),
        "cookies": page.context.cookies(),
        "caches": page.evaluate("caches.keys()"),
        "databases": page.evaluate("indexedDB.databases().then(d => d.length)"),
    }


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang["locale"])
def test_a_word_from_the_start_page_finds_it(open_page, site_url, lang):
    page = open_page(lang["folder"])
    url, history = page.url, page.evaluate("history.length")
    word = distinctive_word(page)
    assert index_requests(page) == []

    page.click(FIELD)
    page.keyboard.type(word)
    start = site_url + lang["folder"]
    page.wait_for_selector(f"{LINKS}[href='{start}']")
    page.keyboard.press("Enter")

    links = result_links(page)
    others = [site_url + o["folder"] for o in LANGUAGES if o["folder"] and o is not lang]
    assert all(link.startswith(start) and not any(link.startswith(o) for o in others) for link in links)
    assert page.evaluate("document.activeElement.href") == links[0]
    assert re.search(r"\d", page.inner_text("[role=status]"))
    assert index_requests(page) == [f"{site_url}search/{lang['locale']}.json"]
    assert page.url == url and "?" not in page.url and page.evaluate("history.length") == history
    assert traces(page) == {"storage": 0, "cookies": [], "caches": [], "databases": 0}
    assert page.foreign == []


def test_without_javascript_there_is_no_search_box_and_no_index(open_page):
    page = open_page("", java_script_enabled=False)
    assert page.locator("#hs-search").is_hidden()
    assert index_requests(page) == []


def test_the_box_is_labelled_and_in_view_on_a_phone(open_page):
    page = open_page("", viewport={"width": 360, "height": 740})
    assert page.evaluate(f"document.querySelector('{FIELD}').labels[0].textContent").strip()
    box = page.locator(FIELD).bounding_box()
    assert box["y"] + box["height"] <= 740 and box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert index_requests(page) == []


def test_the_search_button_opens_search(open_page, site_url):
    page = open_page("", viewport={"width": 360, "height": 740})
    page.click(".hs-search__button")
    assert page.evaluate("document.activeElement.id") == FIELD[1:]
    page.wait_for_function("document.querySelector('[role=status]') !== null")
    page.keyboard.type("stöd")
    page.wait_for_selector(LINKS)
    assert index_requests(page) == [f"{site_url}search/sv.json"]


def test_keyboard_moves_through_results_and_escape_closes(open_page):
    page = open_page("")
    page.click(FIELD)
    page.keyboard.type("nationell")
    page.wait_for_selector(LINKS)
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('hs-search__link')")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == FIELD[1:]
    page.keyboard.press("Escape")
    assert page.locator(LINKS).first.is_hidden()


def test_every_word_must_match(open_page):
    page = open_page("")
    none = page.get_attribute("#hs-search", "data-none")
    page.click(FIELD)
    page.keyboard.type("nationella xqzwv")
    page.wait_for_function("t => document.querySelector('[role=status]').textContent === t", arg=none)
    assert result_links(page) == []


def test_words_are_gone_after_following_a_result_and_going_back(open_page):
    page = open_page("")
    page.click(FIELD)
    page.keyboard.type("nationell")
    page.click(LINKS)
    page.wait_for_load_state()
    page.go_back()
    assert page.input_value(FIELD) == ""
    assert "?" not in page.url


# Text as pages in each language write it, and a query as a reader may type it (only the last
# word may be unfinished). The index is
# written by the Python side (search_entries) and served in place of the Swedish one, so this
# checks that the browser reads queries exactly as the index was written.
SCRIPTS = [
    ("fa", "برای کمک با ما تماس بگیرید", "براي كمك"),
    ("fa", "شما می\u200cتوانید با ما تماس بگیرید", "توانید"),
    ("prs", "نامه\u200cها را بخوانید", "نامه ها"),
    ("ti", "ሓገዝ። ምኽሪ፡ዝኾነ ሰብ", "ሓገዝ ዝኾ"),
    ("ar", "المساعدة مُتاحة للجميع، أمان", "متاحة امان"),
    ("ckb", "يارمەتي بۆ هەمووان", "یارمەتی"),
    ("ps", "مرسته د ټولو لپاره", "مرس"),
    ("ru", "Помощь для всех. Ёлка", "елка помощ"),
    ("uk", "Допомога для всіх", "ДОПОМОГА"),
    ("tr", "KADIN ŞİDDETİ HAKKINDA", "kadın şiddeti"),
    ("tr", "Kadına yönelik şiddet", "kadina siddet"),
    ("so", "Caawimaad iyo taageero", "caawi"),
    ("sv", "Hedersrelaterat våld i Malmö", "vald malmo"),
]


@pytest.mark.parametrize("lang, text, query", SCRIPTS, ids=[f"{c[0]}-{i}" for i, c in enumerate(SCRIPTS)])
def test_queries_match_text_in_every_script(open_page, lang, text, query):
    index = search_entries.index(lang, [search_entries.entry("nationella-linjer/", "Test", f"<p>{text}</p>", lang)])
    page = open_page("")
    page.route("**/search/sv.json", lambda route: route.fulfill(
        body=search_entries.dumps(index), content_type="application/json"))
    page.click(FIELD)
    page.keyboard.type(query)
    page.wait_for_selector(LINKS)
    assert page.locator(".hs-search__snippet mark").count() >= 1


def test_title_hits_come_before_heading_hits_before_text_hits(open_page, site_url):
    pages = [("a/", "Annat", "<p>Här står ordet skydd i texten.</p>"),
             ("b/", "Något", "<h2>Skydd</h2><p>Text.</p>"),
             ("c/", "Skydd och stöd", "<p>Text.</p>")]
    index = search_entries.index("sv", [search_entries.entry(u, t, h, "sv") for u, t, h in pages])
    page = open_page("")
    page.route("**/search/sv.json", lambda route: route.fulfill(
        body=search_entries.dumps(index), content_type="application/json"))
    page.click(FIELD)
    page.keyboard.type("skyd")
    page.wait_for_function("document.querySelectorAll('.hs-search__results a').length === 3")
    assert result_links(page) == [site_url + "c/", site_url + "b/", site_url + "a/"]

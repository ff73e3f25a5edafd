"""The common shapes of a word find the same pages, typed into the real search field of the
built site (Debian's Chromium): Arabic with and without the article and the prefixes fused
with it, Dari with a ZWNJ, a space or nothing between the pieces of a word; a Latin and an
Ethiopic word are looked up as typed. The pages the browser lists are the pages the built
index holds the words for, read by the Python side (search_text), so the two sides agree."""
from __future__ import annotations

import json

import pytest

from hedersite import search_entries, search_text

FIELD = "#hs-search-input"
LINKS = ".hs-search__results a"


def expected(built_site, locale: str, lang: str, query: str) -> set[str]:
    """Pages of the built index that hold every word of the query (by its key; the last word
    may be the start of an index word), as search.js matches them."""
    index = json.loads((built_site / "search" / f"{locale}.json").read_text("utf-8"))
    rule = index["affixes"]
    keys = [search_text.key(w, rule) for w in search_text.words(query, lang)]
    found = set()
    for page in index["pages"]:
        held = " ".join(page["w"]).split()
        if all(k in held for k in keys[:-1]) and any(w.startswith(keys[-1]) for w in held):
            found.add(page["u"])
    return found


def typed(page, query: str) -> list[str]:
    """Result addresses (from the site root) once the query is typed into the empty field."""
    page.fill(FIELD, "")
    page.click(FIELD)
    page.keyboard.type(query)
    page.wait_for_function("""() => {
        const form = document.getElementById('hs-search'), text = form.querySelector('[role=status]').textContent;
        return text !== '' && text !== form.getAttribute('data-loading'); }""")
    root = page.evaluate("new URL(document.getElementById('hs-search').getAttribute('data-root'), location.href).href")
    return [href.removeprefix(root) for href in page.eval_on_selector_all(LINKS, "links => links.map(a => a.href)")]


def marks(page) -> list[str]:
    return page.eval_on_selector_all(".hs-search__snippet mark", "marks => marks.map(m => m.textContent)")


def writers(built_site, locale: str, lang: str, shapes: list[str]) -> set[str]:
    """Pages whose text writes the word in one of these shapes."""
    index = json.loads((built_site / "search" / f"{locale}.json").read_text("utf-8"))
    return {page["u"] for page in index["pages"]
            if any(search_text.normalize(shape, lang) in search_text.normalize(page["x"], lang) for shape in shapes)}


# (locale, language tag, shapes of one word, the shape the pages write)
SHAPES = [
    ("ar", "ar", ["شرطة", "الشرطة", "للشرطة"], "الشرطة"),
    ("ar", "ar", ["مساعدة", "المساعدة", "للمساعدة"], "المساعدة"),
    ("fa-AF", "fa-AF", ["خط\u200cهای", "خطهای", "خط های"], "خط\u200cهای"),
    ("fa-AF", "fa-AF", ["ویب\u200cسایت\u200cهای", "ویبسایتهای", "ویب سایت های"], "ویب\u200cسایت\u200cهای"),
]


@pytest.mark.parametrize("locale, lang, shapes, written", SHAPES, ids=lambda v: v[1] if isinstance(v, list) else None)
def test_every_shape_of_a_word_finds_the_pages_that_write_it(open_page, built_site, locale, lang, shapes, written):
    page = open_page(f"{locale}/")
    wanted = writers(built_site, locale, lang, shapes)
    assert wanted, f"no {locale} page writes {shapes}"
    results = {shape: typed(page, shape) for shape in shapes}
    for shape in shapes:
        assert set(results[shape]) >= wanted, shape
        assert set(results[shape]) == expected(built_site, locale, lang, shape), shape
    if lang == "ar":  # one word, one key: the same pages
        assert set(results[shapes[0]]) == set(results[shapes[1]]) == set(results[shapes[2]]) == wanted
    # The word typed bare or joined marks the shape the pages write (الشرطة, خط‌های).
    typed(page, shapes[1] if lang == "fa-AF" else shapes[0])
    assert any(written in m or written.replace("\u200c", "") in m for m in marks(page)), marks(page)


def test_arabic_shapes_of_one_word_list_the_pages_in_the_same_order(open_page):
    page = open_page("ar/")
    assert typed(page, "شرطة") == typed(page, "الشرطة") == typed(page, "بالشرطة") == typed(page, "والشرطة")


@pytest.mark.parametrize("locale, lang, word", [("", "sv", "polisen"), ("ti/", "ti", "ሓገዝ")])
def test_latin_and_ethiopic_words_are_looked_up_as_typed(open_page, built_site, locale, lang, word):
    index = json.loads((built_site / "search" / f"{locale.strip('/') or 'sv'}.json").read_text("utf-8"))
    assert search_text.key(word, index["affixes"]) == word
    page = open_page(locale)
    found = typed(page, word)
    assert found and set(found) == expected(built_site, locale.strip("/") or "sv", lang, word)


# Pages that write only one shape each (the site's own Arabic pages write الشرطة and
# المساعدة): every shape typed finds both pages of its word, and only those.
ARABIC_PAGES = [("a/", "اتصل بالشرطة الآن"), ("b/", "رقم شرطة السويد"),
                ("c/", "اتصل للمساعدة"), ("d/", "مساعدة مجانية")]


@pytest.mark.parametrize("shape, pages", [("شرطة", ["a/", "b/"]), ("الشرطة", ["a/", "b/"]), ("للشرطة", ["a/", "b/"]),
                                          ("مساعدة", ["c/", "d/"]), ("المساعدة", ["c/", "d/"]), ("للمساعدة", ["c/", "d/"])])
def test_an_arabic_page_that_writes_one_shape_is_found_by_every_shape(open_page, site_url, shape, pages):
    index = search_entries.index("ar", [search_entries.entry(u, "صفحة", f"<p>{text}</p>", "ar") for u, text in ARABIC_PAGES])
    page = open_page("")
    page.route("**/search/sv.json", lambda route: route.fulfill(
        body=search_entries.dumps(index), content_type="application/json"))
    assert sorted(typed(page, shape)) == pages
    assert len(marks(page)) == 2

"""Light per-language affix rules of search (scripts/hedersite/search_text.py `affixes`): the
common shapes of a word find the same pages. A page is found by a query word when its index
words (`index_words`, what search_entries writes) hold the query word's `key` (what search.js
looks up); tests/search/test_search_affixes_browser.py types the same words into the site."""
from __future__ import annotations

import json

import pytest

from hedersite import search_entries, search_text


def found(text: str, query: str, lang: str) -> bool:
    """Would a page with this text be found by this query (every word, none unfinished)?"""
    held = set(search_text.index_words(text, lang))
    rule = search_text.affixes(lang)
    return all(search_text.key(word, rule) in held for word in search_text.words(query, lang))


ARABIC_SHAPES = [
    ["شرطة", "الشرطة", "للشرطة", "بالشرطة", "والشرطة"],       # police
    ["مساعدة", "المساعدة", "للمساعدة", "بالمساعدة", "والمساعدة"],  # help
    ["حماية", "الحماية", "للحماية"],                          # protection
]


@pytest.mark.parametrize("shapes", ARABIC_SHAPES, ids=lambda shapes: shapes[0])
def test_arabic_article_and_attached_prefixes_find_every_shape(shapes):
    for text in shapes:
        for query in shapes:
            assert found(f"اتصل {text} اليوم", query, "ar"), (text, query)


def test_arabic_prefixes_are_cut_to_the_same_key():
    rule = search_text.affixes("ar")
    keys = {search_text.key(search_text.normalize(w, "ar"), rule) for w in ARABIC_SHAPES[0]}
    assert keys == {search_text.normalize("شرطة", "ar")}


@pytest.mark.parametrize("word", ["الى", "إلى", "التي", "الذي", "الآن", "ألم", "الله", "الأم",
                                  "بالغ", "والد", "والدة", "والدين", "والدان", "وقت", "بيت", "لغة"])
def test_short_arabic_words_and_words_that_begin_like_a_prefix_stay_whole(word):
    rule = search_text.affixes("ar")
    normalized = search_text.normalize(word, "ar")
    assert search_text.key(normalized, rule) == normalized
    assert search_text.index_words(word, "ar") == [normalized]


def test_parents_do_not_find_religion():
    assert not found("الدين", "والدين", "ar")
    assert not found("والدين", "دين", "ar")
    assert found("الوالدين", "والدين", "ar") and found("الوالدان", "والدان", "ar")


# Dari and Persian: a ZWNJ, a space or nothing between the pieces of one word.
PERSIAN_SHAPES = [
    ["خشونت\u200cهای", "خشونتهای", "خشونت های"],   # violence (plural, ezafe)
    ["خط\u200cهای", "خطهای", "خط های"],             # lines
    ["چیز\u200cهایی", "چیزهایی", "چیز هایی"],       # things
]


@pytest.mark.parametrize("lang", ["fa", "fa-AF", "prs"])
@pytest.mark.parametrize("shapes", PERSIAN_SHAPES, ids=lambda shapes: shapes[1])
def test_persian_zwnj_joined_and_spaced_forms_find_the_zwnj_and_joined_pages(shapes, lang):
    zwnj, joined, spaced = shapes
    for text in (zwnj, joined):
        for query in shapes:
            assert found(f"درباره {text} بخوانید", query, lang), (text, query)
    assert found(spaced, zwnj, lang) and found(spaced, spaced, lang)


def test_zwnj_words_are_held_in_pieces_and_joined():
    assert search_text.index_words("می\u200cتوانید", "fa-AF") == ["می", "توانید", "میتوانید"]
    assert search_text.index_words("ویب\u200cسایت\u200cهای", "fa-AF") == [
        "ویب", "سایت", "های", "ویبسایتهای", "ویبسایت"]


def test_the_persian_plural_is_not_split_off_a_stem_shorter_than_two_letters():
    assert search_text.index_words("رها", "fa") == ["رها"]
    assert search_text.index_words("زنها", "fa") == ["زنها", "زن", "ها"]


def test_arabic_rules_are_not_applied_to_persian_nor_persian_to_arabic():
    assert search_text.index_words("بالا", "fa") == ["بالا"]            # up (not ب + ال)
    assert search_text.index_words("البته", "fa-AF") == ["البته"]        # of course
    assert search_text.index_words("منها", "ar") == ["منها"]            # from it (not a plural)


@pytest.mark.parametrize("lang, text", [("sv", "Våld i Malmö"), ("ti", "ሓገዝ። ምኽሪ"),
                                        ("ckb", "یارمەتی بۆ هەمووان"), ("so", "Caawimaad iyo taageero")])
def test_languages_without_affix_rules_keep_their_words(lang, text):
    assert search_text.affixes(lang) == search_text.NO_AFFIXES
    assert search_text.index_words(text, lang) == search_text.words(text, lang)


def test_the_index_header_carries_the_language_s_affix_rules():
    document = json.loads(search_entries.dumps(search_entries.index("ar", [])))
    assert document["affixes"] == search_text.affixes("ar")
    assert document["affixes"]["prefixes"] == sorted(document["affixes"]["prefixes"], key=len, reverse=True)
    assert set(document["affixes"]["prefixes"]) >= {search_text.normalize(p, "ar") for p in
                                                   ("ال", "وال", "فال", "بال", "كال", "لل", "ولل")}
    assert document["joiners"] == [[0x200C, 0x200C]]
    assert json.loads(search_entries.dumps(search_entries.index("sv", [])))["affixes"]["prefixes"] == []


def test_an_arabic_entry_holds_each_word_and_its_key_once():
    entry = search_entries.entry("ar/x/", "الشرطة", "<p>اتصل بالشرطة أو الشرطة.</p>", "ar")
    assert entry["w"] == ["الشرطه شرطه", "", "اتصل بالشرطه او"]

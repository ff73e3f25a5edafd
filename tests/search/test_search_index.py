"""The built search indexes: one per built language, small, pointing at that language's pages."""
from __future__ import annotations

import gzip
import json

import pytest

from browser_support import configured_languages
from hedersite import search_text

LANGUAGES = configured_languages()
MAX_GZIP_BYTES = 60 * 1024


@pytest.fixture(scope="module")
def indexes(built_site):
    return {p.stem: p.read_bytes() for p in (built_site / "search").glob("*.json")}


def test_one_index_per_built_language(indexes):
    assert sorted(indexes) == sorted(lang["locale"] for lang in LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang["locale"])
def test_index_is_small(indexes, lang):
    size = len(gzip.compress(indexes[lang["locale"]], compresslevel=9, mtime=0))
    assert size <= MAX_GZIP_BYTES, f"search/{lang['locale']}.json is {size} bytes gzipped"


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang["locale"])
def test_index_lists_the_pages_of_its_language_only(built_site, indexes, lang):
    index = json.loads(indexes[lang["locale"]])
    others = [o["folder"] for o in LANGUAGES if o["folder"] and o is not lang]
    assert index["pages"], "no pages"
    for page in index["pages"]:
        assert page["u"].startswith(lang["folder"]), page["u"]
        assert not any(page["u"].startswith(o) for o in others), page["u"]
        assert (built_site / page["u"].split("#")[0] / "index.html").is_file(), page["u"]
        assert page["t"] and page["x"] and len(page["w"]) == 3


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang["locale"])
def test_index_carries_the_rules_it_was_written_with(indexes, lang):
    index = json.loads(indexes[lang["locale"]])
    assert index["lang"]
    rules = json.loads(json.dumps(search_text.rules(index["lang"])))  # with that language's affixes
    assert {k: index[k] for k in rules} == rules


def test_search_words_are_not_in_the_page_html(built_site):
    """Only the search box and its small script come with a page; the index does not."""
    html = (built_site / "index.html").read_text("utf-8")
    assert 'id="hs-search"' in html and "components/search/search.js" in html
    assert '"pages"' not in html


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang["locale"])
def test_every_topic_page_is_found_by_the_words_of_its_title(built_site, indexes, lang):
    """Each topic page (hedersite.topics) written in this language is in its language's index,
    and every word of its title finds it there (the words a reader would type)."""
    from hedersite import strings, topics
    from hedersite.translations import front_matter
    index = json.loads(indexes[lang["locale"]])
    by_url = {page["u"]: page for page in index["pages"]}
    tag = strings.load(lang["locale"])["language"]
    docs = topics.DOCS / lang["locale"]
    for name in topics.topic_pages():
        if not (docs / name).is_file():
            continue   # not translated yet (`make translations` lists it as missing)
        url = lang["folder"] + name.removesuffix(".md") + "/"
        assert url in by_url, f"{url} not in search/{lang['locale']}.json"
        title = front_matter((docs / name).read_text("utf-8"))["title"]
        title_words = by_url[url]["w"][0].split()
        for word in search_text.words(title, tag):
            assert word in title_words, (url, word)

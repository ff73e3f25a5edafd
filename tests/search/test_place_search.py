"""Site search finds places: each county page stands in the index as its county and as each
of its municipalities (present.county_search), by their names in the reader's script and in
Swedish, pointing at the municipality's row. Never the page's labels: 21 pages of the same
words would push every other page out of a search's results."""
from __future__ import annotations

import json

import pytest

from browser_support import built_folder, configured_languages
from hedersite import present, search_entries
from hedersite.dataset import load_dataset

LANGUAGES = configured_languages()
DATA = load_dataset()
SKANE, MALMO = "12", "1280"


def test_a_county_and_each_of_its_municipalities_are_entries_by_their_names():
    entries = present.county_search(DATA, SKANE, present.reader("ar"))
    county, *municipalities = entries
    assert county == {"anchor": "", "title": "مقاطعة سكونه · Skåne län", "text": county["text"]}
    assert "مالمو" in county["text"].split(" · ") and len(municipalities) == 33
    malmo = next(m for m in municipalities if m["anchor"] == f"kommun-{MALMO}")
    assert malmo == {"anchor": "kommun-1280", "title": "مالمو · Malmö", "text": "مقاطعة سكونه · Skåne län"}


def test_in_latin_script_a_place_has_its_swedish_name_only():
    county, *municipalities = present.county_search(DATA, SKANE, present.reader("so"))
    assert county["title"] == "Skåne län"
    assert next(m for m in municipalities if m["anchor"] == "kommun-1280")["title"] == "Malmö"


def test_other_spellings_of_a_place_are_in_its_text():
    names = DATA.place_names("ar")
    code, spellings = next((code, n) for code, n in names.items() if len(n) > 1 and len(code) == 4)
    county = next(c for c in DATA.counties() if any(m["code"] == code for m in c["municipalities"]))
    entry = next(e for e in present.county_search(DATA, county["code"], present.reader("ar"))
                 if e["anchor"] == f"kommun-{code}")
    assert all(spelling in entry["text"] for spelling in spellings[1:])


def test_a_text_entry_points_at_the_row_and_holds_its_text_as_text():
    item = {"anchor": "kommun-1280", "title": "Malmö", "text": "<b>Skåne</b> län"}
    entry = search_entries.text_entry("hitta-stod/skane-lan/", item, "sv")
    assert entry["u"] == "hitta-stod/skane-lan/#kommun-1280"
    assert entry["x"] == "<b>Skåne</b> län" and entry["w"][0] == "malmo"


@pytest.fixture(scope="module")
def indexes(built_site):
    return {p.stem: json.loads(p.read_bytes()) for p in (built_site / "search").glob("*.json")}


@pytest.mark.parametrize("lang", LANGUAGES, ids=lambda lang: lang["locale"])
def test_every_municipality_is_found_at_its_row_and_no_county_page_by_its_labels(built_site, indexes, lang):
    by_url = {page["u"]: page for page in indexes[lang["locale"]]["pages"]}
    reader = present.reader(lang["locale"])
    finder = lang["folder"] + present.FINDER
    for county in DATA.counties():
        url = lang["folder"] + present.county_path(county)
        html = (built_site / url / "index.html").read_text("utf-8")
        for item in present.county_search(DATA, county["code"], reader):
            entry = by_url[f"{url}#{item['anchor']}" if item["anchor"] else url]
            assert (entry["t"], entry["x"]) == (item["title"], item["text"])
            assert not item["anchor"] or f'id="{item["anchor"]}"' in html
    generated = [u for u in by_url if u.startswith(finder) and u != finder]
    assert len(generated) == len(DATA.municipality_names()) + len(DATA.counties())


# --- in the browser: a reader types a place, in their script, and lands on its numbers -----

FIELD = "#hs-search-input"
LINKS = ".hs-search__results a"
KUNGSBACKA = "1384"   # served by a centre based in another county (issue 15)
TYPED = [  # (locale, municipality, how the reader types it; None: the name in their script)
    ("sv", MALMO, "Malmö"), ("so", MALMO, "malmo"), ("ar", MALMO, None), ("ti", MALMO, None),
    ("fa-AF", KUNGSBACKA, None), ("ar", KUNGSBACKA, None),
    ("fa-AF", KUNGSBACKA, "\u0643\u0648\u0646\u06af\u0633\u0628\u0627\u0643\u0627"),  # with Arabic kaf
]


def _typed(locale: str, code: str, text: str | None) -> str:
    if text is not None:
        return text
    return DATA.place_names(locale)[code][0]


@pytest.mark.parametrize("locale, code, text", TYPED)
def test_typing_a_place_finds_its_row_with_its_numbers(open_page, built_site, site_url, locale, code, text):
    folder = built_folder(built_site, locale)
    if folder is None:
        pytest.skip(f"{locale} is not built yet")
    page = open_page(folder)
    page.click(FIELD)
    page.keyboard.type(_typed(locale, code, text))
    first = page.locator(LINKS).first
    first.wait_for()
    assert first.get_attribute("href").endswith(f"#kommun-{code}")
    first.click()
    page.wait_for_url(f"**#kommun-{code}")
    row = page.locator(f"#kommun-{code}")
    assert row.is_visible() and row.locator("a[href^='tel:']").count() >= 1
    assert page.foreign == []

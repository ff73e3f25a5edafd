"""Right-to-left pages in a real browser: a phone number written in the text ("ring
020-50 50 50") reads left to right, its digit groups in their order, as on the cards, and
on one line."""
from __future__ import annotations

import pytest

from browser_support import configured_languages, phone_page
from hedersite import strings

RTL = [lang["locale"] for lang in configured_languages() if strings.load(lang["locale"])["direction"] == "rtl"]

# For every phone link in the page's own text that has digit groups: is its first character
# drawn left of its last one (left to right), and how does the browser lay it out?
NUMBERS_IN_ORDER = """() => [...document.querySelectorAll('article a[href^="tel:"]:not(.hs-tel)')]
    .filter(a => /\\d[ -]\\d/.test(a.textContent))
    .map(a => {
        const text = a.firstChild, range = document.createRange();
        range.setStart(text, 0); range.setEnd(text, 1);
        const first = range.getBoundingClientRect().left;
        range.setStart(text, text.length - 1); range.setEnd(text, text.length);
        const last = range.getBoundingClientRect().left;
        const style = getComputedStyle(a);
        return {number: a.textContent, leftToRight: first < last, oneLine: a.getClientRects().length === 1,
                direction: style.direction, bidi: style.unicodeBidi};
    })"""


@pytest.mark.parametrize("locale", RTL or ["none"])
def test_phone_numbers_in_right_to_left_text_read_left_to_right(built_site, site_url, chromium, locale):
    with phone_page(chromium, built_site, site_url, locale, "for-dig-som-ar-utsatt/") as page:
        assert page.evaluate("document.body.dir") == "rtl"
        numbers = page.evaluate(NUMBERS_IN_ORDER)
        assert numbers, "the page should have phone numbers with digit groups in its text"
        assert all(n["leftToRight"] and n["oneLine"] and n["direction"] == "ltr" and n["bidi"] == "isolate"
               for n in numbers), numbers

"""The language list on a small phone (360 px), opened from the keyboard without JavaScript:
every language's own name is fully on the screen, in left-to-right and right-to-left pages
(overrides/components/language-menu/)."""
from __future__ import annotations

import pytest

from browser_support import SMALL_PHONE, built_folder

BUTTON = ".md-header__option .md-select button"
LIST = ".md-header__option .md-select__inner"


@pytest.mark.parametrize("locale", ["sv", "ar"])
def test_the_opened_list_fits_a_small_phone(built_site, site_url, chromium, locale):
    folder = built_folder(built_site, locale)
    if folder is None:
        pytest.skip(f"{locale} is not built yet")
    context = chromium.new_context(viewport=SMALL_PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + folder)
        page.focus(BUTTON)  # :focus-within opens the list, as a tap or Tab does
        page.wait_for_timeout(1000)  # Material's opening transition (0.25 s)
        assert page.eval_on_selector(LIST, "list => getComputedStyle(list).opacity") == "1"
        box = page.locator(LIST).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= SMALL_PHONE["width"], box
        names = page.eval_on_selector_all(f"{LIST} a", "links => links.map(a => a.scrollWidth <= a.clientWidth)")
        assert names and all(names), "a language name is cut"
    finally:
        context.close()

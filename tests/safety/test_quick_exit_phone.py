"""The quick exit on a phone, left to right (Swedish) and right to left (Arabic, once it is
built): on screen and uncovered at any scroll position and with the menu drawer open, a
finger-sized target at the end of the line, and focused elements never hidden under it."""
from __future__ import annotations

import pytest

from browser_support import PHONE, SMALL_PHONE, built_folder

EXIT = "a[data-quick-exit]"
LANGUAGES = {"sv": "ltr", "ar": "rtl"}
VIEWPORTS = {"390x844": PHONE, "360x740": SMALL_PHONE}

# The exit's box, and whether the element at its centre is the exit (or inside it).
UNCOVERED = """() => {
  const exit = document.querySelector("a[data-quick-exit]");
  const r = exit.getBoundingClientRect();
  const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width,
          height: r.height, hit: !!hit && exit.contains(hit),
          hitName: hit ? hit.tagName + "." + hit.className : null};
}"""


@pytest.fixture(params=list(LANGUAGES))
def phone_page(request, size, built_site, guarded, site_url):
    locale = request.param
    folder = built_folder(built_site, locale)
    if folder is None:
        pytest.skip(f"{locale} is not built yet (build: false in mkdocs.yml, or no pages)")
    path = folder + ("hitta-stod/" if (built_site / folder / "hitta-stod" / "index.html").is_file() else "")
    viewport = VIEWPORTS[size]
    page = guarded(viewport=viewport, is_mobile=True, has_touch=True).context.new_page()
    page.goto(site_url + path)
    page.direction = LANGUAGES[locale]
    return page


def _assert_on_screen_and_uncovered(page):
    viewport = page.viewport_size
    # The page is no wider than the screen (else a phone pans it, the bar's end off screen).
    assert page.evaluate("[innerWidth, scrollX]") == [viewport["width"], 0]
    bar = page.locator(".hs-exit").bounding_box()
    assert (bar["x"], bar["width"], bar["y"]) == (0, viewport["width"], 0)
    box = page.evaluate(UNCOVERED)
    assert 0 <= box["top"] and box["bottom"] <= viewport["height"], box
    assert 0 <= box["left"] and box["right"] <= viewport["width"], box
    assert box["hit"], f"something covers the quick exit: {box['hitName']}"
    assert box["width"] >= 44 and box["height"] >= 44, box  # WCAG 2.5.8 asks 24; 44 is a thumb
    end_side = box["left"] + box["width"] / 2 > viewport["width"] / 2
    assert end_side == (page.direction == "ltr"), "the exit should sit at the end of the line"


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_on_screen_and_uncovered_when_scrolled_to_the_bottom(phone_page, size):
    _assert_on_screen_and_uncovered(phone_page)
    phone_page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    assert phone_page.evaluate("window.scrollY") > 0
    _assert_on_screen_and_uncovered(phone_page)


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_on_screen_and_uncovered_with_the_menu_drawer_open(phone_page, size):
    phone_page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight / 2)")
    phone_page.click("label.md-header__button[for=__drawer]")
    assert phone_page.is_checked("#__drawer")
    phone_page.wait_for_function("""() => {
      const r = document.querySelector(".md-sidebar--primary").getBoundingClientRect();
      return r.right > 0 && r.left < innerWidth && !document.getAnimations().length;
    }""")
    _assert_on_screen_and_uncovered(phone_page)
    phone_page.click(EXIT)
    assert phone_page.title() == "Väder"


@pytest.mark.parametrize("size", ["390x844"])
def test_the_hide_your_visit_link_is_next_to_it(phone_page, size, site_url):
    link = phone_page.locator(".hs-exit__hide")
    box = link.bounding_box()
    assert box["height"] >= 24 and box["width"] >= 24
    link.click()
    phone_page.wait_for_load_state()
    assert phone_page.url.startswith(site_url) and phone_page.url.endswith("/dolj-ditt-besok/")
    assert phone_page.is_visible("h1")


@pytest.mark.parametrize("size", ["390x844"])
def test_a_focused_link_is_not_hidden_under_the_bars(phone_page, size):
    """WCAG 2.4.11: scroll a link to just under the top edge, where the quick exit and the
    header stick, then focus it: the page scrolls it out from under them."""
    links = phone_page.locator(".md-content a[href]")
    target = links.nth(links.count() // 2)
    target.evaluate("a => window.scrollBy(0, a.getBoundingClientRect().top - 10)")
    target.evaluate("a => a.focus()")
    top = target.evaluate("a => a.getBoundingClientRect().top")
    header_bottom = phone_page.evaluate("document.querySelector('.md-header').getBoundingClientRect().bottom")
    assert top >= header_bottom

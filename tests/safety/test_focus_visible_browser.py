"""Keyboard focus is always seen (WCAG 2.4.7) and never hidden (2.4.11): Tab through a start
page, the finder and a county page, left to right and right to left, on a phone and on a computer screen, opening the
language menu on the way (and, on a phone, the menu drawer from its button; and the search
results, from the search box), and every
element that gets focus shows an indicator of at least 2 px, lies inside the viewport and is
not covered by the sticky bar or header. In the header
(quick exit, skip links, header, search strip) the indicator also has a colour of 3:1 or more
against the header's background and one against the page's (overrides/components/focus/)."""
from __future__ import annotations

import re

import pytest

from browser_support import PHONE, built_folder, phone_page
from hedersite.dataset import load_dataset

LANGUAGES = ["sv", "ar", "fa-AF", "ti", "so"]
SCREENS = {"phone": PHONE, "desktop": {"width": 1280, "height": 800}}
# The start page, and the pages with the most kinds of controls: the finder (its field, the
# county links, the answer's numbers) and a county page (rows of numbers, cards, links).
PAGES = {"start": "", "finder": "hitta-stod/", "county": "hitta-stod/hallands-lan/"}
CHROME = ".hs-exit-skip, .md-skip, .hs-exit, .md-header, .hs-search"
MOST_TABS = 300  # a start page has about 80 stops; more means focus is caught somewhere

# The focused element after the page has settled (two frames: scrolling, the menu opening).
FOCUSED = r"""async chrome => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e), r = e.getBoundingClientRect();
  // A link broken over two lines: the middle of its box may be between its pieces.
  const hits = [...e.getClientRects()].map(p => document.elementFromPoint(p.left + p.width / 2, p.top + p.height / 2));
  const hit = hits.find(h => h && e.contains(h)) || hits[0];
  const text = (e.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
  return {name: `<${e.tagName.toLowerCase()} class="${e.getAttribute("class") || ""}"> "${text}" ${e.getAttribute("href") || ""}`, chrome: !!e.closest(chrome), language: e.matches(".md-select__link"),
          menu: e.matches(".md-select button"), logo: e.matches(".md-header a.md-logo"),
          drawerButton: e.matches(".md-header label[for=__drawer]"), inDrawer: !!e.closest(".md-sidebar--primary"),
          inHeadings: !!e.closest(".md-sidebar--primary .md-nav--secondary"), inAnswer: !!e.closest("#hs-answer"),
          role: e.getAttribute("role"), label: e.getAttribute("aria-label"), expanded: e.getAttribute("aria-expanded"),
          outlineStyle: s.outlineStyle, outlineWidth: parseFloat(s.outlineWidth), outlineColor: s.outlineColor,
          boxShadow: s.boxShadow, left: r.left, top: r.top, right: r.right, bottom: r.bottom,
          width: innerWidth, height: innerHeight, hit: !!hit && e.contains(hit),
          hitName: hit ? hit.tagName + "." + hit.getAttribute("class") : null};
}"""
BACKGROUNDS = """() => [".md-header", "body"].map(s => getComputedStyle(document.querySelector(s)).backgroundColor)"""


def _colours(text: str) -> list[tuple[float, float, float]]:
    """The opaque rgb()/rgba() colours in a computed style value."""
    found = []
    for match in re.finditer(r"rgba?\(([^)]*)\)", text):
        parts = [float(p) for p in re.split(r"[,\s/]+", match.group(1).strip())]
        if len(parts) == 3 or parts[3] == 1:
            found.append(tuple(parts[:3]))
    return found


def _contrast(a, b) -> float:
    def luminance(rgb):
        c = [x / 255 for x in rgb]
        c = [x / 12.92 if x <= 0.04045 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]
    light, dark = sorted([luminance(a), luminance(b)], reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _problems(f: dict, backgrounds: list) -> list[str]:
    problems = []
    ring = [] if f["outlineStyle"] == "none" or f["outlineWidth"] < 2 else _colours(f["outlineColor"])
    ring += _colours(f["boxShadow"]) if f["boxShadow"] != "none" else []
    if not ring:
        problems.append(f"no focus indicator (outline {f['outlineStyle']} {f['outlineWidth']}px,"
                        f" box-shadow {f['boxShadow']})")
    elif f["chrome"]:
        for where, background in zip(["header", "page"], backgrounds):
            if max(_contrast(colour, background) for colour in ring) < 3:
                problems.append(f"indicator under 3:1 against the {where} background {background}")
    # 1 px of slack: the browser scrolls a focused element into view in whole pixels.
    if not (-1 <= f["left"] and -1 <= f["top"] and f["right"] <= f["width"] + 1 and f["bottom"] <= f["height"] + 1):
        problems.append(f"outside the viewport ({f['left']:.0f}, {f['top']:.0f}, {f['right']:.0f}, {f['bottom']:.0f})")
    if not f["hit"]:
        problems.append(f"covered by {f['hitName']}")
    return problems


@pytest.mark.parametrize("where", list(PAGES))
@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("locale", LANGUAGES)
def test_every_focused_element_is_seen(built_site, site_url, chromium, locale, screen, where):
    folder = built_folder(built_site, locale)
    if folder is None:
        pytest.skip(f"{locale} is not built yet")
    context = chromium.new_context(viewport=SCREENS[screen])
    try:
        page = context.new_page()
        page.goto(site_url + folder + PAGES[where])
        backgrounds = [_colours(c)[0] for c in page.evaluate(BACKGROUNDS)]
        seen, failures = [], []
        for _ in range(MOST_TABS):
            page.keyboard.press("Tab")
            focused = page.evaluate(FOCUSED, CHROME)
            if focused is None or (seen and focused["name"] == seen[0]["name"]):
                break  # past the last element: focus went back to the page or the address bar
            seen.append(focused)
            failures += [f"{focused['name']}: {problem}" for problem in _problems(focused, backgrounds)]
        else:
            pytest.fail(f"focus never left the page after {MOST_TABS} presses of Tab")
        # The language menu opened from the keyboard, and Tab went through its links.
        assert any(f["menu"] for f in seen), "the language button never got focus"
        assert sum(f["language"] for f in seen) >= 2, "Tab did not reach the language menu's links"
        if screen == "desktop":
            assert any(f["logo"] for f in seen), "the logo never got focus"
        else:
            assert any(f["drawerButton"] for f in seen), "the menu button never got focus"
            assert not any(f["inDrawer"] for f in seen), "Tab went into the closed menu drawer"
        assert not failures, "\n".join(failures)
    finally:
        context.close()


DRAWER_OPEN = "() => document.getElementById('__drawer').checked"
HEADINGS_OPEN = "() => document.getElementById('__toc').checked"
MENU_NAMES = """() => [...document.querySelectorAll('.md-sidebar--primary nav[aria-label]')].map(n => n.getAttribute('aria-label'))"""
SLIDE_MS = 300  # Material's drawer and panels slide in 0.25 s


def _tab_until(page, wanted, presses: int = 40, key: str = "Tab") -> dict:
    """Press Tab until the focused element matches `wanted` (a predicate on FOCUSED)."""
    for _ in range(presses):
        page.keyboard.press(key)
        focused = page.evaluate(FOCUSED, CHROME)
        if focused and wanted(focused):
            return focused
    pytest.fail(f"{key} never reached the element looked for")


def _walk(page, inside, backgrounds) -> tuple[list[dict], list[str], dict]:
    """Tab while focus is `inside` (a predicate): what got focus, its problems, where it left to."""
    walked, failures = [], []
    focused = page.evaluate(FOCUSED, CHROME)
    while focused and inside(focused) and len(walked) < MOST_TABS:
        walked.append(focused)
        failures += [f"{focused['name']}: {problem}" for problem in _problems(focused, backgrounds)]
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED, CHROME)
    return walked, failures, focused


@pytest.mark.parametrize("locale", LANGUAGES)
def test_the_menu_drawer_opens_and_closes_from_the_keyboard(built_site, site_url, chromium, locale):
    """On a phone (or a page zoomed to the phone layout) the list of pages is in Material's
    drawer, and the page's headings in a panel inside it, each opened by a label that was no
    Tab stop (the menu icon had no name either). With components/drawer/drawer.js each is a
    named button: Enter and Space open it with focus on its first link, every control in it
    shows its focus, closed panels take no focus, and Escape or Tab out of a panel closes it
    with focus back on the button that opened it."""
    with phone_page(chromium, built_site, site_url, locale) as page:
        backgrounds = [_colours(c)[0] for c in page.evaluate(BACKGROUNDS)]
        menu_name, headings_name = page.evaluate(MENU_NAMES)
        button = _tab_until(page, lambda f: f["drawerButton"])
        assert (button["role"], button["label"], button["expanded"]) == ("button", menu_name, "false")
        assert menu_name and not _problems(button, backgrounds)

        # Open, walk every control in it, and Tab past the last one closes it.
        page.keyboard.press("Enter")
        page.wait_for_timeout(SLIDE_MS)
        walked, failures, left_to = _walk(page, lambda f: f["inDrawer"], backgrounds)
        assert len(walked) >= 10, f"focus was in the open drawer on {len(walked)} controls only"
        assert not failures, "\n".join(failures)
        assert not any(f["inHeadings"] for f in walked), "Tab went into the closed panel of headings"
        assert left_to["drawerButton"] and left_to["expanded"] == "false" and not page.evaluate(DRAWER_OPEN)

        # The panel of the page's headings, inside the drawer, opened and left the same way.
        page.keyboard.press("Space")
        opener = _tab_until(page, lambda f: f["inDrawer"] and f["role"] == "button")
        assert (opener["label"], opener["expanded"]) == (headings_name, "false") and headings_name
        page.keyboard.press("Enter")
        page.wait_for_timeout(SLIDE_MS)
        walked, failures, left_to = _walk(page, lambda f: f["inHeadings"], backgrounds)
        assert walked and not failures, "\n".join(failures) or "no heading link got focus"
        assert left_to["role"] == "button" and left_to["expanded"] == "false" and not page.evaluate(HEADINGS_OPEN)
        page.keyboard.press("Escape")
        focused = page.evaluate(FOCUSED, CHROME)
        assert focused["drawerButton"] and not page.evaluate(DRAWER_OPEN)

        # Shift+Tab before the first control leaves it too.
        page.keyboard.press("Enter")
        page.keyboard.press("Shift+Tab")
        focused = page.evaluate(FOCUSED, CHROME)
        assert focused["drawerButton"] and focused["expanded"] == "false" and not page.evaluate(DRAWER_OPEN)


def test_a_heading_link_in_the_drawer_closes_it(built_site, site_url, chromium):
    """A link to a heading of the page being read closes the drawer: the heading is not left
    under it."""
    with phone_page(chromium, built_site, site_url, "sv") as page:
        page.focus(".md-header label[for=__drawer]")
        page.keyboard.press("Enter")
        _tab_until(page, lambda f: f["inDrawer"] and f["role"] == "button")
        page.keyboard.press("Enter")
        page.wait_for_timeout(SLIDE_MS)
        page.keyboard.press("Enter")  # the first heading
        assert "#" in page.url and not page.evaluate(DRAWER_OPEN)


def test_without_javascript_the_menu_icon_still_opens_the_drawer(built_site, site_url, chromium):
    """Without the script the icon stays Material's label: a tap still opens the drawer."""
    with phone_page(chromium, built_site, site_url, "sv", java_script_enabled=False) as page:
        assert page.get_attribute(".md-header label[for=__drawer]", "tabindex") is None
        page.click(".md-header label[for=__drawer]")
        page.wait_for_timeout(SLIDE_MS)
        link = page.locator(".md-nav--primary > .md-nav__list > .md-nav__item:not(.md-nav__item--active) > a").first
        assert link.is_visible() and link.bounding_box()["x"] >= 0


PANEL_BACKGROUNDS = """() => [".hs-search__panel", "body"].map(s => getComputedStyle(document.querySelector(s)).backgroundColor)"""
SEARCHED = {"sv": "stöd", "ar": "مالمو", "fa-AF": "کونگسباکا", "ti": "ማልሞ", "so": "malmo"}


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("locale", LANGUAGES)
def test_search_results_show_their_focus(built_site, site_url, chromium, locale, screen):
    """The results list opens from the search box: Arrow keys and Tab move through its
    links, and each shows its focus, in view, above the page. The list is a light panel over
    the page, not on the header's colour: its ring is measured against the panel."""
    with phone_page(chromium, built_site, site_url, locale, viewport=SCREENS[screen]) as page:
        page.click("#hs-search-input")
        page.keyboard.type(SEARCHED[locale])
        page.wait_for_selector(".hs-search__results a")
        count = min(3, page.locator(".hs-search__results a").count())
        backgrounds = [_colours(c)[0] for c in page.evaluate(PANEL_BACKGROUNDS)]
        page.keyboard.press("ArrowDown")
        failures = []
        for step in range(count):
            focused = page.evaluate(FOCUSED, CHROME)
            assert focused and "hs-search__link" in focused["name"], focused
            failures += [f"{focused['name']}: {problem}" for problem in _problems(focused, backgrounds)]
            page.keyboard.press("Tab" if step % 2 else "ArrowDown")
        assert not failures, "\n".join(failures)


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("locale", LANGUAGES)
def test_the_finder_s_answer_shows_the_focus_of_each_number(built_site, site_url, chromium, locale, screen):
    """The answer appears only once a place is chosen, so the walk above never sees it: its
    numbers, card links and the link to the county page each show their focus."""
    typed = (load_dataset().place_names(locale).get("1384") or ("Kungsbacka",))[0]
    with phone_page(chromium, built_site, site_url, locale, "hitta-stod/", viewport=SCREENS[screen]) as page:
        backgrounds = [_colours(c)[0] for c in page.evaluate(BACKGROUNDS)]
        page.fill("#hs-finder-input", typed)
        page.press("#hs-finder-input", "Enter")
        page.keyboard.press("Tab")
        walked, failures, _ = _walk(page, lambda f: f["inAnswer"], backgrounds)
        assert len(walked) >= 3, f"Tab reached {len(walked)} controls of the answer"
        assert any("tel:" in f["name"] for f in walked), "no phone number got focus"
        assert not failures, "\n".join(failures)

"""Keyboard focus is always seen (WCAG 2.4.7) and never hidden (2.4.11): Tab through a start
page, left to right and right to left, on a phone and on a computer screen, opening the
language menu on the way, and every element that gets focus shows an indicator of at least
2 px, lies inside the viewport and is not covered by the sticky bar or header. In the header
(quick exit, skip links, header, search strip) the indicator also has a colour of 3:1 or more
against the header's background and one against the page's (overrides/components/focus/)."""
from __future__ import annotations

import re

import pytest

from browser_support import PHONE, built_folder

LANGUAGES = ["sv", "ar", "fa-AF", "ti", "so"]
SCREENS = {"phone": PHONE, "desktop": {"width": 1280, "height": 800}}
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
          menu: e.matches(".md-select button"), logo: e.matches("a.md-logo"),
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


@pytest.mark.parametrize("screen", list(SCREENS))
@pytest.mark.parametrize("locale", LANGUAGES)
def test_every_focused_element_is_seen(built_site, site_url, chromium, locale, screen):
    folder = built_folder(built_site, locale)
    if folder is None:
        pytest.skip(f"{locale} is not built yet")
    context = chromium.new_context(viewport=SCREENS[screen])
    try:
        page = context.new_page()
        page.goto(site_url + folder)
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
        assert not failures, "\n".join(failures)
    finally:
        context.close()

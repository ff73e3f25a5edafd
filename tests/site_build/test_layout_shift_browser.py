"""A first view that does not move: on a phone, in Chromium, no page type in any script
shifts its layout after it is first drawn (Cumulative Layout Shift 0), so a frightened
reader's thumb lands where they aimed it.

Measured with the Layout Instability API: every 'layout-shift' entry since navigation
(PerformanceObserver, buffered: true), those after recent input excepted as CLS does, summed
once the page has loaded, its fonts are in (document.fonts.ready) and two frames and a short
pause have passed. The sum must be 0, not merely small: each cause found so far (the search
strip revealed by its script, the finder revealed by its script, fonts swapped in) shifted by
0.0003 to 0.35, and none is subpixel noise, so any non-zero value is a new cause to fix.

The stylesheets' local() font sources are taken out (browser_support.without_local_fonts), so
Chromium downloads and swaps the fonts as a phone without Noto fonts does; this machine has no
Ethiopic font at all, so Tigrinya falls back to empty boxes until the font arrives, the worst
case. Pages: the start page, the finder (hitta-stod), the largest county page (Skåne),
national lines, the longest other text page, in Swedish (Latin), Arabic, Dari (fa-AF, Arabic script), Tigrinya
(Ethiopic) and Russian (Cyrillic), and the 404 page; each also scrolled to its end, the
county page also opened at a municipality. Scripts are served late, as on a phone's connection, so that
what they change comes after the first paint; fonts as fast as the rest, then late.
"""
from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from browser_support import PHONE, built_folder, configured_languages, without_local_fonts
from hedersite.local_server import QuietHandler, serve

SCRIPTS = {"sv": "Latin", "ar": "Arabic", "fa-AF": "Arabic script (Dari)", "ti": "Ethiopic", "ru": "Cyrillic"}
FIXED_PAGES = {"start": "", "finder": "hitta-stod/", "county": "hitta-stod/skane-lan/",
               "national lines": "nationella-linjer/"}
# Served from this machine, a page would be complete before its first paint. Its scripts come
# late, as on a phone's connection, so that whatever they change happens after the first paint,
# where it would move the page; fonts come as fast as the rest, or late.
LATE_SCRIPTS = {".js": 0.5}
LATE_FONTS = {**LATE_SCRIPTS, ".woff2": 1.5}

# Every layout shift since navigation, summed as CLS sums them (not after recent input), with
# what moved, once two frames and a pause have passed after the fonts are in.
MEASURE = """async () => {
  await document.fonts.ready;
  await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
  await new Promise(r => setTimeout(r, 300));
  const shifts = [];
  new PerformanceObserver(list => shifts.push(...list.getEntries()))
    .observe({type: "layout-shift", buffered: true});
  await new Promise(r => setTimeout(r, 100));
  const counted = shifts.filter(e => !e.hadRecentInput);
  return {
    total: counted.reduce((sum, e) => sum + e.value, 0),
    shifts: counted.map(e => ({value: e.value, at: Math.round(e.startTime),
      moved: e.sources.map(s => s.node ? s.node.nodeName + "." + String(s.node.className || "") : "?")})),
  };
}"""


class _Slow(QuietHandler):
    delays: dict[str, float] = {}  # file suffix -> seconds before the answer

    def do_GET(self):
        time.sleep(self.delays.get(Path(self.path.split("?")[0]).suffix, 0))  # this request's thread only
        super().do_GET()


def serve_slowly(site: Path, delays: dict[str, float]):
    return serve(site, type("Handler", (_Slow,), {"delays": delays}))


def longest_text_page(site: Path, folder: str) -> str:
    """The largest page of a language other than its start page, finder, national lines and
    printed material: a long text page."""
    skipped = {"hitta-stod", "nationella-linjer", "material", "search"}
    skipped |= {lang["folder"].rstrip("/") for lang in configured_languages() if lang["folder"]}
    candidates = [p for p in (site / folder).glob("*/index.html") if p.parent.name not in skipped]
    assert candidates, f"no text page in {folder or 'the site root'}"
    return max(candidates, key=lambda p: p.stat().st_size).parent.name + "/"


def pages(site: Path) -> list[tuple[str, str]]:
    found = []
    for locale in SCRIPTS:
        folder = built_folder(site, locale)
        if folder is None:
            continue
        kinds = dict(FIXED_PAGES, text=longest_text_page(site, folder))
        found += [(f"{locale} {kind}", folder + path) for kind, path in kinds.items()
                  if (site / folder / path / "index.html").is_file()]
    return found + [("404", "404.html")]


def measure(browser, url: str, scrolled: bool = False, slow_fonts: bool = False) -> dict:
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    try:
        context.route("**/*.css", without_local_fonts)
        page = context.new_page()
        page.goto(url, wait_until="load")
        if scrolled:
            page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        return page.evaluate(MEASURE)
    finally:
        context.close()


def describe(name: str, result: dict) -> str:
    return f"{name}: CLS {result['total']:.4f} " + "; ".join(
        f"{s['value']:.4f} at {s['at']} ms moving {', '.join(s['moved'][:4])}" for s in result["shifts"])


@pytest.fixture(scope="module")
def sample(built_site) -> list[tuple[str, str]]:
    found = pages(built_site)
    assert {name.split()[0] for name, _ in found} >= {"sv", "404"}
    return found


def middle_row(site: Path, path: str) -> str | None:
    """On a county page, the fragment of its middle municipality (a link from elsewhere)."""
    html = (site / path / "index.html").read_text("utf-8")
    rows = re.findall(r'<li class="hs-muni" id="([^"]+)"', html)
    return "#" + rows[len(rows) // 2] if rows else None


def test_no_page_moves_after_its_first_paint(sample, built_site, chromium):
    moved = []
    with serve_slowly(built_site, LATE_SCRIPTS) as url:
        for name, path in sample:
            for scrolled in (False, True):
                result = measure(chromium, url + path, scrolled=scrolled)
                if result["total"] != 0:
                    moved.append(describe(name + (" (scrolled to the end)" if scrolled else ""), result))
            row = middle_row(built_site, path) if "hitta-stod/" in path else None
            if row:  # opened at a municipality: the rows above it are laid out late
                result = measure(chromium, url + path + row)
                if result["total"] != 0:
                    moved.append(describe(f"{name} (opened at {row})", result))
    assert not moved, "layout shifts after the first paint:\n" + "\n".join(moved)


# --- fonts that arrive late ---------------------------------------------------------------

def swaps_fonts(site: Path, path: str) -> bool:
    """The page draws a font that swaps in (it preloads it: scripts/hooks/site_styles.py)."""
    html = (site / (path if path.endswith(".html") else path + "index.html")).read_text("utf-8")
    return bool(re.search(r'<link rel="preload"[^>]* as="font"', html))


def test_a_late_font_moves_no_page_that_can_do_without_it(sample, built_site, chromium):
    """Arabic-script fonts are `optional` (hedersite.fonts): however late they come, the page
    keeps the system font it was drawn with. Only Ethiopic, which a phone may not have at all,
    swaps in late (its pages preload it); those pages are measured above, with the font served
    as fast as the rest."""
    steady = [(name, path) for name, path in sample if not swaps_fonts(built_site, path)]
    assert [name for name, _ in steady if name.startswith(("ar ", "fa-AF "))], "no Arabic-script page measured"
    moved = []
    with serve_slowly(built_site, LATE_FONTS) as url:
        for name, path in steady:
            result = measure(chromium, url + path)
            if result["total"] != 0:
                moved.append(describe(name, result))
    assert not moved, f"layout shifts with fonts {LATE_FONTS['.woff2']} s late:\n" + "\n".join(moved)


SHIFTING_PAGE = ("<!doctype html><div id=top></div><p>" + "Text " * 400 + "</p><script>"
                 "requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {"
                 " document.getElementById('top').style.height = '200px'; }, 50)));</script>")


def test_the_measure_sees_a_shift(chromium):
    """The measure itself: a page that pushes its text down after the first paint has CLS > 0
    (else a broken measure would pass every page). Served from an address of its own, as the
    API reports nothing for an about:blank page filled by script."""
    context = chromium.new_context(viewport=PHONE)
    try:
        context.route("http://shift.invalid/", lambda route: route.fulfill(content_type="text/html",
                                                                          body=SHIFTING_PAGE))
        page = context.new_page()
        page.goto("http://shift.invalid/")
        result = page.evaluate(MEASURE)
    finally:
        context.close()
    assert result["total"] > 0.05, result
    assert result["shifts"][0]["moved"]

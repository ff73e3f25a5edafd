"""axe-core (bundled with axe-playwright-python, no network) finds no WCAG 2.2 A/AA violation
on the pages a reader in danger needs most and on every topic page, in Swedish, Arabic and
Tigrinya (those built), on a phone (where most readers are), and in Swedish also on a
computer screen (sidebars)."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_support import PHONE, built_folder
from hedersite import topics

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LANGUAGES = ["sv", "ar", "ti"]
PAGES = {"start": "", "find-support": "hitta-stod/", "county": "hitta-stod/skane-lan/",
         "national-lines": "nationella-linjer/",
         "hide-your-visit": "dolj-ditt-besok/"}
# Every topic page too (hedersite.topics reads them from docs/sv/), where it is written.
PAGES.update({"topic " + name.removesuffix(".md"): name.removesuffix(".md") + "/" for name in topics.topic_pages()})
SCREENS = {"desktop": {"width": 1280, "height": 800}, "phone": PHONE}
AXE = Axe()


def _report(results: dict) -> str:
    lines = []
    for violation in results["violations"]:
        targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]][:5]
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} -> {targets}")
    return "\n".join(lines)


CASES = [(locale, name, screen) for locale in LANGUAGES for name in PAGES for screen in SCREENS
         if screen == "phone" or locale == "sv"]


@pytest.mark.parametrize("locale,name,screen", CASES)
def test_no_wcag_violations(locale, name, screen, built_site, guarded, site_url):
    folder = built_folder(built_site, locale)
    if folder is None:
        pytest.skip(f"{locale} is not built yet (build: false in mkdocs.yml, or no pages)")
    path = folder + PAGES[name]
    if not (built_site / path / "index.html").is_file():
        pytest.skip(f"{path or '/'} is not written in {locale} yet")
    page = guarded(viewport=SCREENS[screen]).context.new_page()
    page.goto(site_url + path)
    results = AXE.run(page, options={"runOnly": {"type": "tag", "values": TAGS},
                                     "resultTypes": ["violations"]}).response
    assert results["violations"] == [], _report(results)

"""Every tab title names the page, then the site once, in one wording per language: the
start page's title is the site's name of its language (mkdocs.yml), so it is said once."""
from __future__ import annotations

import html
import re

import pytest

from browser_support import mkdocs_config
from hedersite import translations

TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def _site_names() -> dict[str, str]:
    i18n = next(p["i18n"] for p in mkdocs_config()["plugins"] if isinstance(p, dict) and "i18n" in p)
    return {lang["locale"]: lang["site_name"] for lang in i18n["languages"] if lang.get("build", True)}


@pytest.fixture(scope="module")
def titles(built_site, languages) -> dict[str, dict[str, str]]:
    """locale -> {page path: tab title} for every built page of the language."""
    found = {}
    for lang in languages:
        folder = built_site / lang["folder"]
        pages = [p for p in folder.rglob("index.html")
                 if lang["folder"] or not any(p.relative_to(folder).as_posix().startswith(o["folder"])
                                              for o in languages if o["folder"])]
        found[lang["locale"]] = {p.relative_to(built_site).as_posix():
                                 html.unescape(TITLE.search(p.read_text("utf-8")).group(1)) for p in pages}
    return found


def test_the_site_name_is_in_every_title_once(titles):
    names = _site_names()
    wrong = {path: title for locale, pages in titles.items() for path, title in pages.items()
             if title.count(names[locale]) != 1 or not title.endswith(names[locale])}
    assert wrong == {}


def test_the_start_page_title_is_the_site_name(titles, languages):
    names = _site_names()
    assert {lang["locale"]: titles[lang["locale"]][lang["folder"] + "index.html"] for lang in languages} == names


def test_each_start_page_uses_its_languages_one_wording_of_the_site_name(languages):
    names = _site_names()
    found = {}
    for lang in languages:
        meta = translations.front_matter((translations.docs_dir() / lang["locale"] / "index.md").read_text("utf-8"))
        found[lang["locale"]] = meta.get("title")
    assert found == names

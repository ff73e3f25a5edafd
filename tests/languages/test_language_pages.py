"""Built pages in every language: <html lang> and direction from the strings file, the
language list (own names, same page in the other language), the note on draft translations
and the marking of a page that falls back to Swedish."""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

import multilingual
from hedersite import strings, translations

HTML_LANG = re.compile(r'<html lang="([^"]*)"')
BODY_DIR = re.compile(r'<body dir="([^"]*)"')
LANGUAGE_LINK = re.compile(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link">\s*(.*?)\s*</a>', re.S)
NOTE = re.compile(r'<div class="admonition [a-z]+ hs-translation-note" role="note" '
                  r'data-translation="([a-z]+)"><p>(.*?)</p></div>')


def folder(lang: dict) -> str:
    return "" if lang.get("default") else f"{lang['locale']}/"


def read(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def language_links(page_html: str, page_path: str) -> dict[str, tuple[str, str]]:
    """hreflang -> (address from the site root, shown name) of the language list."""
    return {lang: (urljoin(f"/{page_path}", html.unescape(href)), html.unescape(name))
            for href, lang, name in LANGUAGE_LINK.findall(page_html)}


def test_html_lang_and_direction_come_from_the_strings(all_languages):
    project, site, languages = all_languages
    assert len(languages) == 16
    for lang in languages:
        ui = multilingual.strings_of(project, lang["locale"])
        page = read(site, folder(lang))
        assert HTML_LANG.search(page).group(1) == ui["language"], lang["locale"]
        assert BODY_DIR.search(page).group(1) == ui["direction"], lang["locale"]
    tags = {lang["locale"]: HTML_LANG.search(read(site, folder(lang))).group(1) for lang in languages}
    assert (tags["ku-IQ"], tags["ku"], tags["fa-AF"]) == ("ckb", "kmr", "fa-AF")


def test_language_list_shows_own_names_and_keeps_the_page(all_languages):
    _, site, languages = all_languages
    for lang in languages:
        path = f"{folder(lang)}nationella-linjer/"
        links = language_links(read(site, path), path)
        assert {hreflang: name for hreflang, (_, name) in links.items()} == \
            {other["locale"]: other["name"] for other in languages}, lang["locale"]
        assert {hreflang: url for hreflang, (url, _) in links.items()} == \
            {other["locale"]: f"/{folder(other)}nationella-linjer/" for other in languages}, lang["locale"]


def test_language_list_on_the_real_site_keeps_the_page(built_site):
    if not (built_site / "en" / "hitta-stod").exists():
        pytest.skip("English is not built yet (build: false in mkdocs.yml)")
    links = language_links(read(built_site, "hitta-stod"), "hitta-stod/")
    assert links["en"] == ("/en/hitta-stod/", "English")
    links = language_links(read(built_site, "en/hitta-stod"), "en/hitta-stod/")
    assert links["sv"] == ("/hitta-stod/", "Svenska")


def test_region_folders_get_a_menu_like_every_language(all_languages):
    """docs/fa-AF/ and docs/ku-IQ/: the pages are in the menu, not in a section named after
    the folder (scripts/hooks/language_folders.py)."""
    _, site, _ = all_languages
    for locale, section in (("fa-AF", "fa AF"), ("ku-IQ", "ku IQ")):
        page = read(site, f"{locale}/")
        assert section not in page and "Fa-af" not in page and "Ku-iq" not in page
        assert 'href="nationella-linjer/"' in page or 'href="./nationella-linjer/"' in page


def test_draft_translations_say_so_in_the_readers_language(all_languages):
    project, site, languages = all_languages
    for lang in languages:
        if lang.get("default") or lang["locale"] == "en":
            continue
        draft = read(site, folder(lang))
        notes = NOTE.findall(draft)
        expected = html.escape(multilingual.strings_of(project, lang["locale"])["translation.draft"], quote=False)
        assert notes == [("draft", expected)], lang["locale"]
        reviewed = read(site, f"{folder(lang)}nationella-linjer/")
        assert NOTE.findall(reviewed) == [], lang["locale"]


def test_a_translation_that_does_not_say_reviewed_is_shown_as_a_draft(all_languages):
    """The English pages have no `translation:` in their front matter (yet)."""
    project, site, _ = all_languages
    for md in sorted((project / "docs" / "en").glob("*.md")):
        state = translations.front_matter(md.read_text("utf-8")).get("translation")
        page = read(site, "en/" if md.stem == "index" else f"en/{md.stem}/")
        kinds = [kind for kind, _ in NOTE.findall(page)]
        assert kinds == ([] if state == "reviewed" else ["draft"]), md.name


def test_swedish_pages_have_no_note(all_languages):
    _, site, _ = all_languages
    for page in (site / "index.html", site / "nationella-linjer" / "index.html"):
        assert "hs-translation-note" not in page.read_text("utf-8")


def test_a_page_that_falls_back_to_swedish_says_so_and_is_marked_swedish(fallback_site):
    page = read(fallback_site, "ar/integritet")
    assert HTML_LANG.search(page).group(1) == "ar"
    notes = NOTE.findall(page)
    assert [kind for kind, _ in notes] == ["fallback"]
    assert notes[0][1] == html.escape(strings.load("ar")["translation.fallback"], quote=False)
    wrapped = re.search(r'<div lang="sv" dir="ltr">(.*)', page, re.S)
    assert wrapped, "the Swedish text must carry lang=sv dir=ltr"
    swedish_h1 = re.search(r"<h1[^>]*>.*?</h1>", read(fallback_site, "integritet"), re.S).group(0)
    assert swedish_h1 in wrapped.group(1)
    own = read(fallback_site, "ar")
    assert [kind for kind, _ in NOTE.findall(own)] == ["draft"] and '<div lang="sv"' not in own


@pytest.mark.parametrize("path", ["ar/", "ar/nationella-linjer/"])
def test_own_pages_never_carry_the_fallback_marking(fallback_site, path):
    assert 'data-translation="fallback"' not in read(fallback_site, path)

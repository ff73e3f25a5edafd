"""Built pages in every language: <html lang> and direction from the strings file, the
language list (own names, same page in the other language), the note on draft translations
and the marking of a page that falls back to Swedish."""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from hedersite import strings, translations

HTML_LANG = re.compile(r'<html lang="([^"]*)"')
BODY_DIR = re.compile(r'<body dir="([^"]*)"')
LANGUAGE_LINK = re.compile(r'<a href="([^"]*)" hreflang="([^"]*)" class="md-select__link">\s*(.*?)\s*</a>', re.S)
NOTE = re.compile(r'<div class="admonition [a-z]+ hs-translation-note" role="note" '
                  r'data-translation="([a-z]+)"><p>(.*?)</p></div>')


def read(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def language_links(page_html: str, page_path: str) -> dict[str, tuple[str, str]]:
    """hreflang -> (address from the site root, shown name) of the language list."""
    return {lang: (urljoin(f"/{page_path}", html.unescape(href)), html.unescape(name))
            for href, lang, name in LANGUAGE_LINK.findall(page_html)}


def page_address(lang: dict, md: Path) -> str:
    return lang["folder"] + ("" if md.stem == "index" else f"{md.stem}/")


def test_every_configured_language_is_built(languages):
    assert len(languages) == 16 and languages[0]["locale"] == "sv"


def test_html_lang_and_direction_come_from_the_strings(built_site, languages):
    for lang in languages:
        ui = strings.load(lang["locale"])
        page = read(built_site, lang["folder"])
        assert HTML_LANG.search(page).group(1) == ui["language"], lang["locale"]
        assert BODY_DIR.search(page).group(1) == ui["direction"], lang["locale"]
    tags = {lang["locale"]: HTML_LANG.search(read(built_site, lang["folder"])).group(1) for lang in languages}
    assert (tags["ku-IQ"], tags["ku"], tags["fa-AF"]) == ("ckb", "kmr", "fa-AF")


@pytest.mark.parametrize("name", ["", "hitta-stod/", "dolj-ditt-besok/"])
def test_language_list_shows_own_names_and_keeps_the_page(built_site, languages, name):
    for lang in languages:
        path = f"{lang['folder']}{name}"
        links = language_links(read(built_site, path), path)
        assert {hreflang: shown for hreflang, (_, shown) in links.items()} == \
            {other["locale"]: other["name"] for other in languages}, lang["locale"]
        assert {hreflang: url for hreflang, (url, _) in links.items()} == \
            {other["locale"]: f"/{other['folder']}{name}" for other in languages}, lang["locale"]


def test_region_folders_get_a_menu_like_every_language(built_site):
    """docs/fa-AF/ and docs/ku-IQ/: the pages are in the menu, not in a section named after
    the folder (scripts/hooks/language_folders.py)."""
    for locale, section in (("fa-AF", "fa AF"), ("ku-IQ", "ku IQ")):
        page = read(built_site, f"{locale}/")
        assert section not in page and "Fa-af" not in page and "Ku-iq" not in page
        assert 'href="nationella-linjer/"' in page or 'href="./nationella-linjer/"' in page


def test_every_page_of_every_language_is_in_that_language(built_site, languages):
    """No page appears in Swedish under another language: each translated page exists, and
    its <h1> is the one its own Markdown file gives, not the Swedish one."""
    docs = translations.docs_dir()
    for lang in languages[1:]:
        for md in sorted((docs / "sv").glob("*.md")):
            own = docs / lang["locale"] / md.name
            assert own.is_file(), own
            title = re.search(r"^# (.+)$", own.read_text("utf-8"), re.M).group(1).split(" {#")[0]
            page = read(built_site, page_address(lang, md))
            assert f">{html.escape(title, quote=False)}</h1>" in page or f">{title}</h1>" in page, own
            assert 'data-translation="fallback"' not in page, own


def test_draft_translations_say_so_in_the_readers_language(built_site, languages):
    """Every translated page whose front matter does not say `translation: reviewed` carries
    the draft note in its own language; Swedish pages carry none."""
    docs = translations.docs_dir()
    for lang in languages:
        expected = html.escape(strings.load(lang["locale"])["translation.draft"], quote=False)
        for md in sorted((docs / lang["locale"]).glob("*.md")):
            state = translations.front_matter(md.read_text("utf-8")).get("translation")
            notes = NOTE.findall(read(built_site, page_address(lang, md)))
            if lang["locale"] == "sv" or state == "reviewed":
                assert notes == [], md
            else:
                assert notes == [("draft", expected)], md


def test_a_reviewed_translation_has_no_note(fallback_site):
    assert NOTE.findall(read(fallback_site, "ar/nationella-linjer")) == []
    assert [kind for kind, _ in NOTE.findall(read(fallback_site, "ar"))] == ["draft"]


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


def test_the_one_not_found_page_is_swedish_and_leads_to_every_language(built_site, languages):
    """Every language build used to write the root 404.html, so the last one (Finnish) was
    shown for every broken link (scripts/hooks/not_found_page.py)."""
    page = (built_site / "404.html").read_text("utf-8")
    assert HTML_LANG.search(page).group(1) == "sv"
    assert sorted(built_site.rglob("404.html")) == [built_site / "404.html"]
    links = language_links(page, "404.html")
    assert {hreflang: url for hreflang, (url, _) in links.items()} == \
        {lang["locale"]: f"/{lang['folder']}" for lang in languages}
    # In the page itself, not only in the header's list: each language's start page, named
    # in its own words, with its real language tag and direction.
    listed = re.findall(r'<li><a href="([^"]*)" hreflang="([^"]*)" lang="([^"]*)" dir="([^"]*)"><strong>(.*?)</strong>', page)
    expected = []
    for lang in languages:
        ui = strings.load(lang["locale"])
        expected.append((f"/{lang['folder']}", ui["language"], ui["language"], ui["direction"], html.escape(lang["name"])))
    assert listed == expected
    assert 'href="tel:112"' in page


def test_every_start_page_lists_the_other_languages_in_their_own_words(built_site, languages):
    """For a reader who lands on a page in a language they do not read (data:languages)."""
    for lang in languages:
        page = read(built_site, lang["folder"])
        nav = re.search(r'<nav class="hs-languages hs-languages--inline" aria-label="([^"]*)">(.*?)</nav>', page, re.S)
        assert nav, lang["locale"]
        assert nav.group(1) == html.escape(strings.load(lang["locale"])["select.language"])
        listed = re.findall(r'<a href="([^"]*)" hreflang="([^"]*)" lang="[^"]*" dir="([^"]*)">(.*?)</a>', nav.group(2))
        expected = []
        for other in languages:
            if other is not lang:
                ui = strings.load(other["locale"])
                expected.append((f"/{other['folder']}", ui["language"], ui["direction"], html.escape(other["name"])))
        folder_of = lambda href: href if href.endswith("/") else href + "/"  # ".." -> "../"
        assert [(urljoin(f"/{lang['folder']}", folder_of(href)), tag, d, name)
                for href, tag, d, name in listed] == expected, lang["locale"]

"""The printed material as Chromium prints it (page.pdf, A4): every sheet is exactly one page,
holds every number of its contact, and fits its paper; the discreet card holds no word of
the site's name; right-to-left languages print right to left with numbers left to right;
the quick exit stays on screen. Every sheet of sv, ar and ti is printed, one contact's
sheets in every other language (a different contact in each)."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from browser_support import built_folder
from hedersite import present, printed
from printed_support import contacts, languages, name_words_in, sheets

EVERY_SHEET = ("sv", "ar", "ti")
A4_POINTS = (595.3, 841.9)
SPACE = re.compile(r"\s+")


def sampled() -> list[tuple[str, printed.Sheet]]:
    ids = sorted(contacts())
    cases = []
    for n, lang in enumerate(languages()):
        for sheet in sheets():
            if sheet.contact_id and (lang["locale"] in EVERY_SHEET or sheet.contact_id == ids[n % len(ids)]):
                cases.append((lang["locale"], sheet))
    return cases


@pytest.fixture(scope="module")
def tab(chromium):
    page = chromium.new_page(viewport={"width": 1024, "height": 900})
    yield page
    page.close()


def pdf_text(pdf: bytes) -> tuple[int, str, tuple[float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    box = reader.pages[0].mediabox
    return len(reader.pages), "\n".join(p.extract_text() for p in reader.pages), (float(box.width), float(box.height))


def compact(text: str) -> str:
    return SPACE.sub("", text)


FITS = """() => [...document.querySelectorAll('.hs-sheet, .hs-pocket')]
    .filter(el => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)
    .map(el => el.className + ': ' + el.innerText.slice(0, 60))"""
DIRECTIONS = """() => ({
    sheet: getComputedStyle(document.querySelector('.hs-sheet')).direction,
    numbers: [...document.querySelectorAll('.hs-sheet .hs-tel__number')].map(el => getComputedStyle(el).direction),
    title: (() => { const s = document.querySelector('.hs-sheet').getBoundingClientRect();
                    const text = document.createRange();  // the text's own extent, not its block's
                    text.selectNodeContents(document.querySelector('.hs-sheet :is(h2, p)'));
                    const t = text.getBoundingClientRect();
                    return {sheetLeft: s.left, sheetRight: s.right, left: t.left, right: t.right}; })()
})"""


@pytest.mark.parametrize("locale, sheet", sampled(), ids=lambda v: getattr(v, "path", v))
def test_sheet_prints_on_one_a4_page(built_site, site_url, tab, locale, sheet):
    folder = built_folder(built_site, locale)
    if folder is None:
        pytest.skip(f"{locale} is not built")
    contact = contacts()[sheet.contact_id]
    reader = present.reader(locale)
    tab.emulate_media(media="print")
    tab.goto(site_url + folder + sheet.path)
    assert not tab.locator(".hs-exit__button").is_visible(), "the quick exit is not printed"
    assert not tab.locator(".hs-translation-note").is_visible()
    assert tab.evaluate(FITS) == [], "everything fits its sheet or card"
    sheet_text = tab.locator(".hs-sheet").inner_text()

    pages, text, size = pdf_text(tab.pdf(format="A4", print_background=True))
    assert pages == 1, f"{folder}{sheet.path}: {pages} pages"
    assert size == pytest.approx(A4_POINTS, abs=1)
    for phone in contact["phones"]:
        assert compact(phone["display"]) in compact(text), (phone["display"], text[:300])
    if sheet.kind == printed.DISCREET:
        assert reader.t("printed.discreet_title") in sheet_text
        assert not name_words_in(sheet_text, locale), sheet_text
        assert not name_words_in(text, locale), text
        if contact["name"] not in (p["display"] for p in contact["phones"]):  # "112" is both
            assert compact(contact["name"]) not in compact(text)
    else:
        assert contact["name"] in sheet_text
    if reader.rtl:
        found = tab.evaluate(DIRECTIONS)
        assert found["sheet"] == "rtl"
        assert found["numbers"] and set(found["numbers"]) == {"ltr"}
        title = found["title"]  # the first line starts at the right edge of the sheet
        assert title["sheetRight"] - title["right"] < title["left"] - title["sheetLeft"], title
    tab.emulate_media(media="screen")
    assert tab.locator(".hs-exit__button").is_visible(), "the quick exit is on screen"


def test_rtl_numbers_print_left_to_right_in_the_pdf_text(built_site, site_url, tab):
    """The PDF's text, read in its own order, holds each number in reading order."""
    folder = built_folder(built_site, "ar")
    if folder is None:
        pytest.skip("ar is not built")
    contact = contacts()["resurscentrum-heder-skaraborg"]
    tab.emulate_media(media="print")
    tab.goto(site_url + folder + printed.Sheet(printed.POSTER, contact["id"]).path)
    _, text, _ = pdf_text(tab.pdf(format="A4", print_background=True))
    for phone in contact["phones"]:
        assert phone["display"] in text or compact(phone["display"]) in compact(text)
        assert compact(phone["display"])[::-1] not in compact(text)


def test_posters_have_no_qr_code_without_site_url(built_site):
    for poster in built_site.glob("**/material/*/index.html"):
        assert "hs-qr__code" not in poster.read_text("utf-8"), poster


def test_material_list_links_every_sheet(built_site):
    for lang in languages():
        folder = built_folder(built_site, lang["locale"])
        if folder is None:
            continue
        page = (built_site / folder / "material" / "index.html").read_text("utf-8")
        for sheet in sheets():
            if sheet.contact_id:
                target = sheet.path[len(printed.FOLDER):]
                assert f'href="{target}"' in page, (lang["locale"], target)
        professionals = (built_site / folder / "for-yrkesverksamma" / "index.html").read_text("utf-8")
        assert 'href="../material/"' in professionals, lang["locale"]


# --- the print stylesheet on every other page ---------------------------------------------------

def site_pages(built_site, folder: str) -> list[str]:
    root = built_site / folder
    return sorted(p.parent.relative_to(root).as_posix() + "/" for p in root.glob("*/index.html")
                  if p.parent.name != "material" and p.parent.name not in {lang["locale"] for lang in languages()})


@pytest.mark.parametrize("locale", ["sv", "ar"])
def test_pages_print_their_text_from_the_first_page(built_site, site_url, tab, locale):
    folder = built_folder(built_site, locale)
    if folder is None:
        pytest.skip(f"{locale} is not built")
    pages = ["", *site_pages(built_site, folder)]
    tab.emulate_media(media="print")
    for path in pages:
        tab.goto(site_url + folder + path)
        heading = tab.locator("h1").first.inner_text()
        first = PdfReader(io.BytesIO(tab.pdf(format="A4", print_background=True))).pages[0].extract_text()
        # A blank leading page has no text. (Arabic text does not read back reliably from the
        # PDF's subset fonts, so the heading itself is looked for in Latin script only.)
        assert len(compact(first)) > 20, f"{folder}{path}: the first page is blank"
        if locale == "sv":
            assert compact(heading)[:12] in compact(first), f"{folder}{path}: the first page does not start with the text"
        for selector in (".hs-exit", ".md-header", ".hs-search", ".md-sidebar", ".hs-languages", ".md-footer"):
            assert not tab.locator(selector).first.is_visible(), (path, selector)


def test_link_targets_are_printed(built_site, site_url, tab):
    folder = built_folder(built_site, "sv")
    tab.emulate_media(media="print")
    tab.goto(site_url + folder + "for-yrkesverksamma/")
    _, text, _ = pdf_text(tab.pdf(format="A4", print_background=True))
    assert "tel:+46102235760" in compact(text)
    tab.goto(site_url + folder + "nationella-linjer/")
    _, text, _ = pdf_text(tab.pdf(format="A4", print_background=True))
    assert "https://www.bris.se/" in compact(text)
    assert "mailto:" in compact(text)


def test_material_pages_are_within_the_first_view_budget(built_site):
    """tests/site_build/test_weight.py holds every page it measures to the budget; here: the
    sheets are among them, and the heaviest sheet of each kind is within it."""
    from hedersite import weight
    site = weight.Site(built_site)
    measured = set(site.pages())
    folders = [f for f in (built_folder(built_site, lang["locale"]) for lang in languages()) if f is not None]
    for folder in folders:
        assert {f"{folder}{s.path}index.html" for s in sheets()} <= measured, folder
    for kind in (printed.POSTER, printed.CARDS, printed.DISCREET):
        heaviest = max((f"{folder}{s.path}index.html" for folder in folders for s in sheets() if s.kind == kind),
                       key=lambda page: (built_site / page).stat().st_size)
        assert site.first_view(heaviest).total <= weight.BUDGET, site.first_view(heaviest).describe()

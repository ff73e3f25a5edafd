"""The printed material's view models (hedersite.printed), without a browser: what each sheet
may and may not say, for every contact and every language."""
from __future__ import annotations

import pytest

from hedersite import present, printed
from printed_support import contacts, languages, name_words_in, qr_matrix, qr_matrix_from_svg

LOCALES = [lang["locale"] for lang in languages()]


def test_every_regional_centre_and_national_line_with_a_number_has_three_sheets():
    found = {(s.contact_id, s.kind) for s in printed.sheets(printed_dataset())}
    for contact in printed_dataset().contact_list():
        for kind in (printed.POSTER, printed.CARDS, printed.DISCREET):
            assert ((contact["id"], kind) in found) == bool(contact.get("phones")), contact["id"]
    assert printed.LIST in printed.sheets(printed_dataset())


def test_each_sheet_address_holds_the_contact_id():
    for sheet in printed.sheets(printed_dataset()):
        if sheet.contact_id:
            assert sheet.path.startswith(f"material/{sheet.contact_id}/")


@pytest.mark.parametrize("locale", LOCALES)
def test_discreet_card_has_no_word_of_the_site_name(locale):
    r = present.reader(locale)
    for contact in contacts().values():
        card = printed.discreet_card(contact, r)
        text = " ".join([card["title"], *(p["display"] for p in card["phones"]), *card["hours"],
                         *(p["from_abroad"] for p in card["phones"]), *(sum((p["for"] for p in card["phones"]), [])),
                         r.t("contact.not_confirmed")])
        assert not name_words_in(text, locale), (contact["id"], text)
        assert not card["name"]


@pytest.mark.parametrize("locale", ["sv", "ar"])
def test_poster_promises_free_and_anonymous_only_where_the_data_does(locale):
    r = present.reader(locale)
    for contact in contacts().values():
        poster = printed.poster(contact, r, None, present.emergency_phone(printed_dataset(), r))
        assert (r.t("contact.free") in poster["flags"]) == bool(contact.get("free")), contact["id"]
        assert (r.t("contact.anonymous") in poster["flags"]) == bool(contact.get("anonymous")), contact["id"]
        assert [p["display"] for p in poster["phones"]] == [p["display"] for p in contact["phones"]]


def test_unverified_fields_are_marked_on_posters_and_cards():
    r = present.reader("sv")
    bris = contacts()["bris"]  # its hours are unverified in data/contacts/bris.yaml
    assert {u["field"] for u in bris["unverified"]} >= {"hours"}
    assert printed.poster(bris, r, None, {})["hours_unconfirmed"]
    assert printed.pocket_card(bris, r)["hours_unconfirmed"]
    assert printed.discreet_card(bris, r)["hours_unconfirmed"]


def test_start_page_address_per_language():
    assert printed.start_page_url(None, "ar/") is None
    assert printed.start_page_url("https://example.org", "ar/") == "https://example.org/ar/"
    assert printed.start_page_url("https://example.org/site/", "") == "https://example.org/site/"


def test_qr_code_is_inline_svg_without_style_and_reads_back_as_the_url():
    svg = str(printed.qr_svg("https://example.org/ti/"))
    assert svg.startswith("<svg") and "style" not in svg and "<script" not in svg
    assert qr_matrix_from_svg(svg) == qr_matrix("https://example.org/ti/")
    assert qr_matrix_from_svg(svg) != qr_matrix("https://example.org/ar/")


def printed_dataset():
    from hedersite.dataset import current_dataset
    return current_dataset()

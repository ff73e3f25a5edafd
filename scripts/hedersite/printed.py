"""View models for the printed material: an A4 poster, a sheet of pocket cards and a sheet of
discreet pocket cards for every regional centre and national line, in every built language,
and the page that lists them. Made from data/contacts/ at every build (the data is the
source, so a printed number is as current as the site); scripts/hooks/printed_pages.py adds
the pages, overrides/partials/printed.html presents these dicts.

What each shows comes from hedersite.present (the contact cards' own view model: whom it
serves, ages, numbers, hours, the free/anonymous promises only where the data makes them,
the "not confirmed" marks), so a poster never says more, or other, than the site's card.
"""
from __future__ import annotations

from dataclasses import dataclass

import segno
from markupsafe import Markup

from . import present
from .dataset import Dataset

FOLDER = "material/"          # <lang>/material/: the list; <lang>/material/<id>/...: the sheets
POSTER, CARDS, DISCREET = "poster", "cards", "discreet"
# Address of each sheet under material/<id>/ (the same in every language, like the pages' files).
SHEET_PATHS = {POSTER: "", CARDS: "kort/", DISCREET: "diskret/"}
SHEET_LABELS = {POSTER: "printed.poster", CARDS: "printed.cards", DISCREET: "printed.discreet"}
CARDS_PER_SHEET = 10          # 2 x 5 cards of 85 x 54 mm (credit-card size) on A4


@dataclass(frozen=True)
class Sheet:
    """One page of printed material: `kind` of the contact `contact_id` (None: the list)."""
    kind: str
    contact_id: str | None = None

    @property
    def path(self) -> str:
        """Address under the language's folder, e.g. material/bris/kort/."""
        if self.contact_id is None:
            return FOLDER
        return f"{FOLDER}{self.contact_id}/{SHEET_PATHS[self.kind]}"


LIST = Sheet("list")


def printable(data: Dataset) -> list[dict]:
    """Regional centres, then the national lines in `order`; only contacts with a number
    (a poster or card without one would have nothing to call)."""
    return [c for c in [*data.regional(), *data.national()] if c.get("phones")]


def sheets(data: Dataset) -> list[Sheet]:
    return [LIST] + [Sheet(kind, c["id"]) for c in printable(data) for kind in SHEET_PATHS]


def start_page_url(site_url: str | None, folder: str) -> str | None:
    """The language's start page as an absolute address, None without a site_url."""
    if not site_url:
        return None
    return site_url.rstrip("/") + "/" + folder


def qr_svg(url: str) -> Markup:
    """The QR code of `url` as inline SVG: one <path> with presentation attributes only (no
    style attribute, which the CSP would block), sized by the print stylesheet. segno draws
    it here, at build time: nothing is fetched and nothing is stored."""
    code = segno.make(url, error="m", micro=False)
    return Markup(code.svg_inline(scale=1, border=4, omitsize=True, svgclass="hs-qr__code",
                                  lineclass=None))


def page_title(sheet: Sheet, contact: dict | None, r: present.Reader) -> str:
    if sheet.contact_id is None:
        return r.t("printed.title")
    return r.t("printed.page_title", kind=r.t(SHEET_LABELS[sheet.kind]), name=contact["name"])


# --- the sheets ---------------------------------------------------------------------------------

def poster(contact: dict, r: present.Reader, start_url: str | None, emergency: dict) -> dict:
    """The contact's card view model, and what a poster adds: the start page in the reader's
    language (as a QR code and in text) and the emergency number (not on 112's own)."""
    card = present.contact_card(contact, r)
    return {
        **card,
        "qr": qr_svg(start_url) if start_url else None,
        "start_url": start_url,
        "emergency_line": None if card["emergency"] else {**emergency, "text": r.t("find.in_danger")},
    }


def pocket_card(contact: dict, r: present.Reader) -> dict:
    """The numbers and hours, with the contact's name and whom each number is for."""
    card = present.contact_card(contact, r)
    return {key: card[key] for key in ("name", "phones", "phones_unconfirmed", "hours", "hours_unconfirmed")}


def discreet_card(contact: dict, r: present.Reader) -> dict:
    """Numbers and hours only, under a neutral title: no name (most centres are named for
    honour or violence) and no labels ("for professionals", "from abroad"), so a card found
    in a pocket says nothing about why its owner has it. tests/printed/ checks that no word
    of the site's name in the card's language is on it."""
    card = pocket_card(contact, r)
    return {**card, "name": "", "title": r.t("printed.discreet_title"),
            "phones": [{**p, "for": [], "from_abroad": ""} for p in card["phones"]]}


def sheet_view(sheet: Sheet, contact: dict, r: present.Reader, *, start_url: str | None,
               emergency: dict, list_url: str) -> dict:
    view = {"kind": sheet.kind, "title": page_title(sheet, contact, r), "list_url": list_url}
    if sheet.kind == POSTER:
        view["poster"] = poster(contact, r, start_url, emergency)
    else:
        make = pocket_card if sheet.kind == CARDS else discreet_card
        view["cards"] = [make(contact, r)] * CARDS_PER_SHEET
    return view


# --- the list -----------------------------------------------------------------------------------

def _entry(contact: dict, r: present.Reader, href) -> dict:
    return {"name": contact["name"],
            "links": [{"label": r.t(SHEET_LABELS[kind]), "href": href(Sheet(kind, contact["id"]))}
                      for kind in SHEET_PATHS]}


def material_list(data: Dataset, r: present.Reader, href) -> dict:
    """Every contact's sheets, regional centres by name in the reader's alphabet, then the
    national lines in `order`; href(sheet) is the link from the list page."""
    contacts = printable(data)
    regional = sorted((c for c in contacts if c["kind"] == "regional"),
                      key=lambda c: present.sort_key(c["name"], r))
    national = [c for c in contacts if c["kind"] == "national"]
    return {"title": r.t("printed.title"),
            "groups": [{"title": r.t("find.centres"), "entries": [_entry(c, r, href) for c in regional]},
                       {"title": r.t("find.national_lines"), "entries": [_entry(c, r, href) for c in national]}]}

"""Every phone number written in a page, in every language, is a tel: link: a reader can
tap it, and the site keeps its digit groups left to right in Arabic-script pages (a bare
"+46 8 405 50 05" in an Arabic sentence is shown as "05 50 405 8 46+")."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEL_LINK = re.compile(r"\[[^\]]*\]\(tel:[^)]*\)")
# +46 and groups, or a Swedish number with an area code and a hyphen (020-50 50 50).
PHONE = re.compile(r"\+\d{2}(?:[ -]?\d){6,}|\b0\d{1,3}-\d{2,3}(?: \d{2,3})+")


def test_phone_numbers_in_pages_are_tel_links():
    bare = []
    for md in sorted((ROOT / "docs").glob("*/*.md")):
        for number, line in ((m.group(0), n) for n, text in enumerate(md.read_text("utf-8").splitlines(), 1)
                             for m in PHONE.finditer(TEL_LINK.sub("", text))):
            bare.append(f"{md.relative_to(ROOT)}:{line}: {number} - write it as [{number}](tel:+46...)")
    assert not bare, "\n".join(bare)


def test_the_pattern_finds_the_numbers_it_is_for():
    assert PHONE.findall("ring +46 8 405 50 05 eller 020-50 50 50 kl. 09–12, 2026-11-24") == \
        ["+46 8 405 50 05", "020-50 50 50"]
    assert PHONE.findall(TEL_LINK.sub("", "ring [020-50 50 50](tel:+4620505050)")) == []


# --- the built pages: every number shown or dialled is one of data/contacts/ ------------------

TEL_HREF = re.compile(r'href="tel:([^"]+)"')
TAG = re.compile(r"<[^>]+>")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def known_numbers() -> set[str]:
    """Every number of data/contacts/ as digits: as published, as dialled, and in E.164 with
    the Swedish 0 instead of +46 (as the site writes them in text)."""
    from hedersite.dataset import current_dataset
    known = set()
    for contact in current_dataset().contact_list():
        for phone in contact.get("phones", []):
            known.add(_digits(phone["display"]))
            for value in (phone.get("short"), phone.get("e164")):
                if value:
                    known.add(_digits(value))
            if phone.get("e164", "").startswith("+46"):
                known.add("0" + phone["e164"][3:])
    return known


def unknown_numbers(page_html: str, known: set[str]) -> list[str]:
    dialled = [number for number in TEL_HREF.findall(page_html) if _digits(number) not in known]
    text = TAG.sub(" ", re.sub(r"<(script|style)\b.*?</\1>", " ", page_html, flags=re.S))
    shown = [number for number in PHONE.findall(text) if _digits(number) not in known]
    return dialled + shown


def test_every_page_renders_only_numbers_from_the_contact_data(built_site):
    known = known_numbers()
    wrong = [f"{page.relative_to(built_site)}: {number} - not in data/contacts/: add the contact "
             f"(with its source) and use a <!-- data:... --> marker"
             for page in sorted(built_site.rglob("*.html"))
             for number in unknown_numbers(page.read_text("utf-8"), known)]
    assert not wrong, "\n".join(wrong)


def test_a_number_that_is_not_in_the_data_is_found():
    known = known_numbers()
    assert unknown_numbers('<a href="tel:+4620505050">020-50 50 50</a>', known) == []
    assert unknown_numbers('<a href="tel:+4620505051">x</a> ring 020-50 50 51', known) == \
        ["+4620505051", "020-50 50 51"]

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

"""No page and no label promises a free or anonymous call that the data does not back.

Computed from the data and the texts, in every language: each paragraph or list item of every
page, and each label in data/strings/, that uses a word of its language's termbase for "free"
or "anonymous" (data/glossary/<lang>.yaml `promises`) either
- names contacts (by name or phone number) that all say so in data/contacts/ (`free: true`,
  `anonymous: true`), or
- names none and speaks of contacts in general: then it must hedge ("many", "most", "ask":
  the termbase's `hedges`), since the sources document these promises for some contacts only.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from hedersite import strings, terms
from hedersite.dataset import load_dataset

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
# Labels a card shows only for a contact whose data has the flag (present.contact_card).
PER_CONTACT_LABELS = {f"contact.{flag}" for flag in terms.PROMISES}
MARKUP = re.compile(r"<!--.*?-->|\(tel:[^)]*\)|\([^)\s]*\.md[^)]*\)", re.S)
# "020" on its own (not the start of a number): the text speaks of Sweden's free-phone numbers,
# free to call by the numbering plan whoever answers (dolj-ditt-besok: such calls are not on
# the phone bill), not of what a contact offers.
FREEPHONE_PREFIX = re.compile(r"(?<![\d+-])020(?!\s?[\d-])")


def contacts() -> list[dict]:
    return [f.data for f in load_dataset().contacts]


def named(text: str, every: list[dict]) -> list[dict]:
    """Contacts the text names: by name (names stay as written in every language) or number."""
    folded = terms.normal(text)
    digits = re.sub(r"\D", "", text)
    found = []
    for contact in every:
        numbers = [re.sub(r"\D", "", p["display"]) for p in contact.get("phones", [])]
        by_name = re.search(r"(?<!\w)" + re.escape(terms.normal(contact["name"])) + r"(?!\w)", folded)
        if by_name or any(len(n) >= 6 and n in digits for n in numbers):
            found.append(contact)
    return found


def blocks(markdown: str) -> list[str]:
    """Paragraphs and list items of a page, without front matter, markers and link targets."""
    text = markdown.split("\n---\n", 1)[1] if markdown.startswith("---") else markdown
    text = MARKUP.sub("", text)
    found, current = [], []
    for line in text.splitlines():
        item = re.match(r"\s*(?:[-*]|\d+\.)\s+", line)
        if not line.strip() or line.startswith("#") or item:
            if current:
                found.append(" ".join(current))
            current = [line[item.end():]] if item else []
        else:
            current.append(line.strip())
    if current:
        found.append(" ".join(current))
    return found


def broken_promises(text: str, glossary: terms.Glossary, every: list[dict]) -> list[str]:
    problems = []
    for kind in terms.PROMISES:
        if not glossary.finds(glossary.promises.get(kind, []), text):
            continue
        if kind == "free" and FREEPHONE_PREFIX.search(text):
            continue
        names = named(text, every)
        wrong = [c["name"] for c in names if not c.get(kind)]
        if wrong:
            problems.append(f"promises {kind} for {', '.join(wrong)}, whose data does not say so")
        elif not names and not glossary.finds(glossary.hedges, text):
            problems.append(f"promises {kind} for every contact: say 'many'/'most' or 'ask'")
    return problems


LOCALES = sorted(p.stem for p in (ROOT / "data" / "strings").glob("*.yaml"))


@pytest.mark.parametrize("locale", LOCALES)
def test_no_page_promises_what_the_data_does_not(locale):
    glossary, every = terms.load(locale), contacts()
    problems = []
    for page in sorted((DOCS / locale).glob("*.md")):
        for block in blocks(page.read_text("utf-8")):
            problems += [f"docs/{locale}/{page.name}: {p}: {block[:120]}"
                         for p in broken_promises(block, glossary, every)]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("locale", LOCALES)
def test_no_label_promises_what_the_data_does_not(locale):
    glossary, every = terms.load(locale), contacts()
    labels = strings.load(locale)
    problems = [f"data/strings/{locale}.yaml: {key}: {p}" for key, value in labels.items()
                if key not in PER_CONTACT_LABELS for p in broken_promises(value, glossary, every)]
    assert not problems, "\n".join(problems)


def test_the_check_finds_a_blanket_promise_and_a_wrong_one():
    glossary, every = terms.load("sv"), contacts()
    not_free = next(c for c in every if c["kind"] == "national" and not c.get("free") and c.get("phones"))
    assert broken_promises("Det är gratis att ringa ett resurscentrum.", glossary, every)
    assert broken_promises(f"Det är gratis att ringa {not_free['name']}.", glossary, every)
    free = next(c for c in every if c.get("free") and c["kind"] == "national" and c["name"] != "112")
    assert not broken_promises(f"Det är gratis att ringa {free['name']}.", glossary, every)
    assert not broken_promises("Hos många resurscentra är det gratis. Fråga när du ringer.", glossary, every)
    assert not broken_promises("Ett samtal till ett gratisnummer syns inte på räkningen.", glossary, every)
    assert not broken_promises("Ett gratis samtal till ett nummer som börjar på 020 syns inte.", glossary, every)
    assert broken_promises("Du kan vara anonym när du ringer.", glossary, every)


def test_cards_show_promises_only_where_the_data_says_so_with_their_source():
    from hedersite import present
    reader = present.reader("sv")
    for contact in contacts():
        card = present.contact_card(contact, reader)
        for flag in (*terms.PROMISES, "interpreter"):
            assert (reader.t(f"contact.{flag}") in card["flags"]) == bool(contact.get(flag)), (contact["id"], flag)
        if card["flags"]:
            assert card["flags_source"]["url"] == (contact.get("offer_source") or contact["source"])["url"]
        else:
            assert card["flags_source"] is None

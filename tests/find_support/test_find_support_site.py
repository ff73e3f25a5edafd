"""The built find-support pages (the finder and one page per county) and the national-lines
page: every number of the national centre's list (seed 002) can be called, every municipality
is on its county's page in every language, with the numbers of the right centres or of the
national lines, and numbers read left to right."""
from __future__ import annotations

import re
from pathlib import Path

import phonenumbers
import pytest
import yaml

from browser_support import configured_languages
from fs_html import Node, parse

ROOT = Path(__file__).resolve().parents[2]
# The national centre's list (shared/seeds/002_*.txt beside the clone, as in CI); its
# "Telefon" lines are also kept in tests/fixtures so a clone elsewhere runs the same check.
SEED = next((ROOT.parent / "shared" / "seeds").glob("002_*.txt"), None) if (ROOT.parent / "shared").is_dir() \
    else ROOT / "tests" / "fixtures" / "seed-002-telefon.txt"
PHONE_IN_TEXT = re.compile(r"\b0\d{1,3}-\d[\d ]*\d")
# Number text with a plus or separators: the kind that an RTL paragraph reorders.
SEPARATED_NUMBER = re.compile(r"\+?\d[\d \-]{3,}\d")


def page(site: Path, locale: str, default: bool, name: str) -> Path:
    return (site if default else site / locale) / name / "index.html"


def municipality_codes() -> list[str]:
    geo = yaml.safe_load((ROOT / "data" / "geography" / "sweden.yaml").read_text("utf-8"))
    return [m["code"] for county in geo["counties"] for m in county["municipalities"]]


LANGUAGES = [(lang["locale"], lang["folder"] == "") for lang in configured_languages()]  # (locale, is default)
DEFAULT = next(locale for locale, default in LANGUAGES if default)


def county_pages(site: Path, locale: str, default: bool) -> list[Path]:
    pages = sorted((site if default else site / locale).glob("hitta-stod/*/index.html"))
    assert len(pages) == 21, locale
    return pages


def counties_tree(site: Path, locale: str, default: bool) -> Node:
    """Every county page of a language under one root: by_id() finds a row or card on any."""
    root = Node("#pages", {}, None)
    for path in county_pages(site, locale, default):
        tree = parse(path)
        tree.parent = root
        root.children.append(tree)
    return root


@pytest.fixture(scope="module")
def find_page(built_site):
    return parse(page(built_site, DEFAULT, True, "hitta-stod"))


@pytest.fixture(scope="module")
def counties(built_site):
    return counties_tree(built_site, DEFAULT, True)


def card_anchor(href: str) -> str:
    """'../vastra-gotalands-lan/#kontakt-x' or '#kontakt-x' -> 'kontakt-x' ('' for other links)."""
    anchor = href.partition("#")[2]
    return anchor if anchor.startswith("kontakt-") else ""


def e164(number: str) -> str:
    return phonenumbers.format_number(phonenumbers.parse(number, "SE"), phonenumbers.PhoneNumberFormat.E164)


def seed_numbers() -> list[str]:
    assert SEED is not None, "shared/seeds/002_*.txt (the national centre's list) is missing"
    lines = [line for line in SEED.read_text("utf-8").splitlines() if line.startswith("Telefon")]
    return [number for line in lines for number in PHONE_IN_TEXT.findall(line)]


def test_seed_list_has_twenty_numbers():
    assert len(seed_numbers()) == 20


@pytest.mark.parametrize("locale,default", LANGUAGES)
def test_every_seed_number_has_its_tel_link(built_site, locale, default):
    tree = counties_tree(built_site, locale, default)
    links = {a.attrs["href"].removeprefix("tel:") for a in tree.links() if a.attrs.get("href", "").startswith("tel:")}
    missing = [n for n in seed_numbers() if e164(n) not in links]
    assert not missing, f"no tel: link for {missing}"


@pytest.mark.parametrize("locale,default", LANGUAGES)
def test_every_municipality_is_on_its_countys_page_and_in_the_finder(built_site, locale, default):
    geo = yaml.safe_load((ROOT / "data" / "geography" / "sweden.yaml").read_text("utf-8"))
    finder = parse(page(built_site, locale, default, "hitta-stod"))
    jump = finder.by_id("hs-jump").links()
    assert len(jump) == 21
    for county, link in zip(geo["counties"], jump):
        path = (page(built_site, locale, default, "hitta-stod").parent / link.attrs["href"] / "index.html").resolve()
        tree = parse(path)
        assert county["name"] in tree.find_all("h1")[0].text()
        ids = {n.attrs["id"] for n in tree.iter() if n.attrs.get("id", "").startswith("kommun-")}
        assert ids == {f"kommun-{m['code']}" for m in county["municipalities"]}, county["name"]
    options = finder.by_id("hs-finder-list").find_all("option")
    assert len(options) == 290 and len({o.attrs["data-sv"] for o in options}) == 290


@pytest.mark.parametrize("locale,default", LANGUAGES)
def test_every_municipality_links_to_112_and_the_national_lines(built_site, locale, default):
    tree = counties_tree(built_site, locale, default)
    for code in municipality_codes():
        hrefs = [a.attrs.get("href", "") for a in tree.by_id(f"kommun-{code}").links()]
        assert "tel:112" in hrefs, code
        assert any(h.endswith("nationella-linjer/") for h in hrefs), code


CASES = [
    ("1384", ["Regionalt Stödcentrum Heder"]),                              # Kungsbacka, Halland, served from Göteborg
    ("1280", ["Resursteam Heder", "Resurscentrum Heder Skåne"]),            # Malmö
    ("2584", ["UNA-Norrbotten, kompetensteam mot våld"]),                   # Kiruna
    ("0180", ["Origo"]),                                                    # Stockholm
    ("1496", ["Resurscentrum Heder Skaraborg"]),                            # Skövde
    ("0580", []),                                                           # Linköping: no regional centre
    ("1440", []),                                                           # Ale: in Göteborgsregionen, not in the agreement
]


@pytest.mark.parametrize("code,centres", CASES)
def test_municipality_resolves_to_its_centres_and_their_numbers(counties, code, centres):
    entry = counties.by_id(f"kommun-{code}")
    anchors = [card_anchor(a.attrs.get("href", "")) for a in entry.links() if card_anchor(a.attrs.get("href", ""))]
    assert sorted(_card_name(counties, anchor) for anchor in anchors) == sorted(centres)
    hrefs = [a.attrs.get("href", "") for a in entry.links()]
    assert any(h.endswith("nationella-linjer/") for h in hrefs)
    for anchor in anchors:  # the row can call each centre itself, not only link to its card
        phones = [n for n in counties.by_id(anchor).iter() if n.has_class("hs-card__phones")]
        card_tels = {a.attrs["href"] for n in phones for a in n.links()}
        assert card_tels and card_tels <= set(hrefs), (code, anchor)


def _card_name(tree, anchor: str) -> str:
    card = tree.by_id(anchor)
    assert card is not None, f"#{anchor} is linked but not on the page"
    return tree.by_id(f"{anchor}-name").text().strip()


def test_a_centre_serving_two_counties_has_one_card(counties, built_site):
    cards = [n for n in counties.iter() if n.attrs.get("id") == "kontakt-regionalt-stodcentrum-heder"]
    assert len(cards) == 1
    halland = parse(built_site / "hitta-stod" / "hallands-lan" / "index.html")
    assert "../vastra-gotalands-lan/#kontakt-regionalt-stodcentrum-heder" in [a.attrs.get("href") for a in halland.links()]


def test_part_coverage_is_said(counties):
    from hedersite.strings import load
    note = load(DEFAULT)["contact.coverage_part"]
    assert note in counties.by_id("kommun-1480").text()        # Göteborg: four district teams
    assert note not in counties.by_id("kommun-1384").text()    # Kungsbacka: the whole municipality


@pytest.mark.parametrize("locale,default", LANGUAGES)
@pytest.mark.parametrize("name", ["hitta-stod", "hitta-stod/skane-lan", "nationella-linjer"])
def test_phone_numbers_are_marked_left_to_right(built_site, locale, default, name):
    tree = parse(page(built_site, locale, default, name))
    tel_links = [a for a in tree.links() if a.attrs.get("href", "").startswith("tel:")]
    assert tel_links
    for link in tel_links:
        ltr = [n for n in link.iter() if n.attrs.get("dir") == "ltr"]
        for number in SEPARATED_NUMBER.findall(link.text()):
            assert any(number in n.text() for n in ltr), f"{number!r} in {link.attrs['href']} is not in a dir=ltr element"


def test_national_lines_page_lists_every_national_contact_in_order_112_first(built_site):
    from hedersite.dataset import load_dataset
    expected = [c["id"] for c in load_dataset().national() if not _existence_unconfirmed(c)]
    tree = parse(page(built_site, DEFAULT, True, "nationella-linjer"))
    cards = [n.attrs["id"].removeprefix("kontakt-") for n in tree.find_all("article") if n.has_class("hs-card")]
    assert cards == expected
    assert cards[0] == "larmnummer-112"


def test_external_links_send_no_referrer(built_site):
    for name in ("hitta-stod/vastra-gotalands-lan", "nationella-linjer"):
        tree = parse(page(built_site, DEFAULT, True, name))
        external = [a for a in tree.links() if a.attrs.get("href", "").startswith("http")]
        assert external
        for a in external:
            assert set(a.attrs.get("rel", "").split()) >= {"noopener", "noreferrer"}, a.attrs["href"]


def test_finder_is_hidden_without_javascript_and_its_script_is_on_this_page_only(built_site, find_page):
    form = find_page.by_id("hs-finder")
    assert "hidden" in form.attrs
    scripts = [s.attrs.get("src", "") for s in find_page.find_all("script")]
    ours = [s.rsplit("/", 1)[-1] for s in scripts if "components/find-support/" in s]
    assert ours == ["fold.js", "find-support.js"]  # hsFold defined before the finder reads it
    ours = next(n for n in find_page.find_all("div") if n.has_class("hs-find"))
    assert all(s.attrs.get("src") for s in ours.find_all("script")), "inline script in the find-support block"
    assert (built_site / "components" / "find-support" / "find-support.js").is_file()
    for other in ("nationella-linjer", "hitta-stod/skane-lan"):
        tree = parse(page(built_site, DEFAULT, True, other))
        assert not any("find-support" in s.attrs.get("src", "") for s in tree.find_all("script")), other


# --- whom a centre serves ------------------------------------------------------------------
# Computed from data/contacts/ on their own (not through hedersite.present): a centre is for
# professionals only when its audience names nobody who is exposed.

def _existence_unconfirmed(contact: dict) -> bool:
    return any(note["field"] == "existence" for note in contact.get("unverified", []))


def _for_exposed(contact: dict) -> bool:
    return bool({"exposed", "children", "everyone"} & set(contact["audience"]))


def _contacts() -> list[dict]:
    return [yaml.safe_load(p.read_text("utf-8")) for p in sorted((ROOT / "data" / "contacts").glob("*.yaml"))]


def professionals_only() -> list[dict]:
    return [c for c in _contacts() if c["kind"] == "regional" and not _for_exposed(c) and not _existence_unconfirmed(c)]


def rows_without_a_centre_for_exposed() -> list[str]:
    """Municipalities served only by centres for professionals."""
    shown = [c for c in _contacts() if c["kind"] == "regional" and not _existence_unconfirmed(c)]
    return sorted({code for c in professionals_only() for code in c["coverage"]}
                  - {code for c in shown if _for_exposed(c) for code in c["coverage"]})


def lines_for_exposed() -> set[str]:
    """tel: targets of the national lines an exposed person may call."""
    return {"tel:" + (p.get("short") or p["e164"]) for c in _contacts()
            if c["kind"] == "national" and "exposed" in c["audience"] and not _existence_unconfirmed(c)
            for p in c.get("phones", [])}


def test_the_data_has_rows_served_only_by_centres_for_professionals():
    # Kronoberg, Gävleborg, Norrbotten and Skåne outside Malmö (December 2026): if this ever
    # fails, the tests below check nothing.
    assert len(rows_without_a_centre_for_exposed()) >= 60


def _label_prefix(ui: dict, key: str) -> str:
    """A label's words before its first placeholder (what every rendering of it contains)."""
    return ui[key].split("{")[0].strip()


@pytest.mark.parametrize("locale,default", LANGUAGES)
def test_every_professionals_only_row_says_so_and_offers_a_line_for_exposed(built_site, locale, default):
    from hedersite.strings import load
    ui = load(locale)
    tree = counties_tree(built_site, locale, default)
    lines = lines_for_exposed()
    assert lines
    for code in rows_without_a_centre_for_exposed():
        row = tree.by_id(f"kommun-{code}")
        text = " ".join(row.text().split())
        only = [n for n in row.iter() if n.has_class("hs-muni__note--only")]
        assert only and all(_label_prefix(ui, "contact.only_for") in n.text() for n in only), (locale, code)
        assert ui["find.no_centre_for_exposed"] in text, (locale, code)  # the guidance is not hidden
        hrefs = {a.attrs.get("href") for a in row.links()}
        assert hrefs & lines, f"{locale}: kommun-{code} has no tel: link to a national line for exposed people"


@pytest.mark.parametrize("locale,default", LANGUAGES)
def test_every_professionals_only_centre_is_labelled_wherever_it_is_named(built_site, locale, default):
    from hedersite.strings import load
    ui = load(locale)
    tree = counties_tree(built_site, locale, default)
    for contact in professionals_only():
        card = tree.by_id(f"kontakt-{contact['id']}")
        label = next(n for n in card.iter() if n.has_class("hs-only-for"))
        assert _label_prefix(ui, "contact.only_for") in label.text(), (locale, contact["id"])
        assert {a.attrs.get("href") for a in card.links()} & lines_for_exposed(), (locale, contact["id"])
        for code in contact["coverage"]:  # also in rows that have a centre for exposed people (Malmö)
            centre = next(n for n in tree.by_id(f"kommun-{code}").iter()
                          if n.has_class("hs-muni__centre") and any(card_anchor(a.attrs.get("href", "")) == f"kontakt-{contact['id']}" for a in n.links()))
            assert any(n.has_class("hs-muni__note--only") for n in centre.iter()), (locale, code, contact["id"])


@pytest.mark.parametrize("locale,default", LANGUAGES)
def test_ages_at_a_centre_for_professionals_are_those_of_the_young_people_they_meet(built_site, locale, default):
    from hedersite.strings import load
    ui = load(locale)
    tree = counties_tree(built_site, locale, default)
    for contact in (c for c in professionals_only() if c.get("age")):
        text = " ".join(tree.by_id(f"kontakt-{contact['id']}").text().split())
        assert _label_prefix(ui, "age.professionals_meeting") in text, (locale, contact["id"])
        assert ui["age.for_children"].split("{")[0] not in text, (locale, contact["id"])


def test_a_contact_whose_existence_is_unconfirmed_is_on_no_page(built_site):
    hidden = [c for c in _contacts() if _existence_unconfirmed(c)]
    for locale, default in LANGUAGES:
        folder = built_site if default else built_site / locale
        for html in [*folder.glob("*/index.html"), *folder.glob("hitta-stod/*/index.html")]:
            text = html.read_text("utf-8")
            for contact in hidden:
                assert f"kontakt-{contact['id']}" not in text, html
                for phone in contact.get("phones", []):
                    assert "tel:" + (phone.get("short") or phone["e164"]) not in text, (html, phone["display"])

"""The built find-support and national-lines pages: every number of the national centre's list
(seed 002) can be called, every municipality is on the page in every language and leads to
the right centre or to the national lines, and numbers read left to right."""
from __future__ import annotations

import re
from pathlib import Path

import phonenumbers
import pytest
import yaml

from browser_support import configured_languages
from fs_html import parse

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


@pytest.fixture(scope="module")
def find_page(built_site):
    return parse(page(built_site, DEFAULT, True, "hitta-stod"))


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
    tree = parse(page(built_site, locale, default, "hitta-stod"))
    links = {a.attrs["href"].removeprefix("tel:") for a in tree.links() if a.attrs.get("href", "").startswith("tel:")}
    missing = [n for n in seed_numbers() if e164(n) not in links]
    assert not missing, f"no tel: link for {missing}"


@pytest.mark.parametrize("locale,default", LANGUAGES)
def test_every_municipality_is_on_the_page(built_site, locale, default):
    tree = parse(page(built_site, locale, default, "hitta-stod"))
    ids = {n.attrs["id"] for n in tree.iter() if n.attrs.get("id", "").startswith("kommun-")}
    expected = {f"kommun-{code}" for code in municipality_codes()}
    assert len(expected) == 290
    assert expected - ids == set()


@pytest.mark.parametrize("locale,default", LANGUAGES)
def test_every_municipality_links_to_112_and_the_national_lines(built_site, locale, default):
    tree = parse(page(built_site, locale, default, "hitta-stod"))
    for code in municipality_codes():
        hrefs = [a.attrs.get("href", "") for a in tree.by_id(f"kommun-{code}").links()]
        assert "tel:112" in hrefs, code
        assert any(h.endswith("nationella-linjer/") for h in hrefs), code


def test_counties_have_sections_and_a_jump_list(find_page):
    geo = yaml.safe_load((ROOT / "data" / "geography" / "sweden.yaml").read_text("utf-8"))
    jump = find_page.by_id("hs-jump")
    targets = [a.attrs["href"] for a in jump.links()]
    assert targets == [f"#lan-{c['code']}" for c in geo["counties"]]
    for county in geo["counties"]:
        section = find_page.by_id(f"lan-{county['code']}")
        assert section is not None and county["name"] in section.text()


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
def test_municipality_resolves_to_its_centres(find_page, code, centres):
    entry = find_page.by_id(f"kommun-{code}")
    anchors = [a.attrs["href"][1:] for a in entry.links() if a.attrs.get("href", "").startswith("#kontakt-")]
    assert sorted(_card_name(find_page, anchor) for anchor in anchors) == sorted(centres)
    hrefs = [a.attrs.get("href", "") for a in entry.links()]
    assert any(h.endswith("nationella-linjer/") for h in hrefs)


def _card_name(tree, anchor: str) -> str:
    card = tree.by_id(anchor)
    assert card is not None, f"#{anchor} is linked but not on the page"
    return tree.by_id(f"{anchor}-name").text().strip()


def test_a_centre_serving_two_counties_has_one_card(find_page):
    cards = [n for n in find_page.iter() if n.attrs.get("id") == "kontakt-regionalt-stodcentrum-heder"]
    assert len(cards) == 1
    halland = find_page.by_id("lan-13")
    assert "#kontakt-regionalt-stodcentrum-heder" in [a.attrs.get("href") for a in halland.links()]


def test_part_coverage_is_said(find_page, built_site):
    from hedersite.strings import load
    note = load(DEFAULT)["contact.coverage_part"]
    assert note in find_page.by_id("kommun-1480").text()        # Göteborg: four district teams
    assert note not in find_page.by_id("kommun-1384").text()    # Kungsbacka: the whole municipality


@pytest.mark.parametrize("locale,default", LANGUAGES)
@pytest.mark.parametrize("name", ["hitta-stod", "nationella-linjer"])
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
    expected = [c["id"] for c in load_dataset().national()]
    tree = parse(page(built_site, DEFAULT, True, "nationella-linjer"))
    cards = [n.attrs["id"].removeprefix("kontakt-") for n in tree.find_all("article") if n.has_class("hs-card")]
    assert cards == expected
    assert cards[0] == "larmnummer-112"


def test_external_links_send_no_referrer(built_site):
    for name in ("hitta-stod", "nationella-linjer"):
        tree = parse(page(built_site, DEFAULT, True, name))
        external = [a for a in tree.links() if a.attrs.get("href", "").startswith("http")]
        assert external
        for a in external:
            assert set(a.attrs.get("rel", "").split()) >= {"noopener", "noreferrer"}, a.attrs["href"]


def test_finder_is_hidden_without_javascript_and_its_script_is_on_this_page_only(built_site, find_page):
    form = find_page.by_id("hs-finder")
    assert "hidden" in form.attrs
    scripts = [s.attrs.get("src", "") for s in find_page.find_all("script")]
    assert any(s.endswith("components/find-support/find-support.js") for s in scripts)
    ours = next(n for n in find_page.find_all("div") if n.has_class("hs-find"))
    assert all(s.attrs.get("src") for s in ours.find_all("script")), "inline script in the find-support block"
    assert (built_site / "components" / "find-support" / "find-support.js").is_file()
    national = parse(page(built_site, DEFAULT, True, "nationella-linjer"))
    assert not any("find-support.js" in s.attrs.get("src", "") for s in national.find_all("script"))

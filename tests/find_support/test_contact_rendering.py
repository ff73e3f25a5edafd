"""Contact rendering without a site build: the view models of hedersite.present, the macros
of overrides/partials/contacts.html through the hook's own Jinja environment, the hook's
marker handling and the UI-strings gate."""
from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from babel.dates import get_day_names
from mkdocs.exceptions import PluginError
from mkdocs.theme import Theme

from hedersite import present, strings
from hedersite.dataset import exists_confirmed, load_dataset

ROOT = Path(__file__).resolve().parents[2]


def _load_hook(name: str):
    spec = importlib.util.spec_from_file_location(f"fs_hook_{name}", ROOT / "scripts" / "hooks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


data_pages = _load_hook("data_pages")
ui_strings = _load_hook("ui_strings")


@pytest.fixture(scope="module")
def theme():
    return Theme(name="material", custom_dir=str(ROOT / "overrides"))


@pytest.fixture(scope="module")
def sv():
    return present.reader("sv")


@pytest.fixture(scope="module")
def en():
    return present.reader("en")


def fake_contact(**changes) -> dict:
    contact = {
        "id": "fake-centre", "kind": "regional", "name": "Fake centre", "county": "14",
        "coverage": ["1480"], "audience": ["exposed", "professionals"],
        "phones": [{"display": "020-34 03 03", "e164": "+4620340303", "audience": ["professionals"]}],
        "emails": ["a@example.se"], "website": {"url": "https://example.se/", "title": "Example"},
        "hours": {"periods": [{"days": ["mon", "tue", "wed", "thu", "fri"], "opens": "08:00", "closes": "17:00"}]},
        "source": {"url": "https://example.se/source", "title": "Source page"},
        "last_verified": "2026-11-24",
    }
    contact.update(changes)
    return contact


# --- escaping -------------------------------------------------------------------------------

def test_markup_in_data_renders_as_text(theme, sv):
    contact = fake_contact(name="<script>alert(1)</script> & Co", organisation="A & B <b>",
                           materials=["<img src=x onerror=alert(1)>"],
                           website={"url": "https://example.se/?a=1&b=2", "title": "\"><script>x</script>"})
    html = str(data_pages.macros(theme, sv).card(present.contact_card(contact, sv)))
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in html
    assert "A &amp; B &lt;b&gt;" in html
    assert "&lt;img src=x" in html
    assert "<script" not in html and "<img" not in html and "<b>" not in html
    assert 'href="https://example.se/?a=1&amp;b=2"' in html


# --- the card -------------------------------------------------------------------------------

def test_card_shows_what_the_data_says(theme, en):
    contact = fake_contact(age={"min": 13, "max": 26}, free=True, anonymous=True, interpreter=True,
                           unverified=[{"field": "hours", "reason": "not checked yet"}])
    html = str(data_pages.macros(theme, en).card(present.contact_card(contact, en)))
    assert 'id="kontakt-fake-centre"' in html
    assert 'href="tel:+4620340303"' in html and '<bdi dir="ltr" class="hs-tel__number">020-34 03 03</bdi>' in html
    assert "For professionals" in html
    assert "people who are controlled, threatened or harmed, or at risk of it and professionals</p>" in html
    assert "For children and young people: ages 13–26</p>" in html  # their ages, not the professionals' ages
    assert "hs-only-for" not in html  # exposed people may call it
    assert 'href="mailto:a@example.se"' in html
    assert 'href="https://example.se/" rel="noopener noreferrer"' in html
    for label in ("Free of charge", "You can stay anonymous", "An interpreter can be arranged",
                  "Not confirmed", "Last checked", "November 24, 2026", "Source page"):
        assert label in html


def test_a_centre_only_for_professionals_says_so_and_offers_the_lines_for_exposed(theme, sv):
    lines = present.exposed_lines(load_dataset(), sv)
    contact = fake_contact(audience=["professionals"], age={"until": "upper-secondary"})
    html = str(data_pages.macros(theme, sv).card(present.contact_card(contact, sv, lines)))
    assert '<p class="hs-only-for">Bara för yrkesverksamma</p>' in html
    assert "Hit kan du vända dig" not in html  # not read as "you may turn here"
    # The ages are those of the young people the professionals meet, said so (Barnahus Gävleborg).
    assert "För yrkesverksamma som möter barn och unga upp till avslutat gymnasium" in html
    assert "För barn och unga:" not in html
    for line in lines:
        assert f'href="{line["phones"][0]["href"]}"' in html


def test_lines_for_exposed_come_from_the_data(sv):
    data = load_dataset()
    lines = present.exposed_lines(data, sv)
    hrefs = {p["href"] for line in lines for p in line["phones"]}
    unsure = {c["id"] for c in data.national()
              if {n["field"] for n in c.get("unverified", [])} & {"audience", "phones"}}
    expected = [c for c in data.national() if exists_confirmed(c) and not c.get("emergency")
                and {"exposed", "children"} & set(c["audience"]) and c["id"] not in unsure]
    assert 0 < len(lines) == min(present.EXPOSED_LINES, len(expected))
    assert hrefs <= {present.tel_href(p) for c in expected for p in c["phones"]}
    assert "tel:112" not in hrefs  # every row has 112 already


def _card_href(contact: dict) -> str:
    return "#" + present.anchor(contact["id"])


def county_pages(data, r) -> dict[str, dict]:
    """County code -> the view of its page."""
    return {c["code"]: present.county_page(data, c["code"], r, _card_href, "n/", "../") for c in data.counties()}


def finder(data, r) -> dict:
    return present.find_support(data, r, "n/", ["f.js", "x.js"], county_href=lambda code: f"{code}/",
                                card_href=_card_href)


def test_a_county_whose_centres_are_all_for_professionals_says_so_first(sv):
    data = load_dataset()
    view = county_pages(data, sv)
    for county in data.counties():
        codes = {m["code"] for m in county["municipalities"]}
        serving = [c for c in data.regional() if codes & set(c["coverage"])]
        expected = bool(serving) and not any({"exposed", "children", "everyone"} & set(c["audience"]) for c in serving)
        assert bool(view[county["code"]]["only_professionals"]) == expected, county["name"]
    assert view["07"]["only_professionals"] == sv.t("find.county_professionals_only")  # Kronoberg


def test_a_contact_whose_existence_is_unconfirmed_is_on_no_page(sv):
    data = load_dataset()
    hidden = {f.data["id"] for f in data.contacts if not exists_confirmed(f.data)}
    assert hidden, "the data has no unconfirmed contact: test with a fixture instead"
    shown = {c["id"].removeprefix("kontakt-") for c in present.national_lines(data, sv)}
    shown |= {c["id"].removeprefix("kontakt-") for county in county_pages(data, sv).values() for c in county["cards"]}
    shown |= {c["href"].removeprefix("#kontakt-") for a in finder(data, sv)["answers"] for c in a["centres"]}
    box = present.emergency_box(data, sv, "n/")
    names = {line["name"] for line in box["lines"]} | {line["name"] for line in present.exposed_lines(data, sv)}
    assert not hidden & shown
    assert not {f.data["name"] for f in data.contacts if f.data["id"] in hidden} & names


def test_short_numbers_dial_as_written():
    assert present.tel_href({"display": "112", "short": "112"}) == "tel:112"
    assert present.tel_href({"display": "114 14", "short": "11414"}) == "tel:11414"
    assert present.tel_href({"display": "020-50 50 50", "e164": "+4620505050"}) == "tel:+4620505050"


# --- opening hours from CLDR ----------------------------------------------------------------

def test_consecutive_days_are_a_range(sv, en):
    # CLDR's own spacing: thin spaces around the range dash, a narrow space before AM/PM.
    assert present.hours_lines({"periods": [{"days": ["mon", "tue", "wed", "thu", "fri"],
                                             "opens": "08:00", "closes": "17:00"}]}, sv) == ["måndag\u2009–\u2009fredag kl. 08:00–17:00"]
    assert present.hours_lines({"periods": [{"days": ["fri", "mon", "tue", "wed", "thu"],
                                             "opens": "08:00", "closes": "17:00"}]}, en) == ["Monday\u2009–\u2009Friday, 8:00\u202fAM\u2009–\u20095:00\u202fPM"]


def test_separate_days_are_a_list(sv):
    assert present.days_text(["mon", "wed", "fri"], sv) == "måndag, onsdag och fredag"
    assert present.days_text(["mon", "tue", "thu"], sv) == "måndag, tisdag och torsdag"
    assert present.days_text(list(present.DAYS), sv) == sv.ui["contact.every_day"]


def test_open_around_the_clock(sv, en):
    assert present.hours_lines({"always": True}, sv) == [sv.ui["contact.always_open"]]
    assert present.hours_lines({"always": True}, en) == ["Open around the clock"]


def test_midnight_closing_is_kept(sv):
    assert present.times_text("20:00", "24:00", sv).endswith("24:00")


@pytest.mark.parametrize("tag,expected", [("sv", "sv"), ("ckb", "ckb"), ("prs", "fa_AF"), ("fa-AF", "fa_AF"),
                                          ("kmr", "ku"), ("sr-Latn", "sr_Latn"), ("xx", "en")])
def test_babel_locale_falls_back_sensibly(tag, expected):
    assert str(present.babel_locale(tag)).startswith(expected)


def test_right_to_left_reader_gets_its_weekdays_and_ltr_numbers(theme, tmp_path):
    folder = tmp_path / "strings"
    folder.mkdir()
    shutil.copy(strings.STRINGS / "sv.yaml", folder / "sv.yaml")
    arabic = yaml.safe_load((strings.STRINGS / "en.yaml").read_text("utf-8"))
    arabic.update({"language": "ar", "direction": "rtl", "babel": "ar"})
    (folder / "ar.yaml").write_text(yaml.safe_dump(arabic, allow_unicode=True), "utf-8")
    reader = present.reader("ar", folder)
    assert reader.rtl
    html = str(data_pages.macros(theme, reader).card(present.contact_card(fake_contact(), reader)))
    monday = get_day_names("wide", context="stand-alone", locale="ar")[0]
    assert monday in html
    assert '<bdi dir="ltr" class="hs-tel__number">020-34 03 03</bdi>' in html


def test_municipalities_sort_in_the_readers_alphabet(sv, en):
    names = ["Örebro", "Åre", "Ale", "Osby", "Zzz"]
    assert sorted(names, key=lambda n: present.sort_key(n, sv)) == ["Ale", "Osby", "Zzz", "Åre", "Örebro"]
    assert sorted(names, key=lambda n: present.sort_key(n, en)) == ["Ale", "Åre", "Örebro", "Osby", "Zzz"]


# --- page view models -------------------------------------------------------------------------

def test_every_municipality_has_an_entry_and_no_centre_card_twice(sv):
    pages = county_pages(load_dataset(), sv).values()
    entries = [m["code"] for county in pages for m in county["municipalities"]]
    assert len(entries) == len(set(entries)) == 290
    cards = [c["id"] for county in pages for c in county["cards"]]
    assert len(cards) == len(set(cards))
    assert all(county["emergency"]["href"] == "tel:112" for county in pages)


def test_the_finder_offers_every_municipality_once_with_the_answer_of_its_centres(sv):
    data = load_dataset()
    view = finder(data, sv)
    assert sorted(o["place"].code for o in view["options"]) == sorted(data.municipality_names())
    answers = {a["key"]: a for a in view["answers"]}
    assert len(answers) == len(view["answers"]) < 60  # one per set of centres, not per municipality
    rows = {m["code"]: m for county in county_pages(data, sv).values() for m in county["municipalities"]}
    for option in view["options"]:
        row, answer = rows[option["place"].code], answers[option["answer"]]
        # The finder's answer is what the county page's row says under the name.
        assert {k: row[k] for k in ("centres", "none_for_exposed", "exposed_lines")} == \
            {k: answer[k] for k in ("centres", "none_for_exposed", "exposed_lines")}, option["place"].name
    assert view["emergency"]["href"] == "tel:112"


def test_a_row_lists_the_numbers_of_its_centres_those_for_exposed_people_first(sv):
    rows = {m["code"]: m for county in county_pages(load_dataset(), sv).values() for m in county["municipalities"]}
    malmo = rows["1280"]["centres"]
    assert [c["name"] for c in malmo] == ["Resursteam Heder", "Resurscentrum Heder Skåne"]
    assert not malmo[0]["only_for"] and malmo[1]["only_for"]
    assert all(c["phones"] and all(p["href"].startswith("tel:") for p in c["phones"]) for c in malmo)
    kungsbacka = rows["1384"]["centres"]
    assert [c["name"] for c in kungsbacka] == ["Regionalt Stödcentrum Heder"]
    assert [p["href"] for p in kungsbacka[0]["phones"]] == ["tel:+4620340303"]


def test_place_names_in_the_readers_script_beside_the_swedish(sv):
    data = load_dataset()
    ar = present.reader("ar")
    malmo = next(o["place"] for o in finder(data, ar)["options"] if o["place"].code == "1280")
    assert malmo.name == "Malmö" and malmo.local == "مالمو"
    assert next(o["place"] for o in finder(data, sv)["options"] if o["place"].code == "1280").local == ""
    skane = county_pages(data, ar)["12"]["place"]
    assert skane.name == "Skåne län" and skane.local


def test_county_pages_have_readable_unique_addresses():
    counties = load_dataset().counties()
    paths = [present.county_path(c) for c in counties]
    assert len(set(paths)) == len(paths) == 21
    assert present.county_path({"name": "Västra Götalands län"}) == "hitta-stod/vastra-gotalands-lan/"
    assert all(re.fullmatch(r"hitta-stod/[a-z]+(-[a-z]+)*/", p) for p in paths)


def test_emergency_box_starts_with_112(sv):
    box = present.emergency_box(load_dataset(), sv, "../nationella-linjer/")
    assert box["lines"][0]["emergency"] and box["lines"][0]["phones"][0]["href"] == "tel:112"
    assert 1 < len(box["lines"]) <= present.KEY_LINES


# --- the hook -------------------------------------------------------------------------------

def _page(src_uri="sv/hitta-stod.md", url="hitta-stod/"):
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), url=url)


def test_pages_without_a_marker_are_untouched():
    text = "# Title\n\n<!-- an ordinary comment -->\n"
    assert data_pages.on_page_markdown(text, _page(), config=None, files=None) is text


def test_an_unknown_marker_fails_naming_page_and_marker():
    with pytest.raises(PluginError) as error:
        data_pages.on_page_markdown("<!-- data:find-suport -->", _page("sv/om.md"), config=None, files=None)
    assert "docs/sv/om.md" in str(error.value) and "data:find-suport" in str(error.value)


def test_emergency_marker_renders_through_the_hook(theme, sv):
    html = data_pages.render("emergency", page_path="docs/sv/index.md", data=load_dataset(), reader=sv,
                             theme=theme, national_url="nationella-linjer/", script_urls=["x.js"])
    assert 'href="tel:112"' in html and 'href="nationella-linjer/"' in html
    assert "\n\n" not in html  # a blank line would end Markdown's raw HTML block


# --- UI strings -----------------------------------------------------------------------------

KEYS_IN_CODE = re.compile(r'ui\["([^"]+)"\]|ui\[\'([^\']+)\'\]|r\.t\("([^"]+)"')


def test_every_label_the_templates_and_views_ask_for_is_in_swedish_and_english():
    used = set()
    for path in (ROOT / "overrides" / "partials" / "contacts.html", ROOT / "scripts" / "hedersite" / "present.py"):
        used |= {next(g for g in m.groups() if g) for m in KEYS_IN_CODE.finditer(path.read_text("utf-8"))}
    schema = yaml.safe_load((ROOT / "data" / "schema" / "contact.schema.json").read_text("utf-8"))
    for code in schema["$defs"]["audience"]["enum"]:
        used |= {f"audience.{code}", f"for.{code}"}
    used |= {f"contact.{flag}" for flag in ("free", "anonymous", "interpreter")}
    for locale in ("sv", "en"):
        assert sorted(used - set(strings.load(locale))) == [], locale


def test_a_language_missing_a_key_fails_the_build_with_the_key(tmp_path, monkeypatch):
    folder = tmp_path / "strings"
    folder.mkdir()
    shutil.copy(strings.STRINGS / "sv.yaml", folder / "sv.yaml")
    english = yaml.safe_load((strings.STRINGS / "en.yaml").read_text("utf-8"))
    del english["contact.hours"]
    (folder / "en.yaml").write_text(yaml.safe_dump(english, allow_unicode=True), "utf-8")

    assert strings.missing_keys("en", folder) == ["contact.hours"]

    # The hook reads data/strings/; point it at the temporary folder instead.
    missing_keys, load = strings.missing_keys, strings.load
    monkeypatch.setattr(ui_strings.strings, "missing_keys", lambda locale, f=folder: missing_keys(locale, f))
    monkeypatch.setattr(ui_strings.strings, "load", lambda locale, f=folder: load(locale, f))
    config = SimpleNamespace(theme={"language": "en"})
    with pytest.raises(PluginError, match=r"en\.yaml lacks UI string\(s\): contact\.hours"):
        ui_strings.on_env(SimpleNamespace(globals={}), config, files=None)


def test_weekdays_stay_in_each_language_whatever_was_built_before():
    """Pashto first, as in the build: Babel must not lend its weekday names to later languages."""
    assert present.days_text(["mon", "wed"], present.reader("ps")).startswith("دونۍ")
    for code, monday in (("pl", "poniedziałek"), ("tr", "Pazartesi"), ("uk", "понеділок"),
                         ("ru", "понедельник"), ("bs", "ponedjeljak")):
        assert present.days_text(["mon"], present.reader(code)) == monday, code

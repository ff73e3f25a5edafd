"""data/geography/names/<locale>.yaml: one file for every built language whose script is not
Latin, a name in that script for every county and municipality of sweden.yaml, and nothing else."""
from __future__ import annotations

import io

import pytest

from hedersite import translations
from hedersite.dataset import load_dataset
from hedersite.names import SCRIPT_OF, fold, foreign_characters, place_names
from hedersite.validate import main
from names_support import DATA, LOCALES, NAMES, municipality_code, names, sweden

import draft_place_names


def _script_of_text(text: str) -> str:
    letters = [c for c in text if c.isalpha()]
    for script in ("Arabic", "Ethiopic", "Cyrillic"):
        if not foreign_characters("".join(letters), script):
            return script
    return "Latin"


def test_every_built_language_in_another_script_has_a_names_file():
    # The language's own name in mkdocs.yml (العربية, ትግርኛ, Русский) tells its script.
    for entry in translations.language_entries():
        if not entry.get("build", True):
            continue
        script = _script_of_text(str(entry["name"]))
        locale = str(entry["locale"])
        if script == "Latin":
            assert locale not in SCRIPT_OF, f"{locale} is written in Latin script and needs no names file"
        else:
            assert SCRIPT_OF.get(locale) == script, f"{locale} ({entry['name']}) is {script} script"
            assert (NAMES / f"{locale}.yaml").is_file(), f"data/geography/names/{locale}.yaml is missing"


def test_no_names_file_for_another_language():
    assert sorted(p.stem for p in NAMES.glob("*.yaml")) == LOCALES
    assert [p.name for p in NAMES.iterdir() if p.suffix != ".yaml"] == []


@pytest.mark.parametrize("locale", LOCALES)
def test_every_code_of_sweden_and_no_other(locale):
    counties, municipalities = sweden()
    data = names(locale)
    assert len(counties) == 21 and len(municipalities) == 290
    assert list(data["counties"]) == list(counties)
    assert list(data["municipalities"]) == list(municipalities)
    assert set(data.get("also", {})) <= set(counties) | set(municipalities)


@pytest.mark.parametrize("locale", LOCALES)
def test_every_name_is_in_the_language_script_and_not_empty(locale):
    data = names(locale)
    spellings = [*data["counties"].values(), *data["municipalities"].values(),
                 *(s for others in data.get("also", {}).values() for s in others)]
    for text in spellings:
        assert text.strip() and fold(text), repr(text)
        assert foreign_characters(text, SCRIPT_OF[locale]) == [], f"{locale}: {text!r}"


@pytest.mark.parametrize("locale", LOCALES)
def test_stamped_as_a_machine_draft_with_how_it_was_made(locale):
    text = (NAMES / f"{locale}.yaml").read_text("utf-8")
    head = text.split("\nstatus:", 1)[0]
    assert head.count("\n# ") >= 4 and "scripts/draft_place_names.py" in head
    assert names(locale)["status"] == "draft"
    assert "not reviewed" in names(locale)["source"]


@pytest.mark.parametrize("locale", LOCALES)
def test_the_files_are_what_the_draft_script_makes(locale):
    # So a correction made in the file alone is not lost at the next run of the script.
    geo = draft_place_names.load(DATA / "geography" / "sweden.yaml", "sweden.yaml")[0].data
    assert (NAMES / f"{locale}.yaml").read_text("utf-8") == draft_place_names.render(locale, geo), (
        f"data/geography/names/{locale}.yaml differs from scripts/draft_place_names.py: put the "
        "correction in its EXONYMS or RESPELL table and run it")


@pytest.mark.parametrize("locale", LOCALES)
def test_one_county_word_in_every_county_name(locale):
    word = draft_place_names.COUNTY_WORD[locale].replace("{}", "").strip()
    for name in names(locale)["counties"].values():
        assert word in name.split(" "), name


# Names their readers know from the press, or the conventional transcription of the language.
KNOWN = {
    "ar": {"Stockholm": "ستوكهولم", "Malmö": "مالمو", "Uppsala": "أوبسالا", "Göteborg": "غوتنبرغ",
           "Jönköping": "يونشوبينغ", "Linköping": "لينشوبينغ", "Umeå": "أوميو", "Gävle": "يافله"},
    "fa": {"Stockholm": "استکهلم", "Göteborg": "گوتنبرگ", "Malmö": "مالمو", "Uppsala": "اوپسالا",
           "Västerås": "وستروس", "Linköping": "لینشوپینگ"},
    "fa-AF": {"Stockholm": "ستاکهولم", "Göteborg": "گوتنبرگ", "Malmö": "مالمو"},
    "ps": {"Stockholm": "سټاکهولم", "Malmö": "مالمو"},
    "ku-IQ": {"Stockholm": "ستۆکهۆڵم", "Malmö": "مالمۆ"},
    "ti": {"Stockholm": "ስቶክሆልም", "Malmö": "ማልሞ"},
    "ru": {"Stockholm": "Стокгольм", "Göteborg": "Гётеборг", "Malmö": "Мальмё", "Uppsala": "Уппсала",
           "Gävle": "Евле", "Helsingborg": "Хельсингборг", "Västerås": "Вестерос", "Örebro": "Эребру",
           "Linköping": "Линчёпинг", "Jönköping": "Йёнчёпинг", "Umeå": "Умео", "Skövde": "Шёвде",
           "Södertälje": "Сёдертелье", "Kiruna": "Кируна", "Karlstad": "Карлстад", "Boden": "Буден",
           "Upplands Väsby": "Уппландс-Весбю", "Borås": "Бурос", "Växjö": "Векшё"},
    "uk": {"Stockholm": "Стокгольм", "Göteborg": "Гетеборг", "Malmö": "Мальме", "Gävle": "Євле",
           "Helsingborg": "Гельсінгборг", "Örebro": "Еребру", "Linköping": "Лінчепінг", "Kiruna": "Кіруна"},
}


@pytest.mark.parametrize("locale", LOCALES)
def test_established_names(locale):
    data = names(locale)
    for swedish, expected in KNOWN[locale].items():
        assert data["municipalities"][municipality_code(swedish)] == expected, swedish


def test_pronunciation_not_spelling():
    # Soft k and sk, sj, g before a front vowel, o said /u/, -borg said "borj".
    ar = names("ar")["municipalities"]
    assert ar[municipality_code("Skövde")] == "شوفده"        # sk before ö: sh
    assert ar[municipality_code("Kil")] == "شيل"             # k before i: the tj sound
    assert ar[municipality_code("Kiruna")] == "كيرونا"       # but Kiruna keeps its k
    assert ar[municipality_code("Borås")] == "بوروس"
    assert ar[municipality_code("Helsingborg")] == "هيلسينغبوري"
    ti = names("ti")["municipalities"]
    assert ti[municipality_code("Sjöbo")] == "ሾቡ"             # sj: ሽ; long o said u: ቡ
    assert ti[municipality_code("Mora")] == "ሙራ"
    ru = names("ru")["municipalities"]
    assert ru[municipality_code("Köping")] == "Чёпинг" and ru[municipality_code("Mjölby")] == "Мьёльбю"


def test_spelling_based_forms_are_matched_too():
    ar = names("ar")
    code = municipality_code("Helsingborg")
    assert "هلسنغبورغ" in ar["also"][code]
    fa = names("fa")
    code = municipality_code("Göteborg")
    spellings = {fold(fa["municipalities"][code]), *map(fold, fa["also"][code])}
    assert {fold("گوتنبرگ"), fold("گوتنبورگ"), fold("یوتبوری")} <= spellings


def test_the_real_data_passes_the_validator_with_the_names():
    out = io.StringIO()
    assert main(DATA, None, out) == 0, out.getvalue()
    assert "names" not in out.getvalue()
    assert load_dataset(DATA).problems == []


def test_place_names_for_the_finder():
    ar = place_names(DATA, "ar")
    assert len(ar) == 21 + 290
    assert ar[municipality_code("Malmö")] == ("مالمو",)
    assert ar[municipality_code("Göteborg")][0] == "غوتنبرغ" and "يوتيبوري" in ar[municipality_code("Göteborg")]
    assert ar["01"] == ("مقاطعة ستوكهولم",)
    assert place_names(DATA, "sv") == {} and place_names(DATA, "so") == {}

"""The 16 languages as configured: folder names static-i18n accepts, the language's own name
in the language list, a translated site name, and a strings file whose `language` is the
right BCP 47 tag (for <html lang>), whose direction is right and whose Babel locale exists."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from babel import Locale
from mkdocs.utils.yaml import yaml_load
from mkdocs_static_i18n.config import RE_LOCALE

from hedersite import strings

ROOT = Path(__file__).resolve().parents[2]

# folder/locale: (own name, BCP 47 tag, direction). Sorani and Kurmanji live in folders named
# ku-IQ and ku (static-i18n refuses ckb and kmr) but are tagged ckb and kmr; Dari is fa-AF.
LANGUAGES = {
    "sv": ("Svenska", "sv", "ltr"),
    "en": ("English", "en", "ltr"),
    "ar": ("العربية", "ar", "rtl"),
    "fa": ("فارسی", "fa", "rtl"),
    "fa-AF": ("دری", "fa-AF", "rtl"),
    "ku-IQ": ("کوردی (سۆرانی)", "ckb", "rtl"),
    "ku": ("Kurmancî", "kmr", "ltr"),
    "so": ("Soomaali", "so", "ltr"),
    "ti": ("ትግርኛ", "ti", "ltr"),
    "ps": ("پښتو", "ps", "rtl"),
    "tr": ("Türkçe", "tr", "ltr"),
    "bs": ("Bosanski/Hrvatski/Srpski", "bs", "ltr"),
    "uk": ("Українська", "uk", "ltr"),
    "ru": ("Русский", "ru", "ltr"),
    "pl": ("Polski", "pl", "ltr"),
    "fi": ("Suomi", "fi", "ltr"),
}
# Keys every language must have from the day it is configured: the meta keys and the notes
# a reader of a draft or fallback page sees.
OWN_KEYS = ("language", "direction", "babel", "translation.draft", "translation.fallback")


def configured() -> list[dict]:
    config = yaml_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    return next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)["languages"]


def ui(locale: str) -> dict:
    return yaml.safe_load((strings.STRINGS / f"{locale}.yaml").read_text("utf-8"))


def test_the_sixteen_languages_in_order_with_their_own_names():
    assert [(lang["locale"], lang["name"]) for lang in configured()] == \
        [(locale, name) for locale, (name, _, _) in LANGUAGES.items()]


def test_swedish_is_the_default_at_the_site_root_and_never_falls_back():
    config = yaml_load((ROOT / "mkdocs.yml").read_text("utf-8"))
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    assert [lang["locale"] for lang in i18n["languages"] if lang.get("default")] == ["sv"]
    assert i18n["fallback_to_default"] is False


@pytest.mark.parametrize("lang", configured(), ids=lambda lang: lang["locale"])
def test_folder_name_is_accepted_by_static_i18n(lang):
    assert RE_LOCALE.match(lang["locale"])
    assert (strings.STRINGS / f"{lang['locale']}.yaml").is_file()
    assert isinstance(lang.get("build"), bool), "write build: true or build: false for every language"


@pytest.mark.parametrize("lang", [lang for lang in configured() if not lang.get("default")],
                         ids=lambda lang: lang["locale"])
def test_site_name_is_translated(lang):
    default = yaml_load((ROOT / "mkdocs.yml").read_text("utf-8"))["site_name"]
    assert lang.get("site_name") and lang["site_name"] != default


@pytest.mark.parametrize("locale", LANGUAGES)
def test_strings_tag_direction_and_babel_locale(locale):
    _, tag, direction = LANGUAGES[locale]
    labels = ui(locale)
    assert labels["language"] == tag
    assert labels["direction"] == direction
    babel = Locale.parse(labels["babel"])  # exists in the installed Babel, no stand-in needed
    assert babel.character_order == ("right-to-left" if direction == "rtl" else "left-to-right")


@pytest.mark.parametrize("locale", LANGUAGES)
def test_every_language_has_its_meta_keys_and_translation_notes(locale):
    labels = ui(locale)
    assert all(str(labels.get(key, "")).strip() for key in OWN_KEYS), \
        [key for key in OWN_KEYS if not str(labels.get(key, "")).strip()]


@pytest.fixture(scope="module")
def keys_templates_ask_for(tmp_path_factory) -> list[str]:
    site = tmp_path_factory.mktemp("record")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BUILD_ONLY_LOCALE", None)
    result = subprocess.run([sys.executable, str(Path(__file__).with_name("record_ui_keys.py")), str(site)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.splitlines()[-1])


def test_material_labels_come_from_our_strings(keys_templates_ask_for):
    """Material's templates ask partials/language.html for their labels; every label they
    ask for in our pages must be in sv.yaml (the reference set), else a language Material
    has no partial for (ti, so, ps, bs, fa-AF, ku) shows it in English."""
    assert {"language", "direction", "action.skip", "header", "nav", "toc", "select.language"} \
        <= set(keys_templates_ask_for)
    reference = strings.load("sv")
    assert [key for key in keys_templates_ask_for if key not in reference] == []


@pytest.mark.parametrize("locale", LANGUAGES)
def test_every_language_has_the_material_labels(locale, keys_templates_ask_for):
    labels = ui(locale)
    assert [key for key in keys_templates_ask_for if not str(labels.get(key, "")).strip()] == []

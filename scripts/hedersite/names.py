"""Municipality and county names in the reader's script (data/geography/names/<locale>.yaml),
and the folding the finder matches them with.

A reader who cannot type Latin letters types «مالمو», «ማልሞ» or «Мальмё»; the finder compares
fold(typed) with fold(name). fold() has a twin in overrides/components/find-support/fold.js
(the browser's copy); tests/geography/test_fold_js.py runs both on the same words.
"""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from .dataset import shown
from .problems import Problem
from .yamlfile import YamlFile, load

FOLDER = Path("geography") / "names"  # under the data folder

# The built languages whose script is not Latin, and that script. A new language in another
# script needs a file here (tests/geography/test_names_files.py checks mkdocs.yml against it).
SCRIPT_OF = {
    "ar": "Arabic", "fa": "Arabic", "fa-AF": "Arabic", "ku-IQ": "Arabic", "ps": "Arabic",
    "ti": "Ethiopic", "ru": "Cyrillic", "uk": "Cyrillic",
}

# --- folding --------------------------------------------------------------------------------
# Marks removed after NFD: Latin accents (as the finder always did: Malmo finds Malmö), the
# Arabic vowel signs, shadda and sukun, the hamza and madda that NFD splits off أ إ آ ؤ ئ ۀ,
# the superscript alef and Quranic marks, and tatweel (a stretch, not a letter).
_MARKS = re.compile("[\u0300-\u036f\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
# Invisible joiners and direction marks: ZWNJ is how Persian, Dari and Pashto write a word
# part apart (نینس‌هامن) and many readers type none; pasted text brings LRM/RLM.
_INVISIBLE = re.compile("[\u200b-\u200f\u2066-\u2069\ufeff]")
# One letter for the forms that keyboards of Arabic, Persian, Dari, Pashto and Sorani give for
# the same sound, so a name typed on any of them matches (Dari ی vs Arabic ي, ک vs ك...).
_LETTERS = str.maketrans({
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ێ": "ي",  # yeh: Arabic, Persian, Pashto, Sorani
    "ک": "ك",  # kaf
    "ګ": "گ",  # Pashto gaf
    "ة": "ه", "ە": "ه", "ہ": "ه", "ھ": "ه",  # teh marbuta, Sorani ae, heh goal/doachashmee
    "ٱ": "ا",  # alef wasla (أ إ آ lose their hamza/madda in NFD)
    "ۆ": "و",  # Sorani o
    "ڕ": "ر", "ڵ": "ل",  # Sorani trilled r, velar l: often typed plain
    "ґ": "г",  # Ukrainian g: the names write г, as Ukrainian usage does
})
# Spaces written out, not \s: Python and JavaScript disagree on a few (U+001C, U+0085).
# A hyphen is a space (Уппландс-Весбю typed "Уппландс Весбю", Upplands-Bro as "Upplands Bro");
# an apostrophe is nothing (Арвідс’яур typed with ' or without).
_HYPHENS = re.compile("[-\u2010\u2011\u2013]")
_APOSTROPHES = re.compile("['\u2019\u02bc]")
_SPACES = re.compile("[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")


def fold(text: str, locale: str | None = None) -> str:
    """The form of a name the finder compares: the same rules on every page and for every
    locale (a reader may type with any keyboard), so `locale` only names the page's language.
    Latin: no accents, lower case (as find-support.js always did). Cyrillic: lower case, ё as е
    (NFD splits й, ё, ї like accents, so they fold too). Arabic script: one form of each letter
    above, no vowel signs, hamza or tatweel. Ethiopic: as typed. A hyphen is a space, an
    apostrophe nothing; spaces: one, none at the ends."""
    text = unicodedata.normalize("NFD", text)
    text = _MARKS.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = text.lower().translate(_LETTERS)
    text = _APOSTROPHES.sub("", _HYPHENS.sub(" ", text))
    return _SPACES.sub(" ", text).strip()


# --- script of a name ------------------------------------------------------------------------
# Letters each script may use in a name, besides spaces, hyphens and apostrophes.
_SCRIPT_LETTERS = {
    "Arabic": re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc\u200c]"),
    "Ethiopic": re.compile("[\u1200-\u139f\u2d80-\u2ddf\uab00-\uab2f]"),
    "Cyrillic": re.compile("[\u0400-\u04ff\u0500-\u052f]"),
}
_NAME_PUNCTUATION = set(" -’'ʼ")


def foreign_characters(name: str, script: str) -> list[str]:
    """Characters of name that are neither letters of script nor the spaces, hyphens and
    apostrophes a place name may have (a Latin 'Malmö' in the Arabic file gives M, a, l...)."""
    letters = _SCRIPT_LETTERS[script]
    return [c for c in dict.fromkeys(name) if c not in _NAME_PUNCTUATION and not letters.fullmatch(c)]


# --- files ------------------------------------------------------------------------------------

def locale_of(f: YamlFile) -> str:
    return f.path.rsplit("/", 1)[-1].removesuffix(".yaml")


def load_names(root: Path) -> tuple[list[YamlFile], list[Problem]]:
    """Every data/geography/names/*.yaml through the project's YAML loader (lines kept)."""
    files, problems = [], []
    folder = Path(root) / FOLDER
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.suffix != ".yaml":
            problems.append(Problem(shown(path), 1, "(file name)", f"{path.name} is not a .yaml file",
                                    "name it <locale>.yaml, e.g. ar.yaml, or remove it"))
            continue
        f, found = load(path, shown(path))
        problems += found
        if f is not None:
            files.append(f)
    return files, problems


def place_names(root: Path, locale: str) -> dict[str, tuple[str, ...]]:
    """Code (county or municipality) -> (the name shown, then the other spellings the finder
    also matches), in locale's script; {} for a language without a file (Latin script) or a
    file that does not load. Only call on data that passed validation."""
    path = Path(root) / FOLDER / f"{locale}.yaml"
    f, problems = load(path, shown(path)) if path.is_file() else (None, [])
    if f is None or problems or not isinstance(f.data, dict):
        return {}
    also = f.data.get("also") or {}
    return {code: (name, *also.get(code, ())) for section in ("counties", "municipalities")
            for code, name in f.data[section].items()}

"""How search compares words, in every language: the one definition of word separators and
letter mappings, and the Python side of the normalizer (used for the search index).

The browser normalizes the reader's query with the same rules: the index JSON carries
`rules()` in its header and overrides/components/search/search.js reads them from there, so
the two sides cannot drift apart. Both run the same steps in the same order:

    NFC -> lowercase for the page language -> NFD -> delete REMOVE -> NFC -> replace MAP
    -> split on runs of SEPARATORS, drop empty pieces

(NFD then NFC takes accents off Latin, Greek and Cyrillic letters; hamza and madda are not
removed there, so أ ئ ؤ ۀ compose again and MAP decides what each becomes.)

Ranges are code points, so Python's `re` and JavaScript's RegExp read them the same way.
"""
from __future__ import annotations

import re
import unicodedata

# Characters between words. Whitespace and controls, punctuation and symbols, ZWNJ (Persian
# and Sorani write it inside compounds, readers type a space or nothing), Arabic and Ethiopic
# punctuation (፡ is Ge'ez's word space).
SEPARATORS: list[tuple[int, int]] = [
    (0x0000, 0x002F),   # controls, space, ASCII ! " # $ % & ' ( ) * + , - . /
    (0x003A, 0x0040),   # : ; < = > ? @
    (0x005B, 0x0060),   # [ \ ] ^ _ `
    (0x007B, 0x00BF),   # { | } ~, C1 controls, no-break space, Latin-1 punctuation « » · ¿
    (0x00D7, 0x00D7),   # ×
    (0x00F7, 0x00F7),   # ÷
    (0x060C, 0x060D),   # ، Arabic comma, date separator
    (0x061B, 0x061F),   # ؛ Arabic semicolon ... ؟ Arabic question mark
    (0x066A, 0x066D),   # ٪ ٫ ٬ ٭
    (0x06D4, 0x06D4),   # ۔ Urdu full stop
    (0x1360, 0x1368),   # ፠ ፡ ። ፣ ፤ ፥ ፦ ፧ ፨ Ethiopic punctuation
    (0x2000, 0x206F),   # general punctuation: spaces, ZWNJ, dashes, quotes, bidi marks, …
    (0x2190, 0x21FF),   # arrows
    (0x2E00, 0x2E7F),   # supplemental punctuation
    (0x3000, 0x303F),   # CJK spaces and punctuation
    (0xFD3E, 0xFD3F),   # ornate parentheses
    (0xFE10, 0xFE1F),   # vertical forms
    (0xFE30, 0xFE6F),   # compatibility and small forms
    (0xFEFF, 0xFEFF),   # byte order mark
    (0xFF01, 0xFF0F),   # fullwidth punctuation
    (0xFF1A, 0xFF20),
    (0xFF3B, 0xFF40),
    (0xFF5B, 0xFF65),
]

# Characters deleted without splitting a word: accents on Latin, Greek and Cyrillic letters
# (readers on a phone with another keyboard type "vald" for "våld", "siddet" for "şiddet"),
# soft hyphen, Arabic tatweel, harakat and Quranic marks (rarely typed, often left out).
REMOVE: list[tuple[int, int]] = [
    (0x0300, 0x036F),   # combining diacritical marks (after NFD)
    (0x00AD, 0x00AD),   # soft hyphen
    (0x0640, 0x0640),   # ـ tatweel
    (0x064B, 0x0652),   # harakat: tanwin, fatha, damma, kasra, shadda, sukun
    (0x0656, 0x065F),   # more vowel signs (not U+0653-U+0655 madda, hamza: see MAP)
    (0x0670, 0x0670),   # superscript alef
    (0x06D6, 0x06ED),   # Quranic annotation marks
]

# Letters written in more than one way. Persian, Dari, Sorani and Pashto keyboards type
# ی and ک, Arabic keyboards ي and ك; hamza on alef is often left out; Arabic-Indic digits
# are the same numbers as 0-9. ئ and ؤ stay letters of their own (Sorani writes ئ before
# every vowel at the start of a word). Maps to "" delete a character.
MAP: dict[str, str] = {
    "\u064A": "\u06CC",  # ي Arabic yeh -> ی
    "\u0649": "\u06CC",  # ى alef maksura -> ی
    "\u0643": "\u06A9",  # ك Arabic kaf -> ک
    "\u0629": "\u0647",  # ة teh marbuta -> ه
    "\u06C0": "\u0647",  # ۀ heh with yeh above -> ه
    "\u06BE": "\u0647",  # ھ heh doachashmee (Sorani keyboards) -> ه
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0622": "\u0627",  # آ -> ا
    "\u0671": "\u0627",  # ٱ -> ا
    "\u0131": "i",       # ı dotless i -> i: readers without a Turkish keyboard type "kadin"
    "\u0653": "",        # madda, hamza above and below left over after a letter they do not
    "\u0654": "",        # compose with (ه + hamza, as Persian keyboards type ۀ)
    "\u0655": "",
    **{chr(0x0660 + d): str(d) for d in range(10)},  # ٠-٩
    **{chr(0x06F0 + d): str(d) for d in range(10)},  # ۰-۹
}

# Languages whose lowercase differs from Unicode's default: Turkish and Azerbaijani
# I -> ı and İ -> i (the browser gets the same from toLocaleLowerCase; MAP then folds ı).
_DOTTED_I_LANGUAGES = {"tr", "az", "crh", "tt", "ba"}


def _char_class(ranges: list[tuple[int, int]]) -> str:
    return "[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]"


_SEPARATOR_RUNS = re.compile(_char_class(SEPARATORS) + "+")
_REMOVE = re.compile(_char_class(REMOVE) + "+")
_MAP = str.maketrans(MAP)


def rules() -> dict:
    """The rules as data for the index header; search.js builds its normalizer from them."""
    return {"separators": [list(r) for r in SEPARATORS], "remove": [list(r) for r in REMOVE], "map": MAP}


def lowercase(text: str, lang: str) -> str:
    """Lowercase like JavaScript's text.toLocaleLowerCase(lang)."""
    if lang.split("-")[0].lower() in _DOTTED_I_LANGUAGES:
        text = text.replace("I", "ı").replace("İ", "i")
    return text.lower()


def normalize(text: str, lang: str) -> str:
    """The text as search compares it (separators are kept; `words` splits on them)."""
    text = lowercase(unicodedata.normalize("NFC", text), lang)
    text = _REMOVE.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", text).translate(_MAP)


def split(normalized: str) -> list[str]:
    """Words of a normalized text, in order."""
    return [w for w in _SEPARATOR_RUNS.split(normalized) if w]


def words(text: str, lang: str) -> list[str]:
    """Normalized words of a text, in order, with repeats."""
    return split(normalize(text, lang))

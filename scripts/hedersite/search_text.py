"""How search compares words, in every language: the one definition of word separators and
letter mappings, and the Python side of the normalizer (used for the search index).

The browser normalizes the reader's query with the same rules: the index JSON carries
`rules()` in its header and overrides/components/search/search.js reads them from there, so
the two sides cannot drift apart. Both run the same steps in the same order:

    NFC -> lowercase for the page language -> NFD -> delete REMOVE -> NFC -> replace MAP
    -> split on runs of SEPARATORS, drop empty pieces

(NFD then NFC takes accents off Latin, Greek and Cyrillic letters; hamza and madda are not
removed there, so أ ئ ؤ ۀ compose again and MAP decides what each becomes.)

Some languages write one word in more than one shape: Arabic attaches the article and short
prepositions (الشرطة، للشرطة for شرطة), Persian writes compounds with a ZWNJ, a space or
nothing (خط‌های، خط های، خطهای). Two more steps make those shapes find each other:

- the index holds every `forms` of a word: the pieces between JOINERS and the pieces joined,
  each also without its prefix (AFFIXES `prefixes`) or split before its suffix (`suffixes`);
- a query word is looked up by its `key`: without its prefix, the form every shape of the
  word has in the index. Suffixes are only split in the index, never cut from a query.

Ranges are code points, so Python's `re` and JavaScript's RegExp read them the same way.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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

# Characters that may join two pieces of one word: ZWNJ (Persian and Dari write می‌توانید and
# خط‌های with it; readers type it, a space or nothing). It stays a separator (a query's pieces
# are words of their own), and the index also holds the pieces joined (خطهای).
JOINERS: list[tuple[int, int]] = [(0x200C, 0x200C)]


def _arabic_article_prefixes() -> list[str]:
    """The article with what Arabic attaches before it: و or ف (and), then ب (with), ك (like)
    or ل (for), then ال; ل + ال is written لل. و ب ل are never cut alone: too many words begin
    with those letters (وقت، بيت، لغة)."""
    return [conj + ("لل" if prep == "ل" else prep + "ال")
            for conj in ("", "و", "ف") for prep in ("", "ب", "ك", "ل")]


# Light, per-language affix rules (a language without an entry has none), keyed by the primary
# language subtag. `stem`: letters that must remain, or nothing is cut. `keep`: words that
# only look like prefix + word. Written as readers type them; normalized below.
# - ar: the article and the prefixes fused with it (Larkey et al.'s "light10" article set,
#   without its bare و). A stem of at least 3 letters: Arabic roots have three, and it keeps
#   short words that begin with ال (الى، التي، الذي، الآن، ألم) whole. والدين and والدان
#   (parents) are kept: cut, they would be دين (religion) and دان, and الوالدان would not
#   be found by والدان (a word is cut once: الوالدان holds والدان).
# - fa (Persian, and Dari, fa-AF / prs): the plural ها, های, هایی, which pages and readers
#   write joined, with a ZWNJ or with a space (چیزهایی، صفحه‌هایی). Only split in the index,
#   so a joined word is also found by its pieces; 2 letters must remain (زنها، خطها).
#   No cut of the verb prefix می: too many words begin with it (میز، میان، میوه).
# - No rules for Pashto (ps: prepositions are written apart: د، په، له) nor Sorani (ckb):
#   its clitics are suffixes (ەکە، ەکان، ێک) that need a real stemmer, not a light rule.
_AFFIXES: dict[str, dict] = {
    "ar": {"prefixes": _arabic_article_prefixes(), "suffixes": [], "stem": 3, "keep": ["والدين", "والدان"]},
    "fa": {"prefixes": [], "suffixes": ["هایی", "های", "ها"], "stem": 2, "keep": []},
}
_AFFIXES["prs"] = _AFFIXES["fa"]
NO_AFFIXES = {"prefixes": [], "suffixes": [], "stem": 0, "keep": []}

# Languages whose lowercase differs from Unicode's default: Turkish and Azerbaijani
# I -> ı and İ -> i (the browser gets the same from toLocaleLowerCase; MAP then folds ı).
_DOTTED_I_LANGUAGES = {"tr", "az", "crh", "tt", "ba"}


def _char_class(ranges: list[tuple[int, int]]) -> str:
    return "[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]"


_SEPARATOR_RUNS = re.compile(_char_class(SEPARATORS) + "+")
_REMOVE = re.compile(_char_class(REMOVE) + "+")
_MAP = str.maketrans(MAP)
_WORD = "[^" + _char_class(SEPARATORS)[1:] + "+"
# A word with the pieces joined to it: search.js builds the same expression from the header.
_TOKENS = re.compile(_WORD + "(?:" + _char_class(JOINERS) + _WORD + ")*")
_JOINERS = re.compile(_char_class(JOINERS))


@lru_cache(maxsize=None)
def affixes(lang: str) -> dict:
    """The affix rules of a language (primary subtag), normalized as the words they cut are."""
    rule = _AFFIXES.get(lang.split("-")[0].lower(), NO_AFFIXES)

    def norm(items):  # longest first: the longest prefix or suffix that fits decides
        return sorted({normalize(i, lang) for i in items}, key=lambda i: (-len(i), i))
    return {"prefixes": norm(rule["prefixes"]), "suffixes": norm(rule["suffixes"]),
            "stem": rule["stem"], "keep": norm(rule["keep"])}


def rules(lang: str = "") -> dict:
    """The rules as data for the index header; search.js builds its normalizer from them."""
    return {"separators": [list(r) for r in SEPARATORS], "remove": [list(r) for r in REMOVE], "map": MAP,
            "joiners": [list(r) for r in JOINERS], "affixes": affixes(lang)}


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


def key(word: str, rule: dict) -> str:
    """A normalized word without its prefix (`affixes`): how a query word is looked up. The
    longest prefix that begins the word decides; nothing is cut if fewer than `stem` letters
    would remain or the word is kept whole."""
    if word in rule["keep"]:
        return word
    for prefix in rule["prefixes"]:
        if word.startswith(prefix):
            return word[len(prefix):] if len(word) - len(prefix) >= rule["stem"] else word
    return word


def _split_suffix(word: str, rule: dict) -> list[str]:
    for suffix in rule["suffixes"]:
        if word.endswith(suffix):
            return [word[:-len(suffix)], suffix] if len(word) - len(suffix) >= rule["stem"] else []
    return []


def forms(token: str, rule: dict) -> list[str]:
    """Every form under which the index holds a normalized token (a word and the pieces joined
    to it): its pieces, the pieces joined, and each of these without its prefix or split
    before its suffix. Unique, in that order."""
    pieces = _JOINERS.split(token)
    found = pieces + ["".join(pieces)] if len(pieces) > 1 else pieces
    for word in list(found):
        found += [key(word, rule), *_split_suffix(word, rule)]
    return list(dict.fromkeys(w for w in found if w))


def index_words(text: str, lang: str) -> list[str]:
    """The words the index holds for a text: `forms` of each of its words, in order."""
    rule = affixes(lang)
    return [form for token in _TOKENS.findall(normalize(text, lang)) for form in forms(token, rule)]

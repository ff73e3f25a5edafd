"""Machine drafts of the municipality and county names in the scripts of the site's languages.

    PYTHONPATH=scripts .venv/bin/python scripts/draft_place_names.py [LOCALE ...]

writes data/geography/names/<locale>.yaml for ar, fa, fa-AF, ku-IQ, ps, ti, ru and uk. The
Swedish names come from data/geography/sweden.yaml (read with the project's YAML loader), so no
code is missed or invented. Every name is made in two steps:

1. Swedish spelling -> a sound sequence (swedish_sounds): the reader hears a name, so the
   transliteration follows how it is said, not how it is spelt: å, o before one consonant
   (/u/, Borås), soft k/g/sk before e i y ä ö at the start of a word part (Kil, Gävle, Skövde),
   sj/skj/stj/tj/kj, -köping, final -rg/-lg (/rj/: Göteborg is "Jöteborj"). The names whose
   sound the rules cannot know are respelt in RESPELL (Kiruna has a hard k, Arvidsjaur is
   Arvids-jaur, Kristianstad is "Krischanstad").
2. Sounds -> letters of one language (one function per script), then EXONYMS: the name the
   language's press already uses wins (Stockholm, Göteborg...).

Arabic-script and Ethiopic files also list, under `also:`, the spelling-based form of names in
-borg/-berg and the other spellings readers are known to use, so the finder matches them too.
Russian and Ukrainian follow their conventional transcription of Swedish (Ermolovich's rules:
-borg/-berg kept, ö -> ё/е, y -> ю, soft k -> ч), which is what their readers will know.

These are drafts (status: draft in every file): a native speaker reviews them. Rerunning the
script overwrites the files, so a reviewed correction belongs in EXONYMS or RESPELL here.
"""
from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

from hedersite.yamlfile import load  # noqa: E402

GEOGRAPHY = ROOT / "data" / "geography" / "sweden.yaml"
NAMES = ROOT / "data" / "geography" / "names"

VOWELS = set("aeäiyuôåö")
FRONT = set("eiyäö")

# --- 1. Swedish spelling -> sounds -------------------------------------------------------------
# Respellings for names the rules would mispronounce. Notation: the Swedish letters, plus
# ô = long o said /u/ (Osby), ʃ = the sj sound, ɕ = the tj sound, ŋ = ng, "·" = a boundary
# between the parts of a compound (a soft k or sj rule applies after it, no digraph spans it),
# a capital letter = that letter as it is, no soft rule (Kiruna).
RESPELL = {
    "Botkyrka": "bot·kyrka", "Kiruna": "Kiruna", "Lysekil": "lyse·kil",
    "Arvidsjaur": "arvids·jaur", "Kristianstad": "kriʃanstad", "Växjö": "väk·sjö",
    "Gnosjö": "gnô·sjö", "Osby": "ôsby", "Storfors": "stôr·fors", "Norberg": "nôr·berg",
    "Nordanstig": "nôrdan·stig", "Nordmaling": "nôrd·maling", "Orsa": "ôrsa",
    "Gagnef": "gaŋnef", "Örnsköldsvik": "örn·sköldsvik", "Örkelljunga": "örkel·ljunga",
    "Svenljunga": "sven·ljunga", "Herrljunga": "herr·ljunga", "Vårgårda": "vår·gårda",
    "Storuman": "stôr·uman", "Färgelanda": "färjelanda", "Robertsfors": "råberts·fors",
    "Hjo": "jô", "Borgholm": "borg·holm",
}


def _consonant(rest: str, start: bool, prev: str, spelt_rg: bool) -> tuple[list[str], int]:
    """The sounds the letters at the start of `rest` (no vowel) stand for, and how many
    letters that takes. `start`: at the start of a word or compound part; `prev`: the sound
    before."""
    c, nxt = rest[0], rest[1:2]
    if rest.startswith(("skj", "stj", "sch")):
        return ["ʃ"], 3
    if rest.startswith("sj"):
        return ["ʃ"], 2
    if start and rest.startswith("sk") and rest[2:3] in FRONT:
        return ["ʃ"], 2  # Skövde, Skellefteå (but Eskilstuna, Askersund: not at the start)
    if rest.startswith(("tj", "kj")):
        return ["ɕ"], 2
    if c == "k" and nxt in FRONT and (start or rest.startswith("köping")):
        return ["ɕ"], 1  # Kil, Kinda, -köping (but Ekerö: not at the start)
    if c == "g" and nxt in FRONT and start:
        return ["j"], 1  # Gävle, Göteborg
    if start and rest[:2] in ("gj", "dj", "hj", "lj"):
        return ["j"], 2  # Ljungby, Hjo
    if rest.startswith("ng"):
        return ["ŋ"], 2
    if rest.startswith("ck"):
        return ["k", "k"], 2
    if c == "g" and not spelt_rg and not start and prev in ("r", "l") and nxt not in VOWELS | {"o", "g"}:
        return ["j"], 1  # Göteborg, Varberg: /rj/
    return {"x": ["k", "s"], "c": ["s" if nxt in FRONT else "k"], "q": ["k"], "z": ["s"],
            "w": ["v"]}.get(c, [c]), 1


def _word_sounds(word: str, spelt_rg: bool) -> list[str]:
    """One word (no spaces or hyphens) as a list of sounds: consonants p b t d k g f v s ʃ ɕ h
    j l m n ŋ r (doubled consonants stay two tokens), vowels a e ä i y u ô å ö."""
    out: list[str] = []
    i = 0
    start = True  # at the start of a word or compound part
    while i < len(word):
        c = word[i]
        if c == "·":
            start, i = True, i + 1
            continue
        if c.isupper():  # as written, no soft rule
            sounds, used = [c.lower()], 1
        elif c in VOWELS or c == "o":  # o is decided below, by the length of the vowel
            sounds, used = [c], 1
        else:
            sounds, used = _consonant(word[i:], start, out[-1] if out else "", spelt_rg)
            if sounds == ["ʃ"] and out and out[-1] == "s":
                out.pop()  # Nässjö: one sj sound
        out += sounds
        i += used
        start = False
    return _o_and_length(out)


def _o_and_length(sounds: list[str]) -> list[str]:
    """Swedish o is /u/ when long (before one consonant or at the end: Borås, Mora, -bo) and
    /ɔ/, written å here, when short (before two: Stockholm, Bollnäs). A long vowel is marked
    with ':' after it, for the scripts that write length (Sorani e/ê, Dari e)."""
    result = []
    for i, s in enumerate(sounds):
        if s in VOWELS or s == "o":
            following = 0
            for t in sounds[i + 1:]:
                if t in VOWELS or t == "o":
                    break
                following += 2 if t == "ŋ" else 1
            long_ = following <= 1 and not (s == "e" and i == len(sounds) - 1)
            if s == "o":
                s = "ô" if long_ else "å"
            result.append(s + (":" if long_ else ""))
        else:
            result.append(s)
    return result


def swedish_sounds(name: str, spelt_rg: bool = False) -> list[list[str] | str]:
    """The name as words of sounds, with the separators (' ', '-') between them."""
    text = RESPELL.get(name) or name.lower()  # a respelling's capitals mean "as written"
    parts: list[list[str] | str] = []
    word = ""
    for ch in text + " ":
        if ch in " -":
            if word:
                parts.append(_word_sounds(word, spelt_rg))
            parts.append(ch)
            word = ""
        else:
            word += ch
    return parts[:-1]


def _split(sound: str) -> tuple[str, bool]:
    return (sound[:-1], True) if sound.endswith(":") else (sound, False)


# --- 2. sounds -> letters ---------------------------------------------------------------------

def _collapse(sounds: list[str]) -> list[str]:
    """Scripts that do not write doubled consonants (Arabic script, Ethiopic)."""
    out = []
    for s in sounds:
        if out and s == out[-1] and s not in VOWELS and not s.endswith(":"):
            continue
        out.append(s)
    return out


ARABIC_SCRIPT_CONSONANTS = {
    # p b t d k g f v s ʃ ɕ h j l m n ŋ r
    "ar": dict(p="ب", b="ب", t="ت", d="د", k="ك", g="غ", f="ف", v="ف", s="س", ʃ="ش", ɕ="ش",
               h="ه", j="ي", l="ل", m="م", n="ن", ŋ="نغ", r="ر"),
    "fa": dict(p="پ", b="ب", t="ت", d="د", k="ک", g="گ", f="ف", v="و", s="س", ʃ="ش", ɕ="ش",
               h="ه", j="ی", l="ل", m="م", n="ن", ŋ="نگ", r="ر"),
    "ps": dict(p="پ", b="ب", t="ت", d="د", k="ک", g="ګ", f="ف", v="و", s="س", ʃ="ش", ɕ="ش",
               h="ه", j="ی", l="ل", m="م", n="ن", ŋ="نګ", r="ر"),
    "ku-IQ": dict(p="پ", b="ب", t="ت", d="د", k="ک", g="گ", f="ف", v="ڤ", s="س", ʃ="ش", ɕ="ش",
                  h="ه", j="ی", l="ل", m="م", n="ن", ŋ="نگ", r="ر"),
}
ARABIC_SCRIPT_CONSONANTS["fa-AF"] = ARABIC_SCRIPT_CONSONANTS["fa"]


def _arabic_vowel(lang: str, v: str, long_: bool, initial: bool, final: bool, after_vowel: bool,
                  before_vowel: bool) -> str:
    """One vowel in Arabic, Persian, Dari, Pashto or Sorani spelling of a foreign name."""
    back = v in "uôåö"
    if lang == "ar":
        # Arabic writes every vowel of a foreign name; Swedish ä is heard as Arabic a (Täby تابي).
        if initial:
            return {"a": "أ", "e": "إي" if long_ else "إ", "ä": "إ", "i": "إي", "y": "إي"}.get(v, "أو")
        if v == "e" and final:
            return "ه"
        return {"a": "ا", "ä": "ا", "e": "ي", "i": "ي", "y": "ي"}.get(v, "و")
    if lang in ("fa", "fa-AF"):
        # Persian leaves short e/ä unwritten (وستروس); Dari writes long e as ی (its majhul ē).
        if initial:
            return {"a": "آ", "e": "ا", "ä": "ا", "i": "ای", "y": "ای"}.get(v, "او")
        if v in "eä":
            if final:
                return "ه"
            if before_vowel:
                return "ئ"  # Umeå: اومئو
            return "ی" if lang == "fa-AF" and long_ and v == "e" else ""
        return {"a": "ا", "i": "ی", "y": "ی"}.get(v, "و")
    if lang == "ps":
        if initial:
            return {"a": "ا", "e": "اې", "ä": "اې", "i": "اي", "y": "اي"}.get(v, "او")
        if v in "eä":
            return "ې" if long_ or final else ""
        return {"a": "ا", "i": "ي", "y": "ي"}.get(v, "و")
    # Sorani writes every vowel; ە is open e/ä, ێ long closed e, ۆ o/ö; a vowel that starts a
    # syllable takes ئ.
    letter = {"a": "ا", "e": "ێ" if long_ and not final else "ە", "ä": "ە", "i": "ی", "y": "ی",
              "u": "و", "ô": "و", "å": "ۆ", "ö": "ۆ"}[v]
    return "ئ" + letter if initial or after_vowel else letter


def _collapse_marking(sounds: list[str]) -> tuple[list[str], set[int]]:
    """_collapse, and the positions (in its result) of consonants that were written twice."""
    out = _collapse(sounds)
    doubled, j = set(), 0
    for i, s in enumerate(out):
        while sounds[j] != s:
            j += 1
        if j + 1 < len(sounds) and sounds[j + 1] == s and s not in VOWELS and not s.endswith(":"):
            doubled.add(i)
            j += 1
        j += 1
    return out, doubled


def arabic_script(lang: str, parts) -> str:
    consonants = ARABIC_SCRIPT_CONSONANTS[lang]
    out = ""
    for part in parts:
        if isinstance(part, str):
            out += part
            continue
        sounds, doubled = _collapse_marking(part)
        word = ""
        if lang == "fa" and len(sounds) > 1 and sounds[0] == "s" and _split(sounds[1])[0] not in VOWELS:
            word = "ا"  # Persian writes an alef before s + consonant: استکهلم
        for i, s in enumerate(sounds):
            base, long_ = _split(s)
            if base in VOWELS:
                prev = _split(sounds[i - 1])[0] if i else ""
                nxt = _split(sounds[i + 1])[0] if i + 1 < len(sounds) else ""
                word += _arabic_vowel(lang, base, long_, i == 0, i == len(sounds) - 1, prev in VOWELS,
                                      nxt in VOWELS)
            elif lang == "ku-IQ" and base == "r" and (i == 0 or i in doubled):
                word += "ڕ"  # Sorani writes the trilled r at the start of a word and for rr
            elif lang == "ps" and base == "j" and i == len(sounds) - 1:
                word += "ي"
            else:
                word += consonants[base]
        out += word
    return out


# Ethiopic: the first letter of each consonant's row, and the order of each vowel in it
# (ä u i a e ə o: 0..6); a consonant without a vowel takes the sixth order (index 5).
ETHIOPIC_ROWS = dict(h=0x1200, l=0x1208, m=0x1218, r=0x1228, s=0x1230, ʃ=0x1238, ɕ=0x1238,
                     b=0x1260, v=0x1268, t=0x1270, n=0x1290, glottal=0x12A0, k=0x12A8,
                     j=0x12E8, d=0x12F0, g=0x1308, f=0x1348, p=0x1350)
ETHIOPIC_ORDER = dict(a=3, e=4, ä=4, i=2, y=2, u=1, ô=1, å=6, ö=6)


def ethiopic(parts) -> str:
    out = ""
    for part in parts:
        if isinstance(part, str):
            out += part
            continue
        sounds: list[str] = []
        for s in _collapse(part):
            sounds += ["n", "g"] if s == "ŋ" else [s]
        i = 0
        while i < len(sounds):
            base, _ = _split(sounds[i])
            nxt = _split(sounds[i + 1])[0] if i + 1 < len(sounds) else ""
            if base in VOWELS:
                out += chr(ETHIOPIC_ROWS["glottal"] + ETHIOPIC_ORDER[base])
                i += 1
            elif nxt in VOWELS:
                out += chr(ETHIOPIC_ROWS[base] + ETHIOPIC_ORDER[nxt])
                i += 2
            elif nxt == "j" and (i + 2 == len(sounds) or _split(sounds[i + 2])[0] not in VOWELS):
                out += chr(ETHIOPIC_ROWS[base] + 2)  # -rj without a vowel after it: ቦሪ
                i += 2
            else:
                out += chr(ETHIOPIC_ROWS[base] + 5)
                i += 1
    return out


CYRILLIC_CONSONANTS = {
    "ru": dict(p="п", b="б", t="т", d="д", k="к", g="г", f="ф", v="в", s="с", ʃ="ш", ɕ="ч",
               h="х", j="й", l="л", m="м", n="н", ŋ="нг", r="р"),
    "uk": dict(p="п", b="б", t="т", d="д", k="к", g="г", f="ф", v="в", s="с", ʃ="ш", ɕ="ч",
               h="г", j="й", l="л", m="м", n="н", ŋ="нг", r="р"),
}
# Vowel after a consonant; at the start of a word or after a vowel; after j (iotated).
CYRILLIC_VOWELS = {
    "ru": ({"a": "а", "e": "е", "ä": "е", "i": "и", "y": "ю", "u": "у", "ô": "у", "å": "о", "ö": "ё"},
           {"a": "а", "e": "э", "ä": "э", "i": "и", "y": "и", "u": "у", "ô": "у", "å": "о", "ö": "э"},
           {"a": "я", "e": "е", "ä": "е", "i": "йи", "y": "ю", "u": "ю", "ô": "ю", "å": "йо", "ö": "йё"}),
    "uk": ({"a": "а", "e": "е", "ä": "е", "i": "і", "y": "ю", "u": "у", "ô": "у", "å": "о", "ö": "е"},
           {"a": "а", "e": "е", "ä": "е", "i": "і", "y": "і", "u": "у", "ô": "у", "å": "о", "ö": "е"},
           {"a": "я", "e": "є", "ä": "є", "i": "ї", "y": "ю", "u": "ю", "ô": "ю", "å": "йо", "ö": "є"}),
}


def cyrillic(lang: str, parts) -> str:
    consonants = CYRILLIC_CONSONANTS[lang]
    after_consonant, plain, iotated = CYRILLIC_VOWELS[lang]
    words = []
    for part in parts:
        if isinstance(part, str):
            continue  # Russian and Ukrainian join the words of a Swedish name with hyphens
        sounds = [_split(s) for s in part]
        word = ""
        for i, (base, _) in enumerate(sounds):
            prev = sounds[i - 1][0] if i else ""
            nxt = sounds[i + 1][0] if i + 1 < len(sounds) else ""
            if base in VOWELS:
                if prev == "j":
                    vowel = iotated[base]
                    if base == "ä" and nxt == "r":
                        vowel = "я"  # Järfälla: Ярфелла
                    if i >= 2 and sounds[i - 2][0] not in VOWELS:
                        vowel = "ь" + (vowel[1:] if vowel.startswith("й") else vowel)
                    if lang == "ru" and vowel == "йё" and i >= 2:
                        vowel = "ё"
                    word += vowel
                else:
                    word += (plain if i == 0 or prev in VOWELS else after_consonant)[base]
            elif base == "j" and nxt in VOWELS:
                continue  # written with the vowel
            elif base == "l" and prev != "r" and nxt not in VOWELS | {"l", "j"}:
                word += "ль"  # Мальмё, Сундсвалль; but Карлстад
            else:
                word += consonants[base]
        words.append(word[:1].upper() + word[1:])
    return "-".join(words)


# --- 3. names the press already uses, and other known spellings -----------------------------
# code -> name, or (name, [other spellings the finder should also match]).
EXONYMS = {
    # Arabic: the press form first where there is one, then how Arabic speakers in Sweden write it.
    "ar": {"0180": ("ستوكهولم", ["استوكهولم"]), "1480": ("غوتنبرغ", ["يوتيبوري", "يوتبوري", "غوتنبورغ"]),
           "1283": ("هيلسينغبوري", ["هلسنغبورغ", "هلسينغبورغ", "هلسينبوري"]),
           "1980": ("فاستيروس", ["فاستروس", "فستروس", "فيستيروس"]),
           "0181": ("سوديرتاليه", ["سودرتاليه"]), "2180": ("يافله", ["يفله"]), "0380": "أوبسالا",
           "1290": ("كريشانستاد", ["كريستيانستاد"]), "1880": ("أوريبرو", ["أوربرو"]),
           "1488": ("ترولهاتان", ["ترولهيتان"]), "0780": ("فاكشو", ["فيكشو"]), "0160": ("تابي", ["تيبي"])},
    "fa": {"0180": ("استکهلم", ["استکهولم", "ستکهلم"]), "1480": ("گوتنبرگ", ["گوتنبورگ", "یوتبوری"]),
           "0380": "اوپسالا", "1290": ("کریشانستاد", ["کریستیانستاد"])},
    "fa-AF": {"0180": ("ستاکهولم", ["استکهلم", "استاکهولم"]), "1480": ("گوتنبرگ", ["گوتنبورگ", "یوتیبوری"]),
              "0380": "اوپسالا", "1290": ("کریشانستاد", ["کریستیانستاد"])},
    "ps": {"0180": ("سټاکهولم", ["ستاکهولم"]), "1480": ("ګوتنبرګ", ["ګوتنبورګ", "یوتېبوري"]),
           "0380": "اوپسالا"},
    "ku-IQ": {"0180": "ستۆکهۆڵم", "1480": ("یۆتێبۆری", ["گۆتنبێرگ", "گۆتنبۆرگ"])},
    "ti": {"1480": ("ዮቴቦሪ", ["ጎተንበርግ", "ጎተቦርግ"])},
    # Cyrillic writes the boundary of a compound before j: Арвидсъяур, Арвідс’яур.
    "ru": {"0180": "Стокгольм", "1480": "Гётеборг", "1290": "Кристианстад", "2505": "Арвидсъяур",
           "14": "лен Вестра-Гёталанд"},
    "uk": {"0180": "Стокгольм", "1480": "Гетеборг", "1290": "Крістіанстад", "2505": "Арвідс’яур",
           "14": "лен Вестра-Геталанд"},
}

COUNTY_WORD = {  # the word for "län", and where it goes ({} is the name)
    "ar": "مقاطعة {}", "fa": "استان {}", "fa-AF": "ولایت {}", "ps": "{} ولایت",
    "ku-IQ": "پارێزگای {}", "ti": "ዞባ {}", "ru": "лен {}", "uk": "лен {}",
}
LANGUAGE = {
    "ar": "Arabic", "fa": "Persian (Farsi)", "fa-AF": "Dari", "ps": "Pashto", "ku-IQ": "Sorani Kurdish",
    "ti": "Tigrinya (Ethiopic script)", "ru": "Russian", "uk": "Ukrainian",
}
HOW = {
    "ar": "Swedish sounds in Arabic letters as Arabic speakers in Sweden write them: every vowel "
          "written, ä as ا, final e as ه, g as غ, v as ف, p as ب, sj/tj as ش, ng as نغ.",
    "fa": "Swedish sounds in Persian letters: short e/ä unwritten, final e as ه, v as و, sj/tj as "
          "ش, ng as نگ, an alef before s + consonant (استکهلم).",
    "fa-AF": "Swedish sounds in Dari letters: like Persian, but long e written ی (Dari's ē) and no "
             "alef before s + consonant (ستاکهولم, as Afghan media write).",
    "ps": "Swedish sounds in Pashto letters: e as ې, g as ګ, v as و, sj/tj as ش, ng as نګ.",
    "ku-IQ": "Swedish sounds in Sorani letters, every vowel written: ە open e/ä, ێ long e, ۆ o/ö, "
             "v as ڤ, ڕ at the start of a word, ئ before a vowel that starts a syllable.",
    "ti": "Swedish sounds in Ethiopic syllables: a 4th order, e/ä 5th, i/y 3rd, u and long o 2nd, "
          "å/ö 7th, a consonant without a vowel 6th; v as ቭ, sj/tj as ሽ, doubled consonants once.",
    "ru": "Conventional Russian transcription of Swedish names (Ermolovich): ö -> ё/э, y -> ю, "
          "u and long o -> у, å -> о, soft k/tj -> ч, sj -> ш, l before a consonant -> ль, "
          "-borg/-berg kept, the words of a name joined with a hyphen.",
    "uk": "Conventional Ukrainian transcription of Swedish names: ö -> е, i -> і, y -> ю, "
          "h and g -> г, soft k/tj -> ч, sj -> ш, jö/je -> є, -borg/-berg kept, words joined "
          "with a hyphen.",
}


def transliterate(lang: str, name: str, spelt_rg: bool = False) -> str:
    cyr = lang in CYRILLIC_CONSONANTS
    parts = swedish_sounds(name, spelt_rg or cyr)
    if cyr:
        return cyrillic(lang, parts)
    if lang == "ti":
        return ethiopic(parts)
    return arabic_script(lang, parts)


def county_base(name: str) -> str:
    """'Stockholms län' -> 'Stockholm', 'Västra Götalands län' -> 'Västra Götaland'."""
    base = name.removesuffix(" län")
    return base[:-1] if base.endswith("s") else base


def names_for(lang: str, geography: dict) -> tuple[dict, dict, dict]:
    exonyms = EXONYMS.get(lang, {})
    counties, municipalities, also = {}, {}, {}

    def add(code: str, swedish: str, table: dict, wrap=lambda s: s):
        entry = exonyms.get(code)
        others: list[str] = []
        if isinstance(entry, tuple):
            name, others = entry[0], list(entry[1])
        elif isinstance(entry, str):
            name = entry
        else:
            name = wrap(transliterate(lang, swedish))
            if lang not in CYRILLIC_CONSONANTS and ("rg" in swedish or "lg" in swedish):
                spelt = wrap(transliterate(lang, swedish, spelt_rg=True))
                if spelt != name:
                    others.append(spelt)
        table[code] = name
        others = [o for o in dict.fromkeys(others) if o != name]
        if others:
            also[code] = others

    municipal_names = {}
    for county in geography["counties"]:
        for muni in county["municipalities"]:
            add(muni["code"], muni["name"], municipalities)
            municipal_names[muni["name"]] = municipalities[muni["code"]]
    for county in geography["counties"]:
        base = county_base(county["name"])
        code = county["code"]
        if code in exonyms:
            add(code, base, counties)
            continue
        # A county named after its seat uses the seat's name as written above (Stockholm).
        inner = municipal_names.get(base) or transliterate(lang, base)
        counties[code] = COUNTY_WORD[lang].format(inner)
    return counties, municipalities, also


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def render(lang: str, geography: dict) -> str:
    counties, municipalities, also = names_for(lang, geography)
    swedish = {m["code"]: m["name"] for c in geography["counties"] for m in c["municipalities"]}
    swedish.update({c["code"]: c["name"] for c in geography["counties"]})
    lines = [
        "# yaml-language-server: $schema=../../schema/names.schema.json",
        f"# {LANGUAGE[lang]} names of Sweden's counties and municipalities, keyed by SCB code as in",
        "# data/geography/sweden.yaml (every code there is here, and no other).",
        "# How they were made: a machine draft by scripts/draft_place_names.py, from how the Swedish",
        "# name is said, not how it is spelt; names the press of this language already uses are kept.",
        *textwrap.wrap(HOW[lang], 95, initial_indent="# ", subsequent_indent="# "),
        f"# Counties: the word for län is always \"{COUNTY_WORD[lang].format('…')}\".",
        "# `also:` lists other spellings readers use; the finder matches them too, but shows `name`.",
        "# Not reviewed by a native speaker yet. To correct a name, change EXONYMS or RESPELL in the",
        "# script and run it: tests/geography checks that this file is what the script writes.",
        "status: draft",
        f"source: {_q('Swedish names and codes from data/geography/sweden.yaml (SCB); transliteration drafted by scripts/draft_place_names.py, not reviewed')}",
        "counties:",
    ]
    lines += [f"  \"{code}\": {_q(name)}  # {swedish[code]}" for code, name in counties.items()]
    lines.append("municipalities:")
    lines += [f"  \"{code}\": {_q(name)}  # {swedish[code]}" for code, name in municipalities.items()]
    if also:
        lines.append("also:")
        lines += [f"  \"{code}\": [{', '.join(_q(o) for o in others)}]  # {swedish[code]}"
                  for code, others in also.items()]
    return "\n".join(lines) + "\n"


def main(locales: list[str]) -> int:
    geo, problems = load(GEOGRAPHY, "data/geography/sweden.yaml")
    if problems:
        for p in problems:
            print(p.text(), file=sys.stderr)
        return 1
    NAMES.mkdir(parents=True, exist_ok=True)
    for lang in locales or list(LANGUAGE):
        (NAMES / f"{lang}.yaml").write_text(render(lang, geo.data), "utf-8")
        print(f"wrote data/geography/names/{lang}.yaml")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

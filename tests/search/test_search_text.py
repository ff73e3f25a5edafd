"""The normalizer the search index is written with (scripts/hedersite/search_text.py) and the
page text that goes into the index (scripts/hedersite/search_entries.py)."""
from __future__ import annotations

import json

from hedersite import search_entries, search_text
from hedersite.search_text import normalize, words


def test_persian_keh_and_yeh_written_the_arabic_way_match_the_persian_way():
    assert words("كمك براي شما", "fa") == words("کمک برای شما", "fa") == ["کمک", "برای", "شما"]
    assert words("مصطفى", "fa") == words("مصطفی", "fa")


def test_zwnj_splits_words():
    assert words("می\u200cتوانید", "fa") == ["می", "توانید"]
    assert words("نامه\u200cها", "prs") == ["نامه", "ها"]


def test_ethiopic_punctuation_splits_tigrinya_words():
    assert words("ሓገዝ።", "ti") == ["ሓገዝ"]
    assert words("ምኽሪ፡ሓገዝ፣ደገፍ፤ሓበሬታ፥ቁ፦ሕቶ፧", "ti") == ["ምኽሪ", "ሓገዝ", "ደገፍ", "ሓበሬታ", "ቁ", "ሕቶ"]


def test_arabic_punctuation_splits_words():
    assert words("مساعدة، أمان؛ هل؟", "ar") == ["مساعده", "امان", "هل"]


def test_harakat_tatweel_and_hamza_on_alef_are_ignored():
    assert normalize("مُسَاعَدَة", "ar") == normalize("مساعدة", "ar")
    assert normalize("مـسـاعـدة", "ar") == normalize("مساعدة", "ar")
    assert normalize("أمان", "ar") == normalize("إمان", "ar") == normalize("امان", "ar")


def test_sorani_hamza_letter_stays_its_own_letter():
    assert words("ئێمە", "ckb") == ["ئێمە"]
    assert words("يارمەتي", "ckb") == words("یارمەتی", "ckb")


def test_turkish_dotted_and_dotless_i():
    assert words("İSTANBUL KADIN", "tr") == ["istanbul", "kadin"]
    assert words("kadın", "tr") == words("kadin", "tr")


def test_accents_on_latin_and_cyrillic_letters_are_ignored():
    assert words("Våld i Malmö", "sv") == ["vald", "i", "malmo"]
    assert words("Ёлка", "ru") == ["елка"]


def test_digits_in_every_script_are_the_same_numbers():
    assert words("١١٢ ۱۱۲ 112", "fa") == ["112", "112", "112"]


def test_rules_are_data_the_browser_can_read():
    rules = json.loads(json.dumps(search_text.rules()))
    for key in ("separators", "remove"):
        assert all(0 <= a <= b <= 0xFFFF for a, b in rules[key]), key
    assert all(len(k) == 1 and ord(k) <= 0xFFFF for k in rules["map"])
    separators = {c for a, b in rules["separators"] for c in range(a, b + 1)}
    assert 0x200C in separators and 0x1362 in separators and 0x060C in separators
    assert not separators & {ord(c) for c in rules["map"]}


def test_page_text_leaves_out_navigation_scripts_forms_and_hidden_parts():
    html = ("<h1>Rubrik</h1><nav><a href='#x'>Meny</a></nav><p>Text <b>fe</b>t.</p>"
            "<script>var x;</script><form hidden><label>Fält</label></form>"
            "<div hidden><p>Dolt</p></div><p>Slut<br>rad</p>")
    text, headings = search_entries.page_text(html)
    assert text == "Rubrik Text fet. Slut rad"
    assert headings == ["Rubrik"]


def test_an_entry_keeps_each_word_once_in_the_first_field_it_occurs_in():
    html = "<h1>Hitta stöd</h1><h2>Stöd i Malmö</h2><p>Ring för stöd i Malmö, Lund.</p>"
    e = search_entries.entry("hitta-stod/", "Hitta stöd", html, "sv")
    assert e["u"] == "hitta-stod/" and e["t"] == "Hitta stöd"
    assert e["x"] == "Hitta stöd Stöd i Malmö Ring för stöd i Malmö, Lund."
    assert e["w"] == ["hitta stod", "i malmo", "ring for lund"]

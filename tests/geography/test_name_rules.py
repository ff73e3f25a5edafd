"""The validator refuses a broken names file with the file, the line, the field and a fix, like
the contact rules: a missing code, a Latin name in the Arabic file, an unknown code..."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from hedersite.validate import main
from names_support import DATA, ROOT

VALID = ROOT / "tests" / "fixtures" / "valid"
QUOTED_1280, QUOTED_1299 = '"1280"', '"1299"'  # f-strings of Python 3.11 take no backslash
TODAY = __import__("datetime").date(2026, 11, 24)


@pytest.fixture
def data(tmp_path) -> Path:
    """The valid fixture's contacts, with the real geography and its names."""
    target = tmp_path / "data"
    shutil.copytree(VALID / "contacts", target / "contacts")
    shutil.copytree(DATA / "geography", target / "geography")
    return target


def run(data: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = main(data, TODAY, out)
    return code, out.getvalue()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), "utf-8")


def line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1) if needle in line)


def names_file(data: Path, locale: str) -> Path:
    return data / "geography" / "names" / f"{locale}.yaml"


def broken(data: Path, locale: str, *edits: tuple[str, str]) -> tuple[Path, str]:
    """The names file of locale with each (old, new) edit made, and what the validator says."""
    path = names_file(data, locale)
    for old, new in edits:
        edit(path, old, new)
    code, out = run(data)
    assert code == 1, out
    return path, out


def test_the_copied_names_pass(data):
    code, out = run(data)
    assert code == 0, out


def test_missing_code_and_latin_name_in_the_arabic_file(data):
    ar, out = broken(data, "ar", ('  "1384": "كونغسباكا"  # Kungsbacka\n', ""),
                     ('"1280": "مالمو"', '"1280": "Malmö"'))
    where = ar.as_posix()
    assert (f"{where}:{line_of(ar, 'municipalities:')}: municipalities: Kungsbacka (1384) has no name - "
            'add `"1384": <the name of Kungsbacka in this language\'s script>` under municipalities:') in out
    assert (f"{where}:{line_of(ar, QUOTED_1280)}: municipalities.1280: 'Malmö' has characters that are not "
            "Arabic script: M a l m ö - write the name in Arabic letters") in out
    assert "2 error(s) in 1 file(s)" in out


def test_unknown_code_names_its_line(data):
    ti, out = broken(data, "ti", ('"1280":', '"1299":'))
    assert f"{ti.as_posix()}:{line_of(ti, QUOTED_1299)}: municipalities.1299: '1299' is not a municipality code" in out
    assert "Malmö (1280) has no name" in out


def test_county_code_among_municipalities_is_unknown(data):
    _, out = broken(data, "ru", ("municipalities:\n", 'municipalities:\n  "13": "Халланд"\n'))
    assert "municipalities.13: '13' is not a municipality code" in out


def test_empty_name_and_unquoted_code(data):
    fa, out = broken(data, "fa", ('"1280": "مالمو"', '"1280": "  "'), ('"0114":', "0114:"))
    assert f"{fa.as_posix()}:{line_of(fa, QUOTED_1280)}: municipalities.1280: is empty" in out
    assert "code 76 is a number, not text - put the code in quotes" in out  # YAML 1.1 reads 0114 as octal


def test_a_name_in_another_script(data):
    _, out = broken(data, "uk", ('"1280": "Мальме"', '"1280": "مالمو"'))
    assert "municipalities.1280: 'مالمو' has characters that are not Cyrillic script" in out


def test_two_municipalities_with_one_name(data):
    _, out = broken(data, "ps", ('"1281": "لوند"', '"1281": "مالمو"'))
    assert "municipalities.1281: 'مالمو' is the same as the name of Malmö (1280) once folded" in out


def test_other_spelling_that_adds_nothing(data):
    ar, out = broken(data, "ar", ('"1480": ["يوتيبوري"', '"1480": ["غوتنبرغ", "يوتيبوري"'))
    assert "also.1480[0]: 'غوتنبرغ' matches the same as a spelling before it" in out


def test_status_must_be_draft_or_reviewed(data):
    ar, out = broken(data, "ar", ("status: draft", "status: final"))
    assert f"{ar.as_posix()}:{line_of(ar, 'status:')}: status: 'final' is not one of ['draft', 'reviewed']" in out


def test_missing_file_and_file_of_a_latin_language(data):
    names_file(data, "ti").unlink()
    names_file(data, "so").write_text(names_file(data, "ar").read_text("utf-8"), "utf-8")
    code, out = run(data)
    assert code == 1
    assert "names/ti.yaml:1: (file): is missing - write the Ethiopic-script names" in out
    assert "names/so.yaml:1: (file): 'so' is not a language that needs names in its own script" in out


def test_broken_yaml_is_one_problem_with_its_line(data):
    ar, out = broken(data, "ar", ('"1280": "مالمو"', '"1280": "مالمو'))
    assert f"{ar.as_posix()}:{line_of(ar, QUOTED_1280)}: (YAML syntax): the quote opened on this line runs on" in out

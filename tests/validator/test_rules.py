"""The validator: the valid fixture passes, and each rule refuses one broken fixture with the
file, the line, the field and a fix hint. Fixtures are copies of tests/fixtures/valid with one edit."""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hedersite.validate import main

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "tests" / "fixtures" / "valid"
TODAY = __import__("datetime").date(2026, 11, 24)


def run(data: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = main(data, TODAY, out)
    return code, out.getvalue()


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(VALID, target)
    return target


def edit(data: Path, name: str, old: str, new: str) -> Path:
    path = data / name
    text = path.read_text("utf-8")
    assert old in text, f"fixture {name} lacks {old!r}"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(needle)


def test_valid_fixture_passes(data):
    code, out = run(data)
    assert code == 0, out
    assert "Data is valid" in out


def test_real_data_passes():
    # Against today's date, as `make validate` checks it: a contact verified today is not "in the future".
    out = io.StringIO()
    code = main(ROOT / "data", None, out)
    assert code == 0, out.getvalue()


C1 = "contacts/centre-one.yaml"
CASES = [
    # (id, file, old, new, field, words in the message, line needle (in the edited file))
    ("schema-missing-field", C1, "name: Centre One\n", "", "(file)", "'name' is a required property", "id: centre-one"),
    ("schema-unknown-field", C1, "kind: regional", "kind: regional\nnmae: x", "nmae", "Additional properties", "nmae:"),
    ("schema-audience-code", C1, "[exposed, professionals]", "[exposed, profesionals]", "audience[1]", "use one of", "audience:"),
    ("schema-unquoted-code", C1, '"1480"', "1480", "coverage[0]", "put the value in quotes", "- 1480"),
    ("schema-bad-time", C1, 'closes: "17:00"', 'closes: "5 pm"', "hours.periods[0].closes", "required form", "closes:"),
    ("schema-regional-needs-coverage", C1, 'county: "14"\n', "", "(file)", "'county' is a required property", "id:"),
    ("id-not-file-name", C1, "id: centre-one", "id: centre-two", "id", "set `id: centre-one`", "id:"),
    ("phone-invalid", C1, '"020-34 03 03"', '"020-34"', "phones[0].display", "not a valid phone number", "020-34"),
    ("phone-dropped-digit", C1, '"020-34 03 03"', '"020-34 03 0"', "phones[0].e164", "missing or extra", "+4620340303"),
    ("phone-extra-digit-e164", C1, '"+4620340303"', '"+46203403033"', "phones[0].e164", "not the same number", "+46203403033"),
    ("phone-both-truncated", C1, '"020-34 03 03"\n    e164: "+4620340303"', '"020-34 03 0"\n    e164: "+462034030"',
     "phones[0].display", "group of", "020-34 03 0"),
    ("short-number-invalid", "contacts/line-112.yaml", 'short: "112"', 'short: "1999"', "phones[0].short", "not a short number", "short"),
    ("short-number-mismatch", "contacts/line-police.yaml", 'display: "114 14"', 'display: "114 15"', "phones[0].display", "not the same number", "114 15"),
    ("email-syntax", C1, "centre@example.se", "centre@example", "emails[0]", "not a valid e-mail", "emails"),
    ("website-not-https", C1, "https://example.se/centre", "http://example.se/centre", "website.url", "https://", "website"),
    ("website-relative", C1, "https://example.se/centre", "example.se/centre", "website.url", "https://", "website"),
    ("county-unknown", C1, 'county: "14"', 'county: "99"', "county", "not an SCB county code", "county:"),
    ("municipality-unknown", C1, '"1384"', '"1399"', "coverage[1]", "not an SCB municipality code", "1399"),
    ("coverage-repeated", C1, '  - "1384"', '  - "1480"  # again', "coverage[1]", "repeats item", "# again"),
    ("verified-in-future", C1, '"2026-11-01"', '"2027-01-01"', "last_verified", "in the future", "last_verified"),
    ("verified-not-a-date", C1, '"2026-11-01"', '"2026-13-01"', "last_verified", "", "last_verified"),
    ("hours-reversed", C1, 'opens: "08:00"', 'opens: "18:00"', "hours.periods[0].closes", "not after it opens", "closes:"),
    ("age-reversed", C1, "{min: 13, max: 26}", "{min: 30, max: 26}", "age.min", "above max", "age: {"),
    ("unverified-unknown-field", C1, "{field: coverage,", "{field: coverag,", "unverified[0].field", "does not have", "field: coverag"),
    # Hostile or careless values (issue 11): refused, not only warned about.
    ("phone-premium-rate", C1, '"020-34 03 03"\n    e164: "+4620340303"', '"0900-123 45 67"\n    e164: "+469001234567"',
     "phones[0].e164", "premium-rate", "+469001234567"),
    ("phone-foreign", C1, '"0500-49 80 00"\n    e164: "+46500498000"', '"+47 22 24 90 00"\n    e164: "+4722249000"',
     "phones[1].e164", "a number in NO (+47)", "+4722249000"),
    ("phone-country-not-its-own", C1, 'e164: "+46500498000"', 'e164: "+46500498000"\n    country: "NO"',
     "phones[1].country", "says 'NO'", "country:"),
    ("phone-shared-cost-undeclared", "contacts/line-police.yaml", ", number_type: shared-cost", "",
     "phones[1].e164", "shared-cost number", "+46771141400"),
    ("free-with-paid-number", C1, '"0500-49 80 00"\n    e164: "+46500498000"\n    audience: [professionals]',
     '"0771-23 45 67"\n    e164: "+46771234567"\n    number_type: shared-cost\n    audience: [professionals]\nfree: true',
     "phones[1].e164", "costs the caller", "+46771234567"),
    ("phone-pager", C1, '"0500-49 80 00"\n    e164: "+46500498000"', '"0740-12 34 56"\n    e164: "+46740123456"',
     "phones[1].e164", "pager number", "+46740123456"),
    ("coverage-other-county", C1, 'also_serves_counties: ["13"]\n', "", "coverage[1]", "is in county 13", '"1384"'),
    ("also-serves-unused", C1, '["13"]', '["13", "12"]', "also_serves_counties[1]", "no municipality", "also_serves"),
    ("website-empty-label", C1, "https://example.se/centre", "https://..se/", "website.url", "Empty Label", "website"),
    ("website-long-label", C1, "https://example.se/centre", "https://" + "x" * 64 + ".se/", "website.url",
     "Label too long", "website"),
    ("source-leading-hyphen", C1, 'url: "https://example.se/"', 'url: "https://-example.se/"', "source.url", "hyphen",
     "source:"),
    ("name-bidi-override", C1, "name: Centre One", "name: Centre \u202eenO", "name", "U+202E", "name:"),
    ("name-zero-width", C1, "name: Centre One", "name: Centre\u200b One", "name", "U+200B", "name:"),
    ("material-bidi-isolate", C1, "name: Centre One", "name: Centre One\nmaterials: [\u2067Folder]",
     "materials[0]", "U+2067", "materials"),
    ("verified-before-floor", C1, '"2026-11-01"', '"1900-01-01"', "last_verified", "before 2015-01-01", "last_verified"),
    ("geography-wrong-county", "geography/sweden.yaml", '{code: "1380"', '{code: "1480"', "counties[0].municipalities[1].code", "listed under county", '"1480", name: Halmstad'),
]


@pytest.mark.parametrize("case", CASES, ids=[c[0] for c in CASES])
def test_rule_refuses_broken_fixture(data, case):
    _, name, old, new, field, words, needle = case
    path = edit(data, name, old, new)
    code, out = run(data)
    assert code == 1, out
    expected = f":{line_of(path, needle)}: {field}: "
    lines = [line for line in out.splitlines() if expected in line and name in line]
    assert lines, f"no line with {name}{expected} in:\n{out}"
    assert any(words in line for line in lines), out
    assert any(" - " in line for line in lines), "every problem carries a fix hint"


def test_unconfirmed_existence_is_accepted(data):
    # `existence` names no field: it hides the contact until an editor confirms it exists.
    edit(data, C1, "{field: coverage,", "{field: existence,")
    code, out = run(data)
    assert code == 0, out


def test_no_channel(data):
    path = data / "contacts" / "line-police.yaml"
    text = path.read_text("utf-8")
    path.write_text(text.split("phones:")[0] + "source:" + text.split("source:")[1], "utf-8")
    code, out = run(data)
    assert code == 1 and "has no phone, e-mail or website" in out


def test_duplicate_contact_in_two_files(data):
    copy = data / "contacts" / "centre-copy.yaml"
    copy.write_text((data / C1).read_text("utf-8").replace("id: centre-one", "id: centre-copy"), "utf-8")
    code, out = run(data)
    assert code == 1
    assert "centre-copy.yaml" in out and "is already in" in out


def test_yaml_syntax_error_names_file_and_line(data):
    (data / "contacts" / "broken.yaml").write_text("id: broken\nname: a: b\n", "utf-8")
    code, out = run(data)
    assert code == 1
    assert "contacts/broken.yaml:2: (YAML syntax)" in out
    assert "Traceback" not in out


def test_all_problems_collected_and_grouped_by_file(data):
    edit(data, C1, "centre@example.se", "centre@example")
    edit(data, C1, 'county: "14"', 'county: "99"')
    edit(data, "contacts/line-112.yaml", 'short: "112"', 'short: "1999"')
    code, out = run(data)
    assert code == 1
    assert "3 error(s) in 2 file(s)" in out
    lines = out.splitlines()
    header = [i for i, line in enumerate(lines) if line.endswith("centre-one.yaml")]
    assert header and all("centre-one.yaml" in line for line in lines[header[0] + 1:header[0] + 3])


def test_stale_contact_is_a_warning_not_an_error(data):
    edit(data, C1, '"2026-11-01"', '"2024-06-01"')
    code, out = run(data)
    assert code == 0
    assert "warning: last checked 2024-06-01" in out


def test_github_annotations(data, monkeypatch):
    edit(data, C1, "centre@example.se", "centre@example")
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    code, out = run(data)
    assert code == 1
    assert any(line.startswith("::error file=") and "centre-one.yaml,line=" in line and "emails[0]" in line
               for line in out.splitlines()), out


def test_no_annotations_outside_github(data, monkeypatch):
    edit(data, C1, "centre@example.se", "centre@example")
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    _, out = run(data)
    assert "::error" not in out


def test_command_line_exit_code(data):
    edit(data, C1, "centre@example.se", "centre@example")
    result = subprocess.run([sys.executable, "-m", "hedersite", "--data", str(data), "--today", "2026-11-24", "validate"],
                            capture_output=True, text=True, cwd=ROOT, env={**__import__("os").environ, "PYTHONPATH": str(ROOT / "scripts")})
    assert result.returncode == 1
    assert "emails[0]" in result.stdout


def test_a_number_with_a_digit_missing_is_named_once_as_invalid_not_as_an_odd_type(data):
    path = edit(data, "contacts/centre-one.yaml", 'e164: "+46500498000"', 'e164: "+4650049"')
    code, out = run(data)
    assert code == 1
    line = line_of(path, "+4650049\"")
    assert f"centre-one.yaml:{line}: phones[1].e164: '+4650049' is not a valid number" in out
    assert "not one a person can call" not in out and "unknown number" not in out

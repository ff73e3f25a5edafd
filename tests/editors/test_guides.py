"""CONTRIBUTING.md (Swedish), CONTRIBUTING.en.md and DEPLOYMENT.md stay true to the code:
they link each other, every command they name exists, every file they link exists, and every
validator message in the table is one the validator can print."""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import warnings
from pathlib import Path

import pytest

from hedersite.__main__ import COMMANDS
from hedersite.validate import main as validate_main

ROOT = Path(__file__).resolve().parents[2]
GUIDES = [ROOT / "CONTRIBUTING.md", ROOT / "CONTRIBUTING.en.md", ROOT / "DEPLOYMENT.md"]
VALID = ROOT / "tests" / "fixtures" / "valid"
TODAY = dt.date(2026, 11, 24)
# Commands the translation workflow change is adding (front matter `translation` and
# `source_hash`); the guides already describe them. Drop a name once it is in COMMANDS.
PENDING = {"stamp", "translations"}


def text(path: Path) -> str:
    return path.read_text("utf-8")


def test_the_two_languages_link_each_other_at_the_top():
    sv, en = (text(p).splitlines()[:4] for p in GUIDES[:2])
    assert any("(CONTRIBUTING.en.md)" in line for line in sv)
    assert any("(CONTRIBUTING.md)" in line for line in en)


def test_the_two_languages_have_the_same_sections():
    sv, en = (re.findall(r"^##+ ", text(p), re.M) for p in GUIDES[:2])
    assert sv == en and len(sv) >= 8


@pytest.mark.parametrize("path", GUIDES, ids=lambda p: p.name)
def test_named_commands_exist(path):
    makefile = text(ROOT / "Makefile")
    code = "\n".join(re.findall(r"```\w*\n(.*?)```", text(path), re.S) + re.findall(r"`([^`\n]+)`", text(path)))
    for target in set(re.findall(r"^make (\w+)", code, re.M)):
        assert re.search(rf"^{target}:", makefile, re.M), f"make {target} is not a Makefile target"
    for name in set(re.findall(r"python -m hedersite (?:--\S+ \S+ )*([a-z-]+)", code)):
        if name in PENDING and name not in COMMANDS:
            warnings.warn(f"python -m hedersite {name} is described but not written yet")
            continue
        assert name in COMMANDS, f"python -m hedersite {name} is not a command"


@pytest.mark.parametrize("path", GUIDES, ids=lambda p: p.name)
def test_linked_files_exist(path):
    for target in re.findall(r"\]\(([^)#:]+)\)", text(path)):
        assert (ROOT / target).exists(), f"{path.name} links to missing {target}"


def broken_data(tmp_path: Path) -> Path:
    """A copy of the valid fixture with one of each common mistake."""
    data = tmp_path / "data"
    shutil.copytree(VALID, data)
    contacts = data / "contacts"
    edits = {
        "centre-one.yaml": [
            ('e164: "+4620340303"', 'e164: "+462034030"'),           # not the same number
            ('display: "0500-49 80 00"', 'display: "0500-4980 00"'),  # a group of 4 digits
            ('county: "14"', "county: 14"),                           # not a string
            ('  - "1384"', '  - "1384"\n  - "9999"\n  - "1480"'),     # unknown code, repeated
            ("emails: [centre@example.se]", "emails: [centre@example]"),
            ("https://example.se/centre", "http://example.se/centre"),
            ('last_verified: "2026-11-01"', 'last_verified: "2026-31-01"'),
            ('closes: "17:00"', 'closes: "07:00"'),
            ("audience: [exposed, professionals]", "audience: [exposed, professional]\nphone: x"),
            ("age: {min: 13, max: 26}", "age: {min: 30, max: 26}"),
            ("{field: coverage,", "{field: hourz,"),
        ],
        "line-police.yaml": [
            ("id: line-police", "id: line-112"),                      # id != file, id used twice
            ('{display: "114 14", short: "11414"}', '{display: "114 14", short: "11415"}'),
            ('e164: "+46771141400", from_abroad', 'e164: "+46771141400", short: "112", from_abroad'),
            ('last_verified: "2026-10-01"', 'last_verified: "2024-10-01"'),
        ],
    }
    for name, pairs in edits.items():
        path = contacts / name
        content = path.read_text("utf-8")
        for old, new in pairs:
            assert old in content, (name, old)
            content = content.replace(old, new, 1)
        path.write_text(content, "utf-8")
    (contacts / "new.yml").write_text("id: new\n", "utf-8")
    (contacts / "broken.yaml").write_text("id: broken\nname: Centre: One\n  kind: regional\n", "utf-8")
    (contacts / "copy.yaml").write_text((contacts / "line-112.yaml").read_text("utf-8")
                                        .replace("id: line-112", "id: copy"), "utf-8")
    (contacts / "bare.yaml").write_text(
        'id: bare\nkind: regional\nname: Bare\ncounty: "99"\ncoverage: ["1480"]\naudience: [everyone]\n'
        'phones: [{display: "0500-49 80", e164: "+4650049800"}, {display: "010-000 00 00", e164: "+4610000000"}]\n'
        'last_verified: "2099-01-01"\n', "utf-8")
    (contacts / "silent.yaml").write_text(
        'id: silent\nkind: national\nname: Silent\naudience: [everyone]\n'
        'phones: [{display: "0500 49 80 01", e164: "+46500498001"}]\n'
        'source: {url: "https://example.se/"}\nlast_verified: "2026-01-01"\n', "utf-8")
    (contacts / "none.yaml").write_text(
        'id: none\nkind: national\nname: Nobody\naudience: [everyone]\n'
        'source: {url: "https://example.se/"}\nlast_verified: "2026-01-01"\n', "utf-8")
    (contacts / "tricky.yaml").write_text(  # issue 11: values that look right and are not
        'id: tricky\nkind: regional\nname: "Tricky\u202e"\norganisation: "Tricky\u200b Stad"\ncounty: "14"\n'
        'coverage: ["1480", "1384"]\nalso_serves_counties: ["12"]\naudience: [everyone]\n'
        'phones: [{display: "0900-123 45 67", e164: "+469001234567"}, {display: "+47 22 24 90 00", e164: "+4722249000"},'
        ' {display: "0740-12 34 56", e164: "+46740123456"}, {display: "0771-23 45 67", e164: "+46771234567"}]\n'
        'source: {url: "https://..se/"}\nlast_verified: "1900-01-01"\nfree: true\n', "utf-8")
    (contacts / "twice.yaml").write_text("id: twice\nname: A\nname: B\n", "utf-8")
    (contacts / "open-quote.yaml").write_text('id: open-quote\nname: "Open\nkind: national\n', "utf-8")
    (contacts / "long-quote.yaml").write_text('id: long-quote\nname: "Long\nkind: "national"\n', "utf-8")
    return data


@pytest.mark.parametrize("path", GUIDES[:2], ids=lambda p: p.name)
def test_message_table_matches_the_validator(path, tmp_path):
    out = io.StringIO()
    validate_main(broken_data(tmp_path), TODAY, out)
    printed = out.getvalue()
    rows = re.findall(r"^\| `([^`]+)`(?: / `([^`]+)`)?", text(path), re.M)
    assert len(rows) >= 20
    for row in rows:
        for message in filter(None, row):
            pattern = re.escape(message).replace("…", ".+?").replace(r"\[\.\.\.\]", r"\[.*?\]")
            assert re.search(pattern, printed), f"{path.name}: the validator never prints {message!r}"


def test_validator_output_format_is_described():
    for path in GUIDES[:2]:
        assert "`file:line: field: what is wrong - how to fix`" in text(path) or \
               "`fil:rad: fält: vad som är fel - hur du rättar`" in text(path)

"""Hostile and careless YAML (issue 11): each file is refused through the real entry point
(`python -m hedersite validate` in a subprocess), with the file, the line where the fault is,
a fix hint, and no traceback. The subprocess is killed after HANG_GUARD seconds: that guards
against a hang (an alias bomb used to run forever), it is not a benchmark."""
from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hedersite import rules, strings
from hedersite.validate import context
from hedersite.dataset import load_dataset
from hedersite.yamlfile import load

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "tests" / "fixtures" / "valid"
HANG_GUARD = 60  # seconds: a hang guard, generous for a slow machine (an expanded bomb takes hours)

HEAD = "id: hostile\nkind: national\n"  # two lines before the part under test
TAIL = "audience: [everyone]\nsource: {url: \"https://example.se/\"}\nlast_verified: \"2026-11-01\"\n"


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(VALID, target)
    return target


def validate(data: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    env.pop("GITHUB_ACTIONS", None)
    command = [sys.executable, "-m", "hedersite", "--data", str(data), "--today", "2026-11-24", "validate"]
    try:
        return subprocess.run(command, capture_output=True, cwd=ROOT, env=env, timeout=HANG_GUARD)
    except subprocess.TimeoutExpired:
        pytest.fail(f"the validator ran longer than {HANG_GUARD} s (hang guard)")


def refused(data: Path, content: str | bytes, line: int, words: str) -> str:
    """Write contacts/hostile.yaml, validate, and check the refusal names file, line and fix."""
    path = data / "contacts" / "hostile.yaml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    result = validate(data)
    out, err = result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in out + err and "Error:" not in err, err
    assert result.returncode == 1, out
    mine = [text for text in out.splitlines() if "contacts/hostile.yaml:" in text]
    assert any(f"hostile.yaml:{line}: " in text for text in mine), f"no problem on line {line}:\n{out}"
    assert any(words in text for text in mine), out
    assert all(" - " in text for text in mine), "every problem carries a fix hint"
    return out


BOMB_START = 'a: &a ["lol", "lol"]\nb: &b [*a, *a]\n'


def test_alias_bomb_nine_deep_is_refused_at_its_first_anchor(data):
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for name, previous in zip("bcdefghi", "abcdefgh"):
        lines.append(f"{name}: &{name} [{', '.join(['*' + previous] * 9)}]")
    refused(data, HEAD + "\n".join(lines) + "\n" + TAIL, 3, "anchor or alias (&a)")


def test_self_referencing_alias_is_refused(data):
    refused(data, HEAD + "materials: &x [*x]\n" + TAIL, 3, "anchor or alias (&x)")


def test_alias_without_anchor_is_refused(data):
    refused(data, HEAD + "name: *x\n" + TAIL, 3, "anchor or alias (*x)")


def test_five_thousand_nested_brackets_are_refused(data):
    out = refused(data, HEAD + "materials: " + "[" * 5000 + "]" * 5000 + "\n" + TAIL, 3, "nested more than")
    assert "RecursionError" not in out


def test_duplicate_key_names_both_lines(data):
    text = HEAD + "name: Resursteam Heder\n" + TAIL + "name: \"<script>alert(1)</script>\"\n"
    refused(data, text, 7, "'name' on line 7 repeats line 3")


def test_duplicate_key_in_a_nested_mapping(data):
    text = HEAD + "hours:\n  periods:\n    - days: [mon]\n      opens: \"08:00\"\n      days: [sun]\n" + TAIL
    refused(data, text, 7, "'days' on line 7 repeats line 5")


def test_five_megabyte_file_is_refused_on_its_size(data):
    refused(data, HEAD + "# padding\n" * 500_000 + TAIL, 1, "larger than 256 KB")


def test_unclosed_quote_is_reported_where_it_opened(data):
    # The parser's own mark is the end of the file (line 6); the editor's mistake is on line 2.
    text = "id: hostile\nname: \"Centre One\nkind: national\naudience: [everyone]\nlast_verified: 2026-11-01\n"
    refused(data, text, 2, "quote is never closed")


def test_quote_closed_lines_later_is_reported_where_it_opened(data):
    text = "id: hostile\nname: \"Centre One\nkind: national\ncounty: \"14\"\naudience: [everyone]\n"
    refused(data, text, 2, "the quote opened on this line runs on to line 4")


# (id, the line under test (line 3 of the file), words in the refusal)
ONE_LINE = [
    ("control-character", "name: Centre\x07One", "control character U+0007 in column 13"),
    # YAML counts U+2028 as a line break and editors do not: every later line would be misnamed.
    ("line-separator", "name: Centre\u2028One", "U+2028"),
    ("tag", "name: !!python/object/apply:os.system [echo]", "YAML tag"),
    ("merge-key", "<<: {name: Centre One}", "merge key"),
    ("huge-number", "order: " + "9" * 5000, "a number of 5000 characters"),
]


@pytest.mark.parametrize("case", ONE_LINE, ids=[c[0] for c in ONE_LINE])
def test_bad_line_is_refused_on_its_line(data, case):
    _, line, words = case
    refused(data, HEAD + line + "\n" + TAIL, 3, words)


def test_invalid_utf8_byte_is_reported_on_its_line(data):
    content = (HEAD + "name: Centre One\n").encode("utf-8") + b"organisation: G\xf6teborgs Stad\n" + TAIL.encode()
    refused(data, content, 4, "byte 0xF6 in column 16 is not UTF-8")


def test_second_document_is_refused(data):
    refused(data, HEAD + TAIL + "---\nid: other\n", 6, "second YAML document")


def test_many_values_are_refused(data):
    # Refused at event 5,001: stream, document, mapping, 5 before the list, then item 4,992 on line 4,995.
    refused(data, HEAD + "materials:\n" + "  - x\n" * 6000 + TAIL, 4995, "more than 5000 values")


def test_no_cut_or_changed_byte_of_a_valid_file_gives_a_traceback(tmp_path):
    """Every cut of a valid contact file, and that file with each character class put in at
    many places, is read or refused and then checked by every rule: never an exception."""
    ctx = context(load_dataset(VALID), dt.date(2026, 11, 24))
    raw = (VALID / "contacts" / "centre-one.yaml").read_bytes()
    variants = [raw[:cut] for cut in range(0, len(raw), 5)]
    for at in range(0, len(raw), 23):
        variants += [raw[:at] + extra + raw[at:] for extra in (b"&a ", b"*a", b"[", b"{", b"\"", b"'", b"\x00",
                                                                b"\xff", b"? ", b"- ", b": ", b"!!binary ", b"\t")]
    path = tmp_path / "contacts" / "centre-one.yaml"
    path.parent.mkdir()
    for content in variants:
        path.write_bytes(content)
        f, problems = load(path, "centre-one.yaml")
        assert (f is None) == bool(problems)
        for rule in rules.CONTACT_RULES if f is not None else []:
            list(rule(f, ctx))


def test_ui_strings_go_through_the_same_loader(tmp_path):
    """data/strings/ is read by the build: an alias bomb there stops it with file:line."""
    folder = tmp_path / "strings"
    folder.mkdir()
    (folder / "xx.yaml").write_text(BOMB_START + "language: xx\n", "utf-8")
    with pytest.raises(ValueError, match=r"xx\.yaml:1: a: YAML anchor or alias"):
        strings.load("xx", folder)

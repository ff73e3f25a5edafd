"""`python -m hedersite verified`: contacts by last_verified, oldest first, with name and
county, and a * on those not checked for 12 months (or --older-than-months N); then every
fact no source backs (`unverified`), as file:line work for an editor."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from hedersite.__main__ import main

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "tests" / "fixtures" / "valid"


def set_date(data: Path, name: str, day: str) -> None:
    path = data / "contacts" / name
    lines = [f'last_verified: "{day}"' if line.startswith("last_verified:") else line
             for line in path.read_text("utf-8").splitlines()]
    path.write_text("\n".join(lines) + "\n", "utf-8")


@pytest.fixture
def data(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(VALID, target)
    set_date(target, "centre-one.yaml", "2025-11-23")   # 12 months and a day before TODAY
    set_date(target, "line-112.yaml", "2026-10-01")
    set_date(target, "line-police.yaml", "2025-11-24")  # exactly 12 months: not yet stale
    return target


def run(capsys, data: Path, *extra: str) -> list[str]:
    code = main(["--data", str(data), "--today", "2026-11-24", "verified", *extra])
    assert code == 0
    return capsys.readouterr().out.splitlines()


def rows(lines: list[str]) -> list[str]:
    return [line for line in lines if line[:4].isdigit() or line.startswith("(none)")]


def test_oldest_first_with_name_county_and_flag(capsys, data):
    lines = run(capsys, data)
    listed = rows(lines)
    assert [line[:10] for line in listed] == ["2025-11-23", "2025-11-24", "2026-10-01"]
    oldest = listed[0]
    assert oldest[12] == "*" and "Centre One" in oldest and "Västra Götalands län" in oldest
    assert oldest.endswith("contacts/centre-one.yaml")
    assert listed[1][12] == " " and listed[2][12] == " "
    assert "national" in listed[2]  # 112 has no county
    assert any(line.startswith("* = ") and "1 of 3 contacts" in line for line in lines)


def test_older_than_months_lists_only_those(capsys, data):
    listed = rows(run(capsys, data, "--older-than-months", "12"))
    assert len(listed) == 1 and "Centre One" in listed[0]
    listed = rows(run(capsys, data, "--older-than-months", "2"))
    assert [line[:10] for line in listed] == ["2025-11-23", "2025-11-24"]


def test_month_end_is_clamped(capsys, data):
    # One month before 31 March is the last day of February, not an error.
    code = main(["--data", str(data), "--today", "2027-03-31", "verified", "--older-than-months", "1"])
    assert code == 0
    assert "(before 2027-02-28)" in capsys.readouterr().out


def test_missing_date_comes_first_and_is_flagged(capsys, data):
    path = data / "contacts" / "line-112.yaml"
    path.write_text("\n".join(line for line in path.read_text("utf-8").splitlines()
                              if not line.startswith("last_verified:")) + "\n", "utf-8")
    listed = rows(run(capsys, data))
    assert listed[0].startswith("(none)") and listed[0][12] == "*" and "112" in listed[0]


def test_lists_every_unverified_field_with_file_line_and_reason(capsys, data):
    lines = run(capsys, data)
    notes = [line for line in lines if ".yaml:" in line]
    assert len(notes) == 1
    assert notes[0].split(":")[0].endswith("contacts/centre-one.yaml") and notes[0].split(":")[1].isdigit()
    assert "Centre One: coverage - Inferred from the county heading." in notes[0]
    assert any(line.startswith("Not confirmed by a source: 1 field(s) in 1 contact(s)") for line in lines)


def test_an_unconfirmed_existence_is_said_to_be_hidden(capsys, data):
    path = data / "contacts" / "line-police.yaml"
    path.write_text(path.read_text("utf-8") + "unverified:\n"
                    "  - {field: existence, reason: No source names this line.}\n", "utf-8")
    notes = [line for line in run(capsys, data) if ".yaml:" in line]
    hidden = [line for line in notes if "line-police.yaml" in line]
    assert len(hidden) == 1 and "existence (not shown to readers) - No source names this line." in hidden[0]

"""What the tests of data/geography/names/ share: the files, and the Swedish codes and names."""
from __future__ import annotations

from pathlib import Path

from hedersite.names import FOLDER, SCRIPT_OF
from hedersite.yamlfile import load

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
NAMES = DATA / FOLDER
LOCALES = sorted(SCRIPT_OF)


def read(path: Path):
    f, problems = load(path, path.name)
    assert not problems, [p.text() for p in problems]
    return f


def names(locale: str) -> dict:
    return read(NAMES / f"{locale}.yaml").data


def sweden() -> tuple[dict[str, str], dict[str, str]]:
    """(county code -> Swedish name, municipality code -> Swedish name)."""
    geo = read(DATA / "geography" / "sweden.yaml").data
    counties = {c["code"]: c["name"] for c in geo["counties"]}
    municipalities = {m["code"]: m["name"] for c in geo["counties"] for m in c["municipalities"]}
    return counties, municipalities


def municipality_code(swedish: str) -> str:
    return next(code for code, name in sweden()[1].items() if name == swedish)

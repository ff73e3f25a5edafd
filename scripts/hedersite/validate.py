"""Validate everything under data/ and report every problem at once."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from . import name_rules, rules
from .dataset import DATA, Dataset, load_dataset
from .problems import ERROR, Problem, report


def context(data: Dataset, today: dt.date) -> rules.Context:
    counties, municipalities = set(), set()
    geo = data.geography.data if data.geography else None
    for county in (geo or {}).get("counties", []) if isinstance(geo, dict) else []:
        if isinstance(county, dict):
            counties.add(county.get("code"))
            for muni in county.get("municipalities") or []:
                if isinstance(muni, dict):
                    municipalities.add(muni.get("code"))
    return rules.Context(today, counties, municipalities,
                         data.schema("contact"), data.schema("geography"))


def problems(data: Dataset, today: dt.date | None = None) -> list[Problem]:
    """All problems in the dataset: unreadable files, then every rule on every file."""
    ctx = context(data, today or dt.date.today())
    found = list(data.problems)
    if data.geography is not None:
        for rule in rules.GEOGRAPHY_RULES:
            found += rule(data.geography, ctx)
    for f in data.contacts:
        for rule in rules.CONTACT_RULES:
            found += rule(f, ctx)
    for rule in rules.DATASET_RULES:
        found += rule(data, ctx)
    found += name_rules.problems(data, ctx)  # data/geography/names/<locale>.yaml
    return list(dict.fromkeys(found))  # one line per distinct problem


def errors(data: Dataset, today: dt.date | None = None) -> list[Problem]:
    return [p for p in problems(data, today) if p.level == ERROR]


def main(data_dir: Path = DATA, today: dt.date | None = None, out=sys.stdout) -> int:
    return report(problems(load_dataset(data_dir), today), out)

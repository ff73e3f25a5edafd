"""data/examples/example-centre.yaml.example: the validator does not load it where it is, it
passes the validator when copied into data/contacts/ under its id, and it explains every field
of the contact schema."""
from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import yaml

from hedersite.dataset import load_dataset
from hedersite.validate import main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "data" / "examples" / "example-centre.yaml.example"
SCHEMA = json.loads((ROOT / "data" / "schema" / "contact.schema.json").read_text("utf-8"))


def test_example_is_not_loaded_as_data():
    assert not EXAMPLE.name.endswith(".yaml")
    assert all("examples" not in f.path for f in load_dataset().contacts)


def test_example_validates_in_a_copy_of_data(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data, ignore=shutil.ignore_patterns("examples"))
    contact_id = yaml.safe_load(EXAMPLE.read_text("utf-8"))["id"]
    shutil.copy(EXAMPLE, data / "contacts" / f"{contact_id}.yaml")
    out = io.StringIO()
    code = main(data, out=out)
    report = out.getvalue()
    assert code == 0, report
    assert f"{contact_id}.yaml" not in report, report  # no warning on the example either
    assert "Data is valid" in report


def test_every_field_is_shown_and_explained():
    text = EXAMPLE.read_text("utf-8")
    lines = text.splitlines()
    fields = set(SCHEMA["properties"]) | set(SCHEMA["$defs"]["phone"]["properties"]) \
        | set(SCHEMA["$defs"]["hours"]["properties"]) | set(SCHEMA["$defs"]["age"]["properties"])
    for name in sorted(fields):
        # As a key, or as a commented-out key for fields a regional centre does not use.
        at = [i for i, line in enumerate(lines) if re.match(rf"\s*(#\s*)?(- )?{name}:", line)
              or re.search(rf"[{{,]\s*{name}:", line)]
        assert at, f"{name} is missing from the example"
        assert any(line.lstrip().startswith("#") for line in lines[max(0, at[0] - 6):at[0]]) \
            or "#" in lines[at[0]], f"{name} has no comment above it"


def test_comments_are_in_swedish_and_english():
    text = EXAMPLE.read_text("utf-8")
    for swedish, english in [("Kopiera", "Copy"), ("källan", "source"), ("kommun", "municipalit")]:
        assert swedish in text and english in text

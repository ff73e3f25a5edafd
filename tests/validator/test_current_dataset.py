"""The hooks share one loaded dataset per process (scripts/hedersite/dataset.py current_dataset),
but an edit under data/ (as in `mkdocs serve`) is always read again."""
from __future__ import annotations

import os
import shutil

from hedersite.dataset import DATA, current_dataset


def test_unchanged_data_is_read_once_and_an_edit_is_read_again(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    first = current_dataset(data)
    assert current_dataset(data) is first

    contact = data / "contacts" / "bris.yaml"
    contact.write_text(contact.read_text("utf-8").replace("name: BRIS", "name: BRIS (edited)"), "utf-8")
    stat = contact.stat()
    os.utime(contact, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a later save
    again = current_dataset(data)
    assert again is not first
    assert any(c["name"] == "BRIS (edited)" for c in again.contact_list())

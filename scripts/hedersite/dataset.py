"""Read everything under data/ once: the files (with lines) for the validator, and plain
dictionaries for the pages."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem
from .yamlfile import YamlFile, load

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"


def shown(path: Path) -> str:
    """Path as an editor sees it in a pull request: relative to the project root."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


@dataclass
class Dataset:
    root: Path
    geography: YamlFile | None = None
    contacts: list[YamlFile] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # files that could not be read
    _names: dict = field(default_factory=dict, repr=False)  # locale -> place_names(), read once

    def schema(self, name: str) -> dict:
        folder = self.root / "schema" if (self.root / "schema").is_dir() else DATA / "schema"
        return json.loads((folder / f"{name}.schema.json").read_text("utf-8"))

    # Views used to render pages. Only call them on data that passed validation. They hold only
    # contacts whose existence is confirmed (exists_confirmed): the validator and `make
    # verified` read self.contacts, every file.
    def counties(self) -> list[dict]:
        return self.geography.data["counties"]

    def municipality_names(self) -> dict[str, str]:
        return {m["code"]: m["name"] for c in self.counties() for m in c["municipalities"]}

    def place_names(self, locale: str) -> dict[str, tuple[str, ...]]:
        """Code -> names in the reader's script (hedersite.names.place_names); {} for Latin script."""
        if locale not in self._names:
            from .names import place_names  # names imports this module
            self._names[locale] = place_names(self.root, locale)
        return self._names[locale]

    def contact_list(self) -> list[dict]:
        return [f.data for f in self.contacts if exists_confirmed(f.data)]

    def regional(self) -> list[dict]:
        return sorted((c for c in self.contact_list() if c["kind"] == "regional"),
                      key=lambda c: (c["county"], c["name"]))

    def national(self) -> list[dict]:
        return sorted((c for c in self.contact_list() if c["kind"] == "national"),
                      key=lambda c: (c.get("order", 999), c["name"]))

    def centres_by_municipality(self) -> dict[str, list[dict]]:
        """Every municipality code -> the regional centres that serve it (may be empty)."""
        result = {code: [] for code in self.municipality_names()}
        for contact in self.regional():
            for code in contact["coverage"]:
                result.setdefault(code, []).append(contact)
        return result


def exists_confirmed(contact: dict) -> bool:
    """False while `unverified` holds {field: existence}: nobody has confirmed that the contact
    exists, so no page sends a reader to it until an editor does (`make verified` lists it)."""
    return not any(isinstance(note, dict) and note.get("field") == "existence"
                   for note in contact.get("unverified") or [])


def load_dataset(root: Path = DATA) -> Dataset:
    root = Path(root)
    dataset = Dataset(root)
    geo, problems = load(root / "geography" / "sweden.yaml", shown(root / "geography" / "sweden.yaml"))
    dataset.geography = geo
    dataset.problems += problems
    for path in sorted((root / "contacts").glob("*")):
        if path.suffix == ".yml":
            dataset.problems.append(Problem(shown(path), 1, "(file name)", "ends in .yml",
                                            "rename it to end in .yaml"))
            continue
        if path.suffix != ".yaml":
            continue
        contact, problems = load(path, shown(path))
        dataset.problems += problems
        if contact is not None:
            dataset.contacts.append(contact)
    return dataset


# One site build reads data/ once per language and once per data page (16 languages: dozens
# of reads); `mkdocs serve` must still see an edit. So the hooks share one loaded Dataset
# for as long as no file under data/ has changed (path, size and modification time).
_loaded: dict[Path, tuple[tuple, Dataset]] = {}


def fingerprint(root: Path) -> tuple:
    """Every file under root by path, size and modification time: changes when any file does."""
    return tuple((p.as_posix(), s.st_size, s.st_mtime_ns)
                 for p in sorted(root.rglob("*")) if p.is_file() for s in [p.stat()])


def current_dataset(root: Path = DATA) -> Dataset:
    """load_dataset(root), reused while the files under root are unchanged. Treat it as read-only."""
    root = Path(root)
    stamp = fingerprint(root)
    cached = _loaded.get(root)
    if cached is None or cached[0] != stamp:
        cached = _loaded[root] = (stamp, load_dataset(root))
    return cached[1]

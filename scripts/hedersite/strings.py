"""UI strings: one YAML file per language in data/strings/, Swedish is the reference key set."""
from __future__ import annotations

from pathlib import Path

from .dataset import DATA, shown
from .yamlfile import load_data

STRINGS = DATA / "strings"
REFERENCE = "sv"


def load(locale: str, folder: Path = STRINGS) -> dict[str, str]:
    path = folder / f"{locale}.yaml"
    if not path.exists():
        raise KeyError(f"{path.relative_to(folder.parent.parent) if folder.is_absolute() else path}: "
                       f"no UI strings file for language {locale!r} - copy data/strings/{REFERENCE}.yaml "
                       f"to {locale}.yaml and translate the values")
    # The project's loader: a pull request's alias bomb or 5,000 brackets stops the build
    # with file:line instead of hanging it.
    data = load_data(path, shown(path)) or {}
    return {str(k): str(v) for k, v in data.items()}


def missing_keys(locale: str, folder: Path = STRINGS) -> list[str]:
    """Keys the reference language has and this language lacks (or leaves empty)."""
    reference = load(REFERENCE, folder)
    strings = load(locale, folder)
    return [key for key in reference if not strings.get(key, "").strip()]

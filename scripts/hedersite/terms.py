"""The termbase: data/glossary/<locale>.yaml holds, per language, the agreed word for each key
term (honour-related violence, resource centre, social services...), the words that promise
a call is free or anonymous, and the words that soften such a promise ("many", "ask").

A form is a word or phrase, matched case-insensitively with runs of white space as one space
(pages wrap lines anywhere); `*` stands for any ending, so "socialtjänst*" matches
"socialtjänsten". Languages written with words joined to their prefixes (Arabic script:
"و" + word; Ethiopic) say `match: substring`; the others match whole words.

Used by `make translations` (translations.term_problems: a page whose Swedish source speaks of
a concept uses the agreed word) and by tests/languages/test_promises.py (no text promises a
free or anonymous call for a contact whose data does not say so).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .dataset import DATA, shown
from .yamlfile import load_data

GLOSSARY = DATA / "glossary"
KEY_TERMS = ("honour_violence", "resource_centre", "social_services", "confidentiality", "anonymous",
             "protected_personal_data", "forced_marriage")
PROMISES = ("free", "anonymous")


@dataclass(frozen=True)
class Glossary:
    locale: str
    substring: bool
    terms: dict          # key term -> [forms]; for Swedish the forms that find the concept
    promises: dict       # free / anonymous -> [forms]
    hedges: tuple        # forms that make a sentence "many ..." / "ask ..." rather than a promise

    def pattern(self, forms) -> re.Pattern:
        parts = []
        for form in forms:
            words = " ".join(str(form).casefold().split())
            body = r"\w*".join(re.escape(piece) for piece in words.split("*"))
            if not self.substring:
                body = r"(?<!\w)" + body + ("" if words.endswith("*") else r"(?!\w)")
            parts.append(body)
        return re.compile("|".join(parts) or r"(?!)")

    def finds(self, forms, text: str) -> bool:
        return bool(self.pattern(tuple(forms)).search(normal(text)))

    def has_term(self, key: str, text: str) -> bool:
        return self.finds(self.terms.get(key) or [], text)


def normal(text: str) -> str:
    return " ".join(text.casefold().split())


@lru_cache(maxsize=None)
def _read(path: Path) -> dict:
    return load_data(path, shown(path)) or {}  # data/ is a stranger's input: the project's loader


def load(locale: str, folder: Path = GLOSSARY) -> Glossary:
    path = folder / f"{locale}.yaml"
    if not path.is_file():
        raise KeyError(f"data/glossary/{locale}.yaml: no termbase for language {locale!r} - copy "
                       f"data/glossary/en.yaml and write the words the {locale} pages use")
    data = _read(path)
    return Glossary(locale, data.get("match") == "substring",
                    {k: list(v or []) for k, v in (data.get("terms") or {}).items()},
                    {k: list(v or []) for k, v in (data.get("promises") or {}).items()},
                    tuple(data.get("hedges") or ()))


def missing_terms(source: Glossary, target: Glossary, source_text: str, text: str) -> list[str]:
    """Key terms the Swedish text speaks of and the translation does not name with its agreed
    word. Only terms the source uses are asked for, so a page that has no reason to name a
    concept is never told to."""
    return [key for key in KEY_TERMS
            if source.has_term(key, source_text) and target.terms.get(key) and not target.has_term(key, text)]

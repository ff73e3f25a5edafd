"""Topic pages: one situation each (forced marriage, being taken abroad, protection...), in
plain words, ending with who to call. A Swedish page is a topic page when its front matter
says `topic: true`; it then lists the sources of its legal and numeric facts:

    topic: true
    sources:
      - {title: Lag (1982:316) med förbud mot könsstympning av kvinnor, url: 'https://...'}
      - {title: ..., url: '...', check: true, note: what is not yet confirmed}

Readers see the list at the bottom of the page ("Källor", overrides/partials/sources.html).
A translation shares the Swedish page's `topic` and `sources` unless it writes its own, so
translators copy neither (hooks/topic_pages.py fills them in)."""
from __future__ import annotations

from pathlib import Path

from .dataset import ROOT
from .translations import front_matter

DOCS = ROOT / "docs"
SOURCE_LOCALE = "sv"
SHARED_KEYS = ("topic", "sources")


def is_topic(meta: dict) -> bool:
    return meta.get("topic") is True


def topic_pages(docs: Path = DOCS) -> list[str]:
    """File names (relative to docs/sv/) of the Swedish topic pages."""
    folder = docs / SOURCE_LOCALE
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.md")
                  if is_topic(front_matter(p.read_text("utf-8"))))


def split_uri(src_uri: str, locales: set[str]) -> tuple[str, str]:
    """"en/tvangsaktenskap.md" -> ("en", "tvangsaktenskap.md"); a path outside a language
    folder belongs to the source language."""
    first, _, rest = src_uri.partition("/")
    return (first, rest) if rest and first in locales else (SOURCE_LOCALE, src_uri)


def shared_meta(meta: dict, source_meta: dict) -> dict:
    """The keys a translation takes from its Swedish page when it does not write them."""
    return {key: source_meta[key] for key in SHARED_KEYS if key in source_meta and key not in meta}


# --- checks, one rule each ----------------------------------------------------------------------

def missing_sources(meta: dict) -> list[str]:
    if is_topic(meta) and not meta.get("sources"):
        return ["sources: a topic page lists the sources of its facts - add `sources:` with "
                "{title, url} entries (mark a fact not yet confirmed with check: true and a note)"]
    return []


def malformed_sources(meta: dict) -> list[str]:
    problems = []
    for n, entry in enumerate(meta.get("sources") or [], 1):
        if not isinstance(entry, dict) or not str(entry.get("title", "")).strip():
            problems.append(f"sources[{n}]: no title - write {{title: ..., url: ...}}")
        elif not str(entry.get("url", "")).startswith("https://"):
            problems.append(f"sources[{n}]: url must start with https:// - give the address of the source")
    return problems


def unexplained_checks(meta: dict) -> list[str]:
    return [f"sources[{n}]: check: true without a note - say what is not yet confirmed"
            for n, entry in enumerate(meta.get("sources") or [], 1)
            if isinstance(entry, dict) and entry.get("check") and not str(entry.get("note", "")).strip()]


RULES = (missing_sources, malformed_sources, unexplained_checks)


def problems(meta: dict) -> list[str]:
    return [problem for rule in RULES for problem in rule(meta)]

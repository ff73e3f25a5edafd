"""Translation status: which pages each language has, which are drafts, which are older than
their Swedish source, and which UI strings are missing.

A translated page says in its front matter how far it has come and which Swedish text it
translates:

    ---
    title: ...
    translation: draft          # or reviewed (checked by a person who reads the language)
    source_hash: "3f2a9c0b41d7"  # `python -m hedersite stamp docs/<lang>/<page>.md` sets it
    ---

`source_hash` is the first 12 hex digits of the SHA-256 of the Swedish page's text after its
front matter (as MkDocs reads it, line endings as LF), so a change to a Swedish page marks
every translation of it as outdated, and a change to its title or description alone does not.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from . import strings, terms, yamlfile
from .dataset import ROOT, shown

CONFIG = ROOT / "mkdocs.yml"
STATES = ("draft", "reviewed")
HASH_LENGTH = 12
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.DOTALL)


# --- configuration ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Language:
    locale: str      # folder docs/<locale>/ and data/strings/<locale>.yaml
    build: bool
    default: bool


def language_entries(config_file: Path = CONFIG) -> list[dict]:
    """The language entries of mkdocs.yml's i18n plugin as written (locale, name, site_name...)."""
    config = yaml_load(config_file.read_text("utf-8"))
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]["languages"]
    raise KeyError(f"{shown(config_file)}: no i18n plugin")


def languages(config_file: Path = CONFIG) -> list[Language]:
    """The languages of mkdocs.yml's i18n plugin, in their order."""
    return [Language(str(lang["locale"]), bool(lang.get("build", True)), bool(lang.get("default")))
            for lang in language_entries(config_file)]


def docs_dir(config_file: Path = CONFIG) -> Path:
    config = yaml_load(config_file.read_text("utf-8"))
    return config_file.parent / config.get("docs_dir", "docs")


# --- one page ---------------------------------------------------------------------------------

def body(text: str) -> str:
    """A page's text after its front matter, as MkDocs renders it (mkdocs.utils.meta cuts the
    same block), found without parsing the YAML: a hostile front matter cannot hang this."""
    text = text.replace("\r\n", "\n")
    match = FRONT_MATTER.match(text)
    return text[match.end():].lstrip("\n") if match and match.group(1) else text


def source_hash(text: str) -> str:
    return hashlib.sha256(body(text).encode("utf-8")).hexdigest()[:HASH_LENGTH]


def front_matter(text: str) -> dict:
    """A page's front matter, read with the limits of a data file (hedersite.yamlfile): a
    hostile page gives {} here, and the build's docs gate names its file and line."""
    match = FRONT_MATTER.match(text.replace("\r\n", "\n"))
    if not match:
        return {}
    try:
        data = yamlfile.parse_text("\n" + (match.group(1) or ""))
    except yamlfile.Refused:
        return {}
    return data if isinstance(data, dict) else {}


@dataclass(frozen=True)
class PageStatus:
    path: Path         # the translation (it may not exist)
    state: str         # ok | missing | outdated | unstamped (no source_hash)
    translation: str   # draft | reviewed | unmarked (no or unknown `translation:`) | "" if missing


def page_status(translation: Path, source: Path) -> PageStatus:
    if not translation.is_file():
        return PageStatus(translation, "missing", "")
    meta = front_matter(translation.read_text("utf-8"))
    level = str(meta.get("translation", "")).strip().lower()
    recorded = str(meta.get("source_hash", "")).strip().lower()
    if not recorded:
        state = "unstamped"
    elif recorded != source_hash(source.read_text("utf-8")):
        state = "outdated"
    else:
        state = "ok"
    return PageStatus(translation, state, level if level in STATES else "unmarked")


# --- one language -----------------------------------------------------------------------------

@dataclass
class LanguageStatus:
    language: Language
    pages: list[PageStatus] = field(default_factory=list)
    orphans: list[Path] = field(default_factory=list)   # pages without a Swedish source
    missing_keys: list[str] = field(default_factory=list)
    strings_problem: str = ""                            # no strings file
    term_problems: list[tuple[Path, list[str]]] = field(default_factory=list)  # page, key terms

    def count(self, state: str) -> int:
        return sum(1 for p in self.pages if p.state == state)

    @property
    def failing(self) -> bool:
        """What stops a built language: a page or a UI string it lacks, or a page that speaks of a
        key term without its agreed word (data/glossary/)."""
        return bool(self.count("missing") or self.missing_keys or self.strings_problem or self.term_problems)


def source_pages(docs: Path, source: str) -> list[Path]:
    """The Swedish pages, relative to docs/sv/."""
    return sorted(p.relative_to(docs / source) for p in (docs / source).rglob("*.md"))


def language_status(lang: Language, docs: Path, strings_folder: Path, source: str,
                    glossary_folder: Path = terms.GLOSSARY) -> LanguageStatus:
    status = LanguageStatus(lang)
    pages = source_pages(docs, source)
    status.pages = [page_status(docs / lang.locale / rel, docs / source / rel) for rel in pages]
    own = sorted(p.relative_to(docs / lang.locale) for p in (docs / lang.locale).rglob("*.md"))
    status.orphans = [docs / lang.locale / rel for rel in own if rel not in set(pages)]
    try:
        status.missing_keys = strings.missing_keys(lang.locale, strings_folder)
    except KeyError as exc:
        status.strings_problem = str(exc.args[0])
    status.term_problems = term_problems(lang.locale, source, docs, pages, glossary_folder)
    return status


def term_problems(locale: str, source: str, docs: Path, pages: list[Path],
                  folder: Path = terms.GLOSSARY) -> list[tuple[Path, list[str]]]:
    """Translated pages that speak of a key term (their Swedish source uses the Swedish word)
    without the language's agreed word. A language without a termbase is not checked yet."""
    if not (folder / f"{locale}.yaml").is_file() or not (folder / f"{source}.yaml").is_file():
        return []
    ours, theirs = terms.load(source, folder), terms.load(locale, folder)
    found = []
    for rel in pages:
        page = docs / locale / rel
        if page.is_file():
            keys = terms.missing_terms(ours, theirs, body((docs / source / rel).read_text("utf-8")),
                                       body(page.read_text("utf-8")))
            if keys:
                found.append((page, keys))
    return found


def status(config_file: Path = CONFIG, strings_folder: Path = strings.STRINGS) -> list[LanguageStatus]:
    """Every language but the source, in mkdocs.yml's order."""
    docs = docs_dir(config_file)
    langs = languages(config_file)
    source = next((lang.locale for lang in langs if lang.default), strings.REFERENCE)
    return [language_status(lang, docs, strings_folder, source) for lang in langs if lang.locale != source]


# --- report -----------------------------------------------------------------------------------

def _summary(s: LanguageStatus) -> str:
    total = len(s.pages)
    parts = [f"{total - s.count('missing')} of {total} pages"]
    parts += [f"{s.count(state)} {state}" for state in ("outdated", "unstamped") if s.count(state)]
    drafts = sum(1 for p in s.pages if p.translation in ("draft", "unmarked"))
    if drafts:
        parts.append(f"{drafts} draft")
    parts.append(f"{len(s.missing_keys)} UI strings missing" if not s.strings_problem else "no UI strings file")
    if s.term_problems:
        parts.append(f"{len(s.term_problems)} without agreed terms")
    return ", ".join(parts)


LEGEND = """\
ok: translates the current Swedish page. outdated: the Swedish page changed since; update the
translation, then `python -m hedersite stamp FILE`. unstamped: no source_hash (stamp it).
missing: no translation. (draft) and (unmarked): readers see the machine-translation note;
set `translation: reviewed` once a person who reads the language has checked the page."""


def report(statuses: list[LanguageStatus], out, verbose: bool = True) -> int:
    """Print the status; 1 if a built language lacks a page or a UI string, else 0."""
    failed = []
    for s in statuses:
        lang = s.language
        level = "ERROR" if lang.build and s.failing else ("warning" if s.failing else "ok")
        print(f"{lang.locale} (build: {str(lang.build).lower()}): {_summary(s)} [{level}]", file=out)
        if lang.build and s.failing:
            failed.append(lang.locale)
        if not verbose:
            continue
        for page in s.pages:
            label = page.translation and f"  ({page.translation})"
            print(f"  {page.state:<10} {shown(page.path)}{label}", file=out)
        for orphan in s.orphans:
            print(f"  {'orphan':<10} {shown(orphan)}  (no Swedish page of that name)", file=out)
        if s.strings_problem:
            print(f"  {s.strings_problem}", file=out)
        elif s.missing_keys:
            print(f"  UI strings missing from data/strings/{lang.locale}.yaml: {', '.join(s.missing_keys)}",
                  file=out)
        for page, keys in s.term_problems:
            agreed = terms.load(lang.locale)
            words = "; ".join(f"{key}: {agreed.terms[key][0].rstrip('*')}" for key in keys)
            print(f"  {'terms':<10} {shown(page)}: its Swedish page names {', '.join(keys)} - use the agreed "
                  f"word ({words}) from data/glossary/{lang.locale}.yaml", file=out)
    print(LEGEND, file=out)
    if failed:
        print(f"Built languages with missing pages or UI strings: {', '.join(failed)} - add them, or set "
              f"`build: false` for the language in mkdocs.yml until they exist.", file=out)
        if any(s.term_problems for s in statuses):
            print("Pages marked `terms` name a key term without its agreed word: use the words of "
                  "data/glossary/<language>.yaml (or agree on a new word there).", file=out)
        return 1
    return 0


# --- stamp ------------------------------------------------------------------------------------

def source_of(translation: Path, config_file: Path = CONFIG) -> Path:
    """docs/<lang>/<page>.md -> docs/sv/<page>.md; ValueError for a path that is not a translation."""
    docs = docs_dir(config_file).resolve()
    langs = languages(config_file)
    source = next((lang.locale for lang in langs if lang.default), strings.REFERENCE)
    try:
        locale, *rest = translation.resolve().relative_to(docs).parts
    except ValueError:
        raise ValueError(f"{translation}: not under {shown(docs)}/") from None
    if locale == source or locale not in {lang.locale for lang in langs} or not rest:
        raise ValueError(f"{translation}: not a translated page (expected {shown(docs)}/<language>/<page>.md, "
                         f"<language> one of mkdocs.yml's languages other than {source})")
    original = docs / source / Path(*rest)
    if not original.is_file():
        raise ValueError(f"{translation}: there is no Swedish page {shown(original)} to translate")
    return original


def stamped(text: str, digest: str) -> str:
    """The page with `source_hash: "<digest>"` in its front matter, and `translation: draft` if
    it says nothing about its state. Every other line is kept as it is."""
    text = text.replace("\r\n", "\n")
    match = FRONT_MATTER.match(text)
    lines = (match.group(1) or "").splitlines() if match else []
    rest = text[match.end():] if match else "\n" + text
    lines = [line for line in lines if not re.match(r"source_hash\s*:", line)]
    if not any(re.match(r"translation\s*:", line) for line in lines):
        lines.append("translation: draft")
    lines.append(f'source_hash: "{digest}"')
    return "---\n" + "\n".join(lines) + "\n---\n" + rest


def stamp(translation: Path, config_file: Path = CONFIG) -> str:
    """Record in the translation which Swedish text it translates; returns the hash."""
    digest = source_hash(source_of(translation, config_file).read_text("utf-8"))
    translation.write_text(stamped(translation.read_text("utf-8"), digest), "utf-8")
    return digest

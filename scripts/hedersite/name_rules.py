"""Validation rules for data/geography/names/<locale>.yaml: one function per rule.

File rules take (YamlFile, NamesContext) and yield Problems with the file, the line of the code
or name, the field and a fix, like the contact rules. The codes and Swedish names come from
data/geography/sweden.yaml, so a file can never name a place that does not exist or leave one
out: a reader who types the name of her municipality in her own script must find it.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import rules
from .dataset import Dataset, shown
from .names import FOLDER, SCRIPT_OF, fold, foreign_characters, load_names, locale_of
from .problems import Problem, field_name
from .yamlfile import YamlFile

SECTIONS = ("counties", "municipalities")


@dataclass
class NamesContext:
    places: dict[str, dict[str, str]]  # "counties"/"municipalities" -> code -> Swedish name
    schema: dict
    base: rules.Context  # the validator's context (its schema validators are reused)


def _problem(f: YamlFile, path, message, hint="") -> Problem:
    return Problem(f.path, f.line(path), field_name(path), message, hint)


def _section(f: YamlFile, name: str) -> dict:
    value = f.data.get(name) if isinstance(f.data, dict) else None
    return value if isinstance(value, dict) else {}


def _script(f: YamlFile) -> str | None:
    return SCRIPT_OF.get(locale_of(f))


def _spellings(f: YamlFile):
    """(path, code, text) of every name and every other spelling in the file."""
    for section in SECTIONS:
        for code, name in _section(f, section).items():
            yield (section, code), code, name
    for code, others in _section(f, "also").items():
        for i, other in enumerate(others if isinstance(others, list) else []):
            yield ("also", code, i), code, other


# --- rules ------------------------------------------------------------------------------------

def check_names_schema(f: YamlFile, ctx: NamesContext):
    """status, source, counties and municipalities, of the right form."""
    yield from rules._schema_problems(f, ctx.schema, ctx.base)


def check_locale_has_script(f: YamlFile, ctx: NamesContext):
    """The file is named after a language whose script is not Latin (ar.yaml, ti.yaml...)."""
    if _script(f) is None:
        yield Problem(f.path, 1, "(file)", f"{locale_of(f)!r} is not a language that needs names in its own script",
                      "name the file after a locale of mkdocs.yml written in another script: "
                      + ", ".join(f"{locale}.yaml" for locale in SCRIPT_OF))


def check_codes_quoted(f: YamlFile, ctx: NamesContext):
    """A code is text in quotes: YAML reads 0114 as a number and loses its zero."""
    for section in (*SECTIONS, "also"):
        for code in _section(f, section):
            if not isinstance(code, str):
                yield _problem(f, (section, code), f"code {code!r} is a number, not text",
                               'put the code in quotes as in data/geography/sweden.yaml, e.g. "0114"')


def check_no_missing_code(f: YamlFile, ctx: NamesContext):
    """Every county and municipality of sweden.yaml has a name."""
    for section in SECTIONS:
        if not (isinstance(f.data, dict) and isinstance(f.data.get(section), dict)):
            continue  # the schema already says the section is missing or not a mapping
        have = _section(f, section)
        for code, swedish in ctx.places[section].items():
            if code not in have:
                yield _problem(f, (section,), f"{swedish} ({code}) has no name",
                               f'add `"{code}": <the name of {swedish} in this language\'s script>` '
                               f"under {section}:")


def check_no_unknown_code(f: YamlFile, ctx: NamesContext):
    """No code that sweden.yaml does not have (a typo, a merged municipality, a county code
    under municipalities)."""
    for section in SECTIONS:
        for code in _section(f, section):
            if isinstance(code, str) and code not in ctx.places[section]:
                yield _problem(f, (section, code), f"{code!r} is not a {section[:-1].replace('ie', 'y')} code "
                               "in data/geography/sweden.yaml",
                               "check the code against sweden.yaml (SCB codes), or remove the line")
    known = {**ctx.places["counties"], **ctx.places["municipalities"]}
    for code in _section(f, "also"):
        if isinstance(code, str) and code not in known:
            yield _problem(f, ("also", code), f"{code!r} is not a code in data/geography/sweden.yaml",
                           "check the code against sweden.yaml (SCB codes), or remove the line")


def check_no_empty_name(f: YamlFile, ctx: NamesContext):
    """Every name and other spelling has text (not only spaces)."""
    for path, code, text in _spellings(f):
        if isinstance(text, str) and not text.strip():
            yield _problem(f, path, "is empty", "write the name, or remove the line and ask for a translation")


def check_name_in_script(f: YamlFile, ctx: NamesContext):
    """A name is written in the language's script: a reader who cannot type Latin letters will
    type it, and a Swedish name here would only repeat the one shown beside it."""
    script = _script(f)
    if script is None:
        return
    for path, code, text in _spellings(f):
        if not isinstance(text, str):
            continue
        foreign = foreign_characters(text, script)
        if foreign:
            shown_chars = " ".join(foreign[:6])
            yield _problem(f, path, f"{text!r} has characters that are not {script} script: {shown_chars}",
                           f"write the name in {script} letters (the Swedish name is shown beside it anyway)")


def check_also_adds_a_spelling(f: YamlFile, ctx: NamesContext):
    """Each other spelling differs from the name and from the others once folded: a repeat
    matches nothing new."""
    names = {**_section(f, "counties"), **_section(f, "municipalities")}
    for code, others in _section(f, "also").items():
        seen = {fold(names[code])} if isinstance(names.get(code), str) else set()
        for i, other in enumerate(others if isinstance(others, list) else []):
            if not isinstance(other, str):
                continue
            if fold(other) in seen:
                yield _problem(f, ("also", code, i), f"{other!r} matches the same as a spelling before it",
                               "remove it; the finder ignores vowel signs, hamza forms and ي/ی, ك/ک")
            seen.add(fold(other))


def check_names_tell_places_apart(f: YamlFile, ctx: NamesContext):
    """Two municipalities never fold to the same name: the finder could not tell them apart."""
    first: dict[str, str] = {}
    for code, name in _section(f, "municipalities").items():
        if not isinstance(name, str) or not name.strip():
            continue
        key = fold(name)
        if key in first:
            other = first[key]
            yield _problem(f, ("municipalities", code),
                           f"{name!r} is the same as the name of {ctx.places['municipalities'].get(other, other)} "
                           f"({other}) once folded",
                           "spell the two closer to their Swedish sounds so that they differ")
        first.setdefault(key, code)


FILE_RULES = [check_names_schema, check_locale_has_script, check_codes_quoted, check_no_missing_code,
              check_no_unknown_code, check_no_empty_name, check_name_in_script, check_also_adds_a_spelling,
              check_names_tell_places_apart]


def check_every_script_has_a_file(root: Path, files: list[YamlFile]):
    """Once the names folder exists, every language of SCRIPT_OF has its file."""
    folder = Path(root) / FOLDER
    if not folder.is_dir():
        return
    have = {locale_of(f) for f in files}
    for locale, script in SCRIPT_OF.items():
        if locale not in have and not (folder / f"{locale}.yaml").exists():
            yield Problem(shown(folder / f"{locale}.yaml"), 1, "(file)", "is missing",
                          f"write the {script}-script names of every county and municipality "
                          "(scripts/draft_place_names.py makes a draft)")


# --- running them -------------------------------------------------------------------------------

def places(data: Dataset) -> dict[str, dict[str, str]]:
    """Codes and Swedish names of sweden.yaml, read defensively (it may itself be broken)."""
    result = {"counties": {}, "municipalities": {}}
    geo = data.geography.data if data.geography else None
    for county in (geo or {}).get("counties", []) if isinstance(geo, dict) else []:
        if not isinstance(county, dict):
            continue
        result["counties"][county.get("code")] = county.get("name")
        for muni in county.get("municipalities") or []:
            if isinstance(muni, dict):
                result["municipalities"][muni.get("code")] = muni.get("name")
    return result


def problems(data: Dataset, base: rules.Context) -> list[Problem]:
    """Every problem of every names file under data.root."""
    files, found = load_names(data.root)
    if not files and not found:
        return list(check_every_script_has_a_file(data.root, files))
    ctx = NamesContext(places(data), data.schema("names"), base)
    for f in files:
        for rule in FILE_RULES:
            found += rule(f, ctx)
    found += check_every_script_has_a_file(data.root, files)
    return found

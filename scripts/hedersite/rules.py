"""Validation rules: one function per rule. Each takes what it checks and yields Problems.

File rules take (YamlFile, Context); dataset rules take (Dataset, Context). Rules read the data
defensively (a file that fails the schema is still checked by the other rules), so an editor
sees every problem in one run.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from urllib.parse import urlsplit
from dataclasses import dataclass, field

import idna
import phonenumbers
from email_validator import EmailNotValidError, validate_email
from jsonschema import Draft202012Validator, FormatChecker
from phonenumbers import shortnumberinfo

from .dataset import Dataset
from .problems import ERROR, INFO, WARNING, Problem, field_name
from .yamlfile import YamlFile

REGION = "SE"
STALE_AFTER_DAYS = 365
VERIFIED_FLOOR = dt.date(2015, 1, 1)  # the site's sources are all later; an earlier date is a typo


@dataclass
class Context:
    today: dt.date
    county_codes: set[str]
    municipality_codes: set[str]
    contact_schema: dict
    geography_schema: dict
    # One jsonschema validator per schema for the whole run (see _validator), by id(schema).
    validators: dict = field(default_factory=dict, repr=False, compare=False)


def _problem(f: YamlFile, path, message, hint="", level=ERROR) -> Problem:
    return Problem(f.path, f.line(path), field_name(path), message, hint, level)


def _dicts(items):
    return [(i, x) for i, x in enumerate(items) if isinstance(x, dict)] if isinstance(items, list) else []


def _strings(items):
    return [(i, x) for i, x in enumerate(items) if isinstance(x, str)] if isinstance(items, list) else []


def _data(f: YamlFile) -> dict:
    return f.data if isinstance(f.data, dict) else {}


# --- schema -------------------------------------------------------------------------------

def _schema_hint(error) -> str:
    schema = error.schema if isinstance(error.schema, dict) else {}
    if error.validator == "required":
        missing = re.findall(r"'([^']+)' is a required property", error.message)
        name = missing[0] if missing else "the field"
        return f"add `{name}:` (see data/schema/ for what it takes)"
    if error.validator == "additionalProperties":
        return "remove it or check its spelling; allowed fields are listed in data/schema/"
    if error.validator == "enum":
        return "use one of: " + ", ".join(map(str, error.validator_value))
    if error.validator == "type" and error.validator_value == "string" and isinstance(error.instance, (int, float)):
        return "put the value in quotes, e.g. \"0114\" (YAML reads 0114 as a number)"
    if error.validator == "oneOf" and isinstance(error.instance, dict) and "display" in error.instance:
        return "give either e164 (e.g. +4620505050) or short (for 112, 11414, 116111, 1177), not both"
    return schema.get("description", "see data/schema/ for the allowed form")


def _schema_message(error) -> str:
    if error.validator == "oneOf":
        return "must have exactly one of the alternatives the schema allows"
    if error.validator == "pattern":
        return f"{error.instance!r} does not have the required form"
    return error.message


def _inline_refs(node, defs: dict, seen: tuple = ()):
    """The schema with each {"$ref": "#/$defs/NAME"} (nothing else in it) replaced by what it
    names. Validation and its errors are the same (an error's schema is the named one either
    way), but jsonschema no longer looks the reference up for every value: a fifth of its time
    on thousands of contacts. A $ref beside other keywords, or inside itself, is kept."""
    if isinstance(node, list):
        return [_inline_refs(item, defs, seen) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if len(node) == 1 and isinstance(ref, str) and ref.startswith("#/$defs/"):
        name = ref.removeprefix("#/$defs/")
        if name in defs and "/" not in name and name not in seen:
            return _inline_refs(defs[name], defs, seen + (name,))
    return {key: _inline_refs(value, defs, seen) for key, value in node.items()}


def _validator(schema: dict, ctx: Context) -> Draft202012Validator:
    """Built once per schema and run, not once per file. The schema dicts live in ctx for the
    whole run, so their ids are stable keys."""
    if id(schema) not in ctx.validators:
        defs = schema.get("$defs") if isinstance(schema.get("$defs"), dict) else {}
        ctx.validators[id(schema)] = Draft202012Validator(_inline_refs(schema, defs),
                                                          format_checker=FormatChecker())
    return ctx.validators[id(schema)]


def _schema_problems(f: YamlFile, schema: dict, ctx: Context) -> list[Problem]:
    validator = _validator(schema, ctx)
    problems = []
    for error in validator.iter_errors(f.data):
        path = list(error.absolute_path)
        if error.validator == "additionalProperties" and isinstance(error.instance, dict):
            allowed = set(error.schema.get("properties", {}))
            for key in [k for k in error.instance if k not in allowed]:
                problems.append(_problem(f, path + [key], f"unknown field {key!r} (Additional properties "
                                         "are not allowed)", _schema_hint(error)))
            continue
        problems.append(_problem(f, path, _schema_message(error), _schema_hint(error)))
    return problems


def check_contact_schema(f: YamlFile, ctx: Context):
    """The file has the fields the contact schema asks for, of the right form."""
    yield from _schema_problems(f, ctx.contact_schema, ctx)


def check_geography_schema(f: YamlFile, ctx: Context):
    """The geography file has counties with municipalities, codes in quotes."""
    yield from _schema_problems(f, ctx.geography_schema, ctx)


# --- identity -----------------------------------------------------------------------------

def check_id_is_file_name(f: YamlFile, ctx: Context):
    """id equals the file name without .yaml, so each contact is found by its file."""
    expected = f.path.rsplit("/", 1)[-1].removesuffix(".yaml")
    value = _data(f).get("id")
    if isinstance(value, str) and value != expected:
        yield _problem(f, ["id"], f"is {value!r} but the file is {expected}.yaml",
                       f"set `id: {expected}` or rename the file to {value}.yaml")


def check_unique_ids(data: Dataset, ctx: Context):
    """No two contacts share an id (also not by case)."""
    seen: dict[str, YamlFile] = {}
    for f in data.contacts:
        value = _data(f).get("id")
        if not isinstance(value, str):
            continue
        first = seen.setdefault(value.lower(), f)
        if first is not f:
            yield _problem(f, ["id"], f"{value!r} is already used by {first.path}",
                           "give each contact its own id and file name")


def check_no_duplicate_contact(data: Dataset, ctx: Context):
    """No contact repeats another's name, phone number or e-mail address."""
    owners: dict[tuple, YamlFile] = {}
    for f in data.contacts:
        d = _data(f)
        keys = []
        if isinstance(d.get("name"), str):
            keys.append((("name",), ("name", d["name"].strip().casefold()), d["name"]))
        for i, phone in _dicts(d.get("phones")):
            number = phone.get("e164") or phone.get("short")
            if isinstance(number, str):
                keys.append((("phones", i), ("phone", number), phone.get("display", number)))
        for i, email in _strings(d.get("emails")):
            keys.append((("emails", i), ("email", email.strip().casefold()), email))
        for path, key, shown_value in keys:
            first = owners.setdefault(key, f)
            if first is not f:
                yield _problem(f, list(path), f"{shown_value!r} is already in {first.path}",
                               "if it is the same contact, keep one file; otherwise check the value")


def check_no_repeated_items(f: YamlFile, ctx: Context):
    """A list (coverage, phones, e-mails, audience) names each item once."""
    d = _data(f)
    for name in ("coverage", "emails", "phones", "materials"):
        items = d.get(name)
        if not isinstance(items, list):
            continue
        seen = {}
        for i, item in enumerate(items):
            key = repr(item.get("e164") or item.get("short")) if isinstance(item, dict) else repr(item)
            if key in seen:
                yield _problem(f, [name, i], f"repeats item {seen[key]} ({key})", "remove the repeated line")
            seen.setdefault(key, i)


# --- phone numbers --------------------------------------------------------------------------

@functools.lru_cache(maxsize=1024)  # the rules of one file parse the same texts; results are not changed
def _parse(text: str):
    try:
        return phonenumbers.parse(text, REGION)
    except phonenumbers.NumberParseException:
        return None


def check_phone_is_valid(f: YamlFile, ctx: Context):
    """A full phone number's display text is a valid number in Sweden's plan."""
    for i, phone in _dicts(_data(f).get("phones")):
        display = phone.get("display")
        if "e164" not in phone or not isinstance(display, str):
            continue
        number = _parse(display)
        if number is None or not phonenumbers.is_valid_number(number):
            yield _problem(f, ["phones", i, "display"], f"{display!r} is not a valid phone number",
                           "copy the number again from the source, e.g. 020-50 50 50 or +46 8 405 50 05")


def check_phone_matches_e164(f: YamlFile, ctx: Context):
    """display and e164 are the same number, so a dropped or extra digit in one is caught."""
    for i, phone in _dicts(_data(f).get("phones")):
        display, e164 = phone.get("display"), phone.get("e164")
        if not isinstance(display, str) or not isinstance(e164, str):
            continue
        number = _parse(display)
        if number is None:
            continue
        from_display = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if from_display != e164:
            yield _problem(f, ["phones", i, "e164"],
                           f"{e164!r} is not the same number as display {display!r} ({from_display})",
                           "a digit is missing or extra in one of them: check both against the source "
                           "and write e164 as + , 46 and the number without its first 0")


def check_phone_grouping(f: YamlFile, ctx: Context):
    """Swedish display numbers are grouped in twos and threes after the area code."""
    for i, phone in _dicts(_data(f).get("phones")):
        display = phone.get("display")
        if "e164" not in phone or not isinstance(display, str) or display.startswith("+"):
            continue
        match = re.fullmatch(r"0\d{1,3}-(\d+(?:[ ]\d+)*)", display.strip())
        if not match:
            yield _problem(f, ["phones", i, "display"], f"{display!r} is not written as area code-number",
                           "write it as the source does, e.g. 020-50 50 50 or 0470-430 40")
            continue
        groups = match.group(1).split(" ")
        if any(len(g) not in (2, 3) for g in groups) and not (len(groups) == 1 and len(groups[0]) in (5, 6, 7, 8)):
            yield _problem(f, ["phones", i, "display"],
                           f"{display!r} has a group of {', '.join(str(len(g)) for g in groups)} digits",
                           "groups after the area code have 2 or 3 digits (020-50 50 50); a group of 1 "
                           "or 4 digits usually means a digit is missing or extra")


def check_e164_is_valid(f: YamlFile, ctx: Context):
    """The stored E.164 form is itself a valid number (used in tel: links)."""
    for i, phone in _dicts(_data(f).get("phones")):
        e164 = phone.get("e164")
        if not isinstance(e164, str) or not e164.startswith("+"):
            continue
        number = _parse(e164)
        if number is None or not phonenumbers.is_valid_number(number):
            yield _problem(f, ["phones", i, "e164"], f"{e164!r} is not a valid number",
                           "write + , country code and number without the first 0, e.g. +4620505050")


def check_short_number(f: YamlFile, ctx: Context):
    """A short number (112, 114 14, 116 111, 1177) is one that works in Sweden and matches its display."""
    for i, phone in _dicts(_data(f).get("phones")):
        short, display = phone.get("short"), phone.get("display")
        if not isinstance(short, str):
            continue
        number = _parse(short)
        if number is None or not shortnumberinfo.is_valid_short_number_for_region(number, REGION):
            yield _problem(f, ["phones", i, "short"], f"{short!r} is not a short number in Sweden",
                           "short numbers are e.g. 112, 11414, 116111, 1177; other numbers need e164")
        elif isinstance(display, str) and re.sub(r"\D", "", display) != short:
            yield _problem(f, ["phones", i, "display"], f"{display!r} is not the same number as short {short!r}",
                           "make display and short the same digits, e.g. display \"114 14\", short \"11414\"")


_TYPE = phonenumbers.PhoneNumberType
# Numbers a help line is reached on, accepted as they are. UAN is Sweden's 010 range (NCH's
# support line); VOIP its 075 range.
ORDINARY_TYPES = {_TYPE.FIXED_LINE, _TYPE.MOBILE, _TYPE.FIXED_LINE_OR_MOBILE, _TYPE.TOLL_FREE,
                  _TYPE.UAN, _TYPE.VOIP}
# Accepted only when the entry says so (`number_type`): the caller pays for the call, so a
# reader is never told such a number is free by mistake.
DECLARED_TYPES = {"shared-cost": _TYPE.SHARED_COST}


@functools.lru_cache(maxsize=1024)  # four rules ask it of each number; it walks the whole plan
def _number_type(e164: str):
    return phonenumbers.number_type(_parse(e164))


def _full_numbers(f: YamlFile):
    """(index, entry, parsed number, its type) for each phone with a parseable e164. The type
    is None for a number that is not valid: check_e164_is_valid says so, and the type rules
    stay silent rather than call it an "unknown" number a second time."""
    for i, phone in _dicts(_data(f).get("phones")):
        number = _parse(phone["e164"]) if isinstance(phone.get("e164"), str) else None
        if number is not None:
            valid = phonenumbers.is_valid_number(number)
            yield i, phone, number, _number_type(phone["e164"]) if valid else None


def check_phone_not_premium_rate(f: YamlFile, ctx: Context):
    """No premium-rate number (0900, 0939, 0944...): it charges a person at risk by the minute."""
    for i, phone, _, kind in _full_numbers(f):
        if kind == _TYPE.PREMIUM_RATE:
            yield _problem(f, ["phones", i, "e164"], f"{phone['e164']!r} is a premium-rate number",
                           "the site never lists a number that charges extra: give the centre's ordinary "
                           "number from the source")


def check_phone_type_ordinary(f: YamlFile, ctx: Context):
    """A number is fixed, mobile, free (020), 010 or 075, or of a type the entry declares;
    pager, voicemail, personal and unknown-type numbers are refused."""
    declarable = {*DECLARED_TYPES.values(), _TYPE.PREMIUM_RATE}  # the rules beside this one speak of those
    for i, phone, _, kind in _full_numbers(f):
        if kind is not None and kind not in ORDINARY_TYPES and kind not in declarable:
            name = next((k for k, v in vars(_TYPE).items() if v == kind and k.isupper()), "unknown")
            name = name.lower().replace("_", " ")
            yield _problem(f, ["phones", i, "e164"],
                           f"{phone['e164']!r} is {'an' if name[0] in 'aeiou' else 'a'} {name} number, not one a "
                           "person can call for help", "copy the number again from the source; a help line "
                           "is a fixed, mobile, 020, 010 or 075 number")


def check_phone_number_type_declared(f: YamlFile, ctx: Context):
    """A shared-cost number (0771, 0770...) says `number_type: shared-cost`, and an entry that
    says so is one."""
    for i, phone, _, kind in _full_numbers(f):
        if kind is None:
            continue
        declared = phone.get("number_type") if isinstance(phone.get("number_type"), str) else None
        actual = next((name for name, declarable in DECLARED_TYPES.items() if kind == declarable), None)
        if actual and declared != actual:
            yield _problem(f, ["phones", i, "e164"], f"{phone['e164']!r} is a {actual} number: the caller pays",
                           f"if the source gives this number, add `number_type: {actual}` to it")
        elif declared in DECLARED_TYPES and declared != actual:
            yield _problem(f, ["phones", i, "number_type"], f"says {declared} but {phone['e164']!r} is not one",
                           "remove number_type, or check the number against the source")


def check_free_has_no_paid_number(f: YamlFile, ctx: Context):
    """A contact that says `free: true` lists no number the caller pays for (shared-cost):
    a reader told "free" must not get a bill."""
    if _data(f).get("free") is not True:
        return
    for i, phone, _, kind in _full_numbers(f):
        if kind == _TYPE.SHARED_COST:
            yield _problem(f, ["phones", i, "e164"],
                           f"{phone['e164']!r} costs the caller, but the contact says free: true",
                           "remove free: true, or this number if the source does not give it")


def check_phone_country_declared(f: YamlFile, ctx: Context):
    """A number outside Sweden (country code not +46) says its country (`country: NO`), and an
    entry that names a country has a number of that country."""
    for i, phone, number, _ in _full_numbers(f):
        region = phonenumbers.region_code_for_number(number) or "unknown"
        declared = phone.get("country")
        if number.country_code != 46 and declared != region:
            yield _problem(f, ["phones", i, "e164"],
                           f"{phone['e164']!r} is a number in {region} (+{number.country_code}), not in Sweden",
                           f"a Swedish line has a +46 number; if the source really gives a number abroad, "
                           f"add `country: {region}` to it")
        elif declared is not None and declared != region:
            yield _problem(f, ["phones", i, "country"], f"says {declared!r} but {phone['e164']!r} is in {region}",
                           "remove country for a Swedish number, or check the number against the source")


# --- e-mail and web -----------------------------------------------------------------------

def check_email_syntax(f: YamlFile, ctx: Context):
    """Every e-mail address is well formed (checked offline, no lookup)."""
    for i, email in _strings(_data(f).get("emails")):
        try:
            result = validate_email(email, check_deliverability=False)
        except EmailNotValidError as exc:
            yield _problem(f, ["emails", i], f"{email!r} is not a valid e-mail address: {exc}",
                           "copy the address again from the source, e.g. name@kommun.se")
            continue
        if result.normalized.lower() != email.lower():
            yield _problem(f, ["emails", i], f"{email!r} is written differently from its normal form "
                           f"{result.normalized!r}", f"write it as {result.normalized}")


def _links(f: YamlFile):
    """(field name, url) for the website and the source."""
    d = _data(f)
    for name in ("website", "source"):
        link = d.get(name)
        url = link.get("url") if isinstance(link, dict) else None
        if isinstance(url, str):
            yield name, url


def check_urls_https(f: YamlFile, ctx: Context):
    """Website and source addresses are absolute https:// links (no user name or port)."""
    for name, url in _links(f):
        if not re.fullmatch(r"https://[^\s/?#@:<>\"'\\]+(/[^\s<>\"']*)?", url):
            yield _problem(f, [name, "url"], f"{url!r} is not an absolute https:// address",
                           "write the full address starting with https://, e.g. https://goteborg.se/")


_LDH_LABEL = r"(?!-)[A-Za-z0-9-]{1,63}(?<!-)"
_ASCII_HOST = re.compile(rf"{_LDH_LABEL}(\.{_LDH_LABEL})*\.[A-Za-z]{{2,63}}")


@functools.lru_cache(maxsize=1024)  # contacts share hosts; idna is slow on every character
def _host_fault(host: str) -> str | None:
    """Why a host name cannot be looked up, or None. An ASCII host is checked by its labels
    (not empty, at most 63 characters, no hyphen first or last); any other by idna, as IDNA
    2008 does."""
    if len(host) <= 253 and _ASCII_HOST.fullmatch(host):
        return None
    try:
        ascii_host = idna.encode(host, uts46=True).decode("ascii")
    except UnicodeError as exc:  # idna.IDNAError is one
        return str(exc)
    if "." not in ascii_host.strip("."):
        return "has no domain ending such as .se"
    if len(ascii_host) > 253:
        return "is longer than 253 characters"
    if not re.fullmatch(r"[a-z]{2,63}|xn--[a-z0-9-]+", ascii_host.rsplit(".", 1)[-1]):
        return "does not end in a domain ending such as .se"
    return None


def check_url_host_valid(f: YamlFile, ctx: Context):
    """The host of the website and source is a valid domain name (https://..se/ is not)."""
    for name, url in _links(f):
        if not url.startswith("https://"):
            continue  # check_urls_https speaks of it
        host = urlsplit(url).netloc
        fault = _host_fault(host) if host and not re.search(r"[\s@:]", host) else None
        if fault:
            yield _problem(f, [name, "url"], f"host {host!r} in {url!r} is not a valid domain name: {fault}",
                           "copy the address again from the browser's address bar, e.g. https://goteborg.se/")


# --- text a reader sees -------------------------------------------------------------------
# Contact files hold Swedish names, addresses, numbers and notes: none of them needs an
# invisible character, and such a character can make a name read as another or reverse the
# digits of a number on screen. So every string in a contact file is checked. The
# zero-width non-joiner (U+200C) is right in Persian, Kurdish and Pashto words, which is why
# these rules are for contact files only, not for data/strings/ or the pages.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
ZERO_WIDTH = re.compile("[\u200b-\u200d\ufeff\u2060]")


def _texts(value, path=()):
    """(path, string) for every string in the data, keys and values."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(key, str):
                yield path + (key,), key
            yield from _texts(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, path + (i,))


def _invisible(f: YamlFile, pattern: re.Pattern, what: str):
    if not pattern.search(json.dumps(f.data, ensure_ascii=False, default=str)):
        return  # the usual case, in one search (JSON keeps these characters as they are)
    for path, text in _texts(f.data):
        match = pattern.search(text)
        if match:
            char = match.group()
            yield _problem(f, list(path), f"holds U+{ord(char):04X} ({unicodedata.name(char, what)}), "
                           f"an invisible {what}, at character {match.start() + 1}",
                           "retype the text without copying it (the character cannot be seen)")


def check_text_free_of_bidi_controls(f: YamlFile, ctx: Context):
    """No direction controls (U+202A-202E, U+2066-2069, U+200E/200F, U+061C) in a contact file."""
    yield from _invisible(f, BIDI_CONTROLS, "direction control")


def check_text_free_of_zero_width(f: YamlFile, ctx: Context):
    """No zero-width characters (U+200B-200D, U+FEFF, U+2060) in a contact file."""
    yield from _invisible(f, ZERO_WIDTH, "zero-width character")


# --- places ---------------------------------------------------------------------------------

def check_county_exists(f: YamlFile, ctx: Context):
    """county is an SCB county code that exists."""
    county = _data(f).get("county")
    if isinstance(county, str) and re.fullmatch(r"\d{2}", county) and county not in ctx.county_codes:
        yield _problem(f, ["county"], f"{county!r} is not an SCB county code",
                       "use a code from data/geography/sweden.yaml, e.g. \"14\" for Västra Götaland")


def check_coverage_exists(f: YamlFile, ctx: Context):
    """Every coverage code is an SCB municipality code that exists."""
    for i, code in _strings(_data(f).get("coverage")):
        if re.fullmatch(r"\d{4}", code) and code not in ctx.municipality_codes:
            yield _problem(f, ["coverage", i], f"{code!r} is not an SCB municipality code",
                           "use a code from data/geography/sweden.yaml, e.g. \"1480\" for Göteborg")


def _served_counties(d: dict) -> set:
    """The contact's county and the counties it declares it also serves."""
    return {d.get("county"), *(code for _, code in _strings(d.get("also_serves_counties")))}


def check_coverage_in_county(f: YamlFile, ctx: Context):
    """Every coverage code lies in the contact's county, or in a county it declares in
    also_serves_counties (an SCB municipality code starts with its county's code)."""
    d = _data(f)
    if not isinstance(d.get("county"), str) or d["county"] not in ctx.county_codes:
        return  # no county, or an unknown one: check_county_exists speaks of it
    served = _served_counties(d)
    for i, code in _strings(d.get("coverage")):
        if re.fullmatch(r"\d{4}", code) and code[:2] not in served:
            yield _problem(f, ["coverage", i], f"{code!r} is in county {code[:2]}, not in the contact's "
                           f"county {d['county']}", f"check the code; if the centre does serve it, add "
                           f"`also_serves_counties: [\"{code[:2]}\"]`")


def check_also_serves_counties_used(f: YamlFile, ctx: Context):
    """Each county in also_serves_counties is another county than the contact's own and has a
    municipality in coverage, so the declaration says what the centre does."""
    d = _data(f)
    covered = {code[:2] for _, code in _strings(d.get("coverage"))}
    for i, county in _strings(d.get("also_serves_counties")):
        if county == d.get("county"):
            yield _problem(f, ["also_serves_counties", i], f"{county!r} is the contact's own county",
                           "list only the other counties the centre serves")
        elif county not in covered:
            yield _problem(f, ["also_serves_counties", i], f"no municipality in coverage is in county {county!r}",
                           "remove the county, or add the municipalities the centre serves there")


def check_municipality_in_county(f: YamlFile, ctx: Context):
    """A municipality code starts with its county's code, and no code is listed twice."""
    seen = {}
    for ci, county in _dicts(_data(f).get("counties")):
        for mi, muni in _dicts(county.get("municipalities")):
            code = muni.get("code")
            path = ["counties", ci, "municipalities", mi, "code"]
            if isinstance(code, str) and isinstance(county.get("code"), str) and not code.startswith(county["code"]):
                yield _problem(f, path, f"{code!r} is listed under county {county['code']!r}",
                               "an SCB municipality code starts with its county's two digits")
            if code in seen:
                yield _problem(f, path, f"{code!r} is listed twice", "remove the repeated municipality")
            seen.setdefault(code, path)


# --- dates, hours, ages ---------------------------------------------------------------------

def _date(value):
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def check_last_verified_not_future(f: YamlFile, ctx: Context):
    """last_verified is a real date and not in the future."""
    value = _data(f).get("last_verified")
    if not isinstance(value, str):
        return
    day = _date(value)
    if day is None:
        yield _problem(f, ["last_verified"], f"{value!r} is not a date",
                       "write the day you checked the facts as YYYY-MM-DD, e.g. 2026-11-24")
    elif day > ctx.today:
        yield _problem(f, ["last_verified"], f"{value} is in the future",
                       f"write the day you checked the facts against the source (today is {ctx.today})")


def check_last_verified_after_floor(f: YamlFile, ctx: Context):
    """last_verified is not before 2015: an earlier date is a typo, not a check."""
    day = _date(_data(f).get("last_verified"))
    if day and day < VERIFIED_FLOOR:
        yield _problem(f, ["last_verified"], f"{day} is before {VERIFIED_FLOOR}",
                       "write the day you checked the facts against the source, e.g. 2026-11-24")


def check_last_verified_recent(f: YamlFile, ctx: Context):
    """Warn when a contact was last checked more than 12 months ago (a date before the floor is
    an error of its own)."""
    day = _date(_data(f).get("last_verified"))
    if day and VERIFIED_FLOOR <= day <= ctx.today and (ctx.today - day).days > STALE_AFTER_DAYS:
        yield _problem(f, ["last_verified"], f"last checked {day}, more than 12 months ago",
                       "check the contact against its source and update last_verified", level=WARNING)


def check_hours_order(f: YamlFile, ctx: Context):
    """Each opening period closes after it opens."""
    hours = _data(f).get("hours")
    periods = hours.get("periods") if isinstance(hours, dict) else None
    for i, period in _dicts(periods):
        opens, closes = period.get("opens"), period.get("closes")
        if isinstance(opens, str) and isinstance(closes, str) and closes <= opens:
            yield _problem(f, ["hours", "periods", i, "closes"], f"closes at {closes}, not after it opens ({opens})",
                           "write times as 24-hour HH:MM, e.g. opens: \"08:00\", closes: \"17:00\"")


def check_age_range(f: YamlFile, ctx: Context):
    """An age range has min at most max."""
    age = _data(f).get("age")
    if isinstance(age, dict) and isinstance(age.get("min"), int) and isinstance(age.get("max"), int) \
            and age["min"] > age["max"]:
        yield _problem(f, ["age", "min"], f"min {age['min']} is above max {age['max']}", "swap min and max")


# --- completeness ---------------------------------------------------------------------------

def check_has_channel(f: YamlFile, ctx: Context):
    """A contact can be reached: it has a phone, an e-mail address or a website."""
    d = _data(f)
    if d and not any(d.get(name) for name in ("phones", "emails", "website")):
        yield _problem(f, [], "has no phone, e-mail or website", "add at least one way to reach the contact")


def check_unverified_names_field(f: YamlFile, ctx: Context):
    """An unverified note names a field the contact has, or `existence`."""
    d = _data(f)
    for i, note in _dicts(d.get("unverified")):
        name = note.get("field")
        # `existence` is no field: it says nobody has confirmed the contact itself (it is hidden).
        if isinstance(name, str) and name not in d and name != "existence":
            yield _problem(f, ["unverified", i, "field"], f"names {name!r}, which this contact does not have",
                           "name one of the contact's fields (e.g. hours or coverage), or existence")


def coverage_report(data: Dataset, ctx: Context):
    """Municipalities that no regional centre serves (they get the national lines): information only."""
    if not data.geography or not isinstance(data.geography.data, dict):
        return
    served = set()
    for f in data.contacts:
        served.update(code for _, code in _strings(_data(f).get("coverage")))
    missing = sorted(ctx.municipality_codes - served)
    if missing:
        yield Problem(data.geography.path, 1, "coverage",
                      f"{len(missing)} of {len(ctx.municipality_codes)} municipalities have no regional "
                      "centre and are shown the national lines", level=INFO)


CONTACT_RULES = [
    check_contact_schema, check_id_is_file_name, check_no_repeated_items, check_phone_is_valid,
    check_phone_matches_e164, check_phone_grouping, check_e164_is_valid, check_short_number,
    check_phone_not_premium_rate, check_phone_type_ordinary, check_phone_number_type_declared,
    check_phone_country_declared, check_free_has_no_paid_number, check_email_syntax, check_urls_https,
    check_url_host_valid, check_text_free_of_bidi_controls, check_text_free_of_zero_width, check_county_exists,
    check_coverage_exists, check_coverage_in_county, check_also_serves_counties_used,
    check_last_verified_not_future, check_last_verified_after_floor, check_last_verified_recent,
    check_hours_order, check_age_range, check_has_channel, check_unverified_names_field,
]
GEOGRAPHY_RULES = [check_geography_schema, check_municipality_in_county]
DATASET_RULES = [check_unique_ids, check_no_duplicate_contact, coverage_report]

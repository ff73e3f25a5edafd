"""View models for the contact pages: everything a template shows, computed here in the
reader's language, so templates only place text (and Jinja escapes it).

Weekday, time, date and list wording come from Babel (CLDR), never from hand-written tables;
labels come from data/strings/<locale>.yaml through hedersite.strings.
"""
from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_interval, format_time, get_day_names
from babel.lists import format_list
from babel.numbers import format_decimal

from . import strings
from .dataset import Dataset

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]  # Babel's weekday index order
# Languages without a CLDR locale of their own, and the locale that writes them the same way.
STAND_INS = {"prs": "fa_AF"}
# How many national lines (by `order`, 112 first) the compact emergency box shows: editors
# choose which lines by their `order` in data/contacts/.
KEY_LINES = 5
# Letters that Swedish and Finnish sort after z, in this order (CLDR's sv/fi tailoring).
NORDIC_TAIL = {"å": "{1", "ä": "{2", "æ": "{2", "ö": "{3", "ø": "{3"}


# --- the reader ---------------------------------------------------------------------------

@dataclass(frozen=True)
class Reader:
    """One language's labels and its CLDR locale."""
    code: str
    ui: dict
    locale: Locale

    @property
    def rtl(self) -> bool:
        return self.ui.get("direction") == "rtl"

    def t(self, key: str, **values) -> str:
        # A missing key is caught earlier, at build start (hooks/ui_strings.py), with its name.
        return self.ui[key].format(**values) if values else self.ui[key]


def babel_locale(tag: str) -> Locale:
    """The CLDR locale for a strings file's `babel` key; stand-ins for languages CLDR lacks,
    then the bare language, then English, so a new language never breaks the build."""
    tag = tag.replace("-", "_")
    for candidate in (tag, STAND_INS.get(tag), tag.split("_")[0], "en"):
        if not candidate:
            continue
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    raise AssertionError("Babel has no English locale")  # pragma: no cover


def reader(code: str, folder: Path = strings.STRINGS) -> Reader:
    ui = strings.load(code, folder)
    return Reader(code, ui, babel_locale(ui.get("babel") or code))


# --- small pieces ---------------------------------------------------------------------------

def tel_href(phone: dict) -> str:
    """tel: link target: the short number as dialled, or the E.164 form."""
    return "tel:" + (phone.get("short") or phone["e164"])


def _number(value: int, r: Reader) -> str:
    return format_decimal(value, locale=r.locale)


def audience_text(codes: list[str], r: Reader) -> str:
    return format_list([r.t(f"audience.{code}") for code in codes], locale=r.locale)


# Audiences that include a person who is exposed (a child or young person is one too).
EXPOSED = {"exposed", "children", "everyone"}


def serves_exposed(contact: dict) -> bool:
    """True when the source says an exposed person may turn to this contact itself; false for
    centres that only advise professionals (and civil society) about them."""
    return bool(EXPOSED & set(contact["audience"]))


def only_for_text(contact: dict, r: Reader) -> str:
    """"Bara för yrkesverksamma" for a contact no exposed person can turn to; '' otherwise."""
    return "" if serves_exposed(contact) else r.t("contact.only_for", audience=audience_text(contact["audience"], r))


def contact_age_text(contact: dict, r: Reader) -> str:
    """Ages as the source means them: the reader's own ("För barn och unga: 13–26 år"), or, at a
    centre for professionals, those of the young people the professionals meet."""
    age = age_text(contact.get("age"), r)
    if not age:
        return ""
    key = "age.for_children" if serves_exposed(contact) else "age.professionals_meeting"
    return r.t(key, age=age)


def age_text(age: dict | None, r: Reader) -> str:
    """The ages the source states, e.g. "13–26 år" (the young people's ages)."""
    if not age:
        return ""
    if age.get("until") == "upper-secondary":
        return r.t("age.upper_secondary")
    if "min" in age and "max" in age:
        return r.t("age.range", min=_number(age["min"], r), max=_number(age["max"], r))
    if "max" in age:
        return r.t("age.max", max=_number(age["max"], r))
    if "min" in age:
        return r.t("age.min", min=_number(age["min"], r))
    return ""


def _day_name(day: str, r: Reader) -> str:
    # The "format" names, not "stand-alone": in Babel 2.18, reading Pashto's stand-alone names
    # (an alias in CLDR) overwrites the stand-alone names other locales read afterwards in the
    # same process, so Polish pages built after Pashto showed Pashto weekdays. For weekdays in
    # our languages the two forms are the same. tests/find_support/test_contact_rendering.py.
    return get_day_names("wide", context="format", locale=r.locale)[DAYS.index(day)]


def _interval(first: str, last: str, r: Reader) -> str:
    """CLDR's fallback interval pattern ("{0}–{1}") of the reader's locale."""
    pattern = r.locale.interval_formats.get(None) or "{0}–{1}"
    return pattern.replace("{0}", first).replace("{1}", last)


def day_runs(days: list[str]) -> list[list[str]]:
    """Days in week order, grouped into runs of consecutive days."""
    runs: list[list[str]] = []
    for day in sorted(set(days), key=DAYS.index):
        if runs and DAYS.index(day) == DAYS.index(runs[-1][-1]) + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def days_text(days: list[str], r: Reader) -> str:
    """mon..fri -> "måndag–fredag"; mon, wed, fri -> "måndag, onsdag och fredag"."""
    if set(days) == set(DAYS):
        return r.t("contact.every_day")
    parts = []
    for run in day_runs(days):
        if len(run) >= 3:
            parts.append(_interval(_day_name(run[0], r), _day_name(run[-1], r), r))
        else:
            parts.extend(_day_name(day, r) for day in run)
    return format_list(parts, locale=r.locale)


def _time(text: str) -> dt.time | None:
    hours, minutes = map(int, text.split(":"))
    return None if hours == 24 else dt.time(hours, minutes)


def times_text(opens: str, closes: str, r: Reader) -> str:
    """08:00-17:00 in the reader's own clock (CLDR interval formats, 12 or 24 hours)."""
    skeleton = "hm" if "h" in r.locale.time_formats["short"].pattern else "Hm"
    start, end = _time(opens), _time(closes)
    if start and end:
        return format_interval(start, end, skeleton, locale=r.locale)
    # 24:00 (closing at midnight) has no time value: written as the data writes it.
    return _interval(format_time(start, "short", locale=r.locale) if start else opens,
                     format_time(end, "short", locale=r.locale) if end else closes, r)


def hours_lines(hours: dict | None, r: Reader) -> list[str]:
    if not hours:
        return []
    if hours.get("always"):
        return [r.t("contact.always_open")]
    return [r.t("contact.hours_period", days=days_text(p["days"], r),
                times=times_text(p["opens"], p["closes"], r))
            for p in hours.get("periods", [])]


def date_text(iso: str, r: Reader) -> str:
    return format_date(dt.date.fromisoformat(str(iso)), "long", locale=r.locale)


def sort_key(name: str, r: Reader) -> str:
    """Alphabetical order of the reader's language: Swedish and Finnish put å, ä, ö after z;
    other languages sort them with a, a, o (CLDR root order, approximated without ICU)."""
    text = name.casefold()
    if r.locale.language in ("sv", "fi"):
        text = "".join(NORDIC_TAIL.get(ch, ch) for ch in text)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


# --- contact cards ----------------------------------------------------------------------------

def anchor(contact_id: str) -> str:
    return f"kontakt-{contact_id}"


def phone_view(phone: dict, r: Reader) -> dict:
    return {
        "display": phone["display"],
        "href": tel_href(phone),
        "for": [r.t(f"for.{code}") for code in phone.get("audience", [])],
        "from_abroad": r.t("contact.from_abroad") if phone.get("from_abroad") else "",
    }


def _unconfirmed(contact: dict) -> set[str]:
    return {note["field"] for note in contact.get("unverified", [])}


# Fields a card shows with their own "not confirmed" mark; other unverified fields get one
# general note so a reader is never told less than the data knows.
MARKED_FIELDS = {"audience", "age", "phones", "emails", "contact_form", "website", "hours", "free",
                 "anonymous", "interpreter", "materials", "coverage"}


def _link(link: dict) -> dict:
    return {"url": link["url"], "title": link.get("title") or link["url"]}


def contact_card(contact: dict, r: Reader, exposed_lines: list[dict] = ()) -> dict:
    """One card; `exposed_lines`: the national lines to offer beside a centre no exposed
    person can call (exposed_lines())."""
    unconfirmed = _unconfirmed(contact)
    flags = [r.t(f"contact.{flag}") for flag in ("free", "anonymous", "interpreter") if contact.get(flag)]
    website = contact.get("website")
    return {
        "id": anchor(contact["id"]),
        "name": contact["name"],
        "organisation": contact.get("organisation", ""),
        "emergency": bool(contact.get("emergency")),
        "serves": audience_text(contact["audience"], r),
        "only_for": only_for_text(contact, r),
        "age": contact_age_text(contact, r),
        "serves_unconfirmed": bool(unconfirmed & {"audience", "age"}),
        "coverage_part": r.t("contact.coverage_part") if contact.get("coverage_part") else "",
        "coverage_unconfirmed": r.t("contact.coverage_unconfirmed") if "coverage" in unconfirmed else "",
        "phones": [phone_view(p, r) for p in contact.get("phones", [])],
        "phones_unconfirmed": "phones" in unconfirmed,
        "emails": list(contact.get("emails", [])),
        "emails_unconfirmed": "emails" in unconfirmed,
        "contact_form": r.t("contact.contact_form") if contact.get("contact_form") else "",
        "website": _link(website) if website else None,
        "website_unconfirmed": bool(unconfirmed & {"website", "contact_form"}),
        "hours": hours_lines(contact.get("hours"), r),
        "hours_unconfirmed": "hours" in unconfirmed,
        "flags": flags,
        # Where the promises are written: their own page if the data names one, else the source.
        "flags_source": _link(contact.get("offer_source") or contact["source"]) if flags else None,
        "flags_unconfirmed": bool(unconfirmed & {"free", "anonymous", "interpreter"}),
        "materials": list(contact.get("materials", [])),
        "materials_unconfirmed": "materials" in unconfirmed,
        "has_facts": any(contact.get(f) for f in ("hours", "emails", "website", "contact_form", "materials")),
        "other_unconfirmed": r.t("contact.some_unconfirmed") if unconfirmed - MARKED_FIELDS else "",
        "last_verified": date_text(contact["last_verified"], r),
        "last_verified_iso": str(contact["last_verified"]),
        "source": _link(contact["source"]),
        "exposed_lines": [] if serves_exposed(contact) else list(exposed_lines),
    }


# --- pages --------------------------------------------------------------------------------------

# How many national lines for exposed people (by `order`) a municipality row offers when no
# centre there is for exposed people: enough to choose, few enough for a phone screen.
EXPOSED_LINES = 3


def national_lines(data: Dataset, r: Reader) -> list[dict]:
    """Every national contact in `order`, 112 first."""
    return [contact_card(c, r) for c in data.national()]


def _key_line(contact: dict, r: Reader) -> dict:
    phones = [phone_view(p, r) for p in contact["phones"] if not p.get("from_abroad")]
    return {
        # "112" called "112": the button says it, a name above it would only repeat it.
        "name": "" if any(p["display"] == contact["name"] for p in phones) else contact["name"],
        "emergency": bool(contact.get("emergency")),
        "phones": phones,
    }


def emergency_box(data: Dataset, r: Reader, national_url: str) -> dict:
    """112 and the first national lines by `order`: name and numbers only."""
    lines = [c for c in data.national() if c.get("phones")][:KEY_LINES]
    return {
        "title": r.t("emergency.title"),
        "lines": [_key_line(c, r) for c in lines],
        "all_url": national_url,
    }


def exposed_lines(data: Dataset, r: Reader) -> list[dict]:
    """The first national lines (by `order`) that an exposed person may call from Sweden, not
    112 (every row has it already): what a row without a centre for exposed people offers.
    Only lines whose audience and numbers are confirmed: a row offers nothing it is unsure of."""
    found = [c for c in data.national()
             if "exposed" in c["audience"] or "children" in c["audience"]
             if not c.get("emergency") and any(not p.get("from_abroad") for p in c.get("phones", []))
             if not _unconfirmed(c) & {"audience", "phones"}]
    return [{**_key_line(c, r), "for": r.t("for.children") if "exposed" not in c["audience"] else ""}
            for c in found[:EXPOSED_LINES]]


def _centre_link(contact: dict, r: Reader, card_href) -> dict:
    """A centre as a municipality row names it: its name linked to its card (card_href(contact):
    the card's address from the page being built), what it is for and its numbers to call."""
    unconfirmed = _unconfirmed(contact)
    return {
        "href": card_href(contact),
        "name": contact["name"],
        "only_for": only_for_text(contact, r),
        "part": r.t("contact.coverage_part") if contact.get("coverage_part") else "",
        "unconfirmed": r.t("contact.coverage_unconfirmed") if "coverage" in unconfirmed else "",
        "phones": [phone_view(p, r) for p in contact.get("phones", [])],
        "phones_unconfirmed": "phones" in unconfirmed,
    }


def municipality_answer(centres: list[dict], r: Reader, lines: list[dict], card_href) -> dict:
    """What a row says under the municipality's name: its centres with their numbers, and, when
    none of them is for exposed people, the sentence that says so and the national lines for
    exposed people as numbers to call. The same for every municipality served by the same
    centres: the finder shows one such answer per set (answer_key)."""
    for_exposed = any(serves_exposed(c) for c in centres)
    return {
        # A centre the reader may call first, then those for professionals; each set by name.
        "centres": [_centre_link(c, r, card_href) for c in sorted(
            centres, key=lambda c: (not serves_exposed(c), sort_key(c["name"], r)))],
        "none_for_exposed": "" if for_exposed else r.t("find.no_centre_for_exposed" if centres else "find.no_centre"),
        "exposed_lines": [] if for_exposed else lines,
    }


def answer_key(centres: list[dict]) -> str:
    """The id of the answer a municipality gets: the centres serving it ('none' for no centre)."""
    return "-".join(sorted(c["id"] for c in centres)) or "none"


# The finder page is docs/<lang>/hitta-stod.md; each county's page is under it.
FINDER = "hitta-stod/"


def county_path(county: dict) -> str:
    """Where a county's page is, from the language's folder: hitta-stod/skane-lan/."""
    return f"{FINDER}{county_slug(county['name'])}/"


def county_slug(name: str) -> str:
    """The address of a county's page: "Skåne län" -> "skane-lan", "Västra Götalands län" ->
    "vastra-gotalands-lan" (letters a-z and hyphens; SCB's names are unique)."""
    text = unicodedata.normalize("NFD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return "-".join("".join(ch if "a" <= ch <= "z" or ch.isdigit() else " " for ch in text).split())


@dataclass(frozen=True)
class Place:
    """A county or municipality as a page names it: Swedish (the name on every letter and
    sign), and, for a reader of another script, the name in that script (data/geography/names/)."""
    code: str
    name: str
    local: str = ""
    also: tuple[str, ...] = ()

    @property
    def shown(self) -> str:
        """The name a reader of this language reads first."""
        return self.local or self.name

    @property
    def both(self) -> str:
        """The reader's name and the Swedish one ("مالمو · Malmö"), or the Swedish one alone."""
        return f"{self.local} · {self.name}" if self.local else self.name


def place(item: dict, names: dict[str, tuple[str, ...]]) -> Place:
    local = names.get(item["code"], ())
    return Place(item["code"], item["name"], *(local[:1] or ("",)), tuple(local[1:]))


def _municipality(m: Place, centres: list[dict], r: Reader, lines: list[dict], card_href) -> dict:
    return {"id": f"kommun-{m.code}", "code": m.code, "place": m,
            **municipality_answer(centres, r, lines, card_href)}


def _municipalities(data: Dataset, county: dict, r: Reader) -> list[Place]:
    """A county's municipalities as the reader reads them: alphabetical in the reader's script."""
    names = data.place_names(r.code)
    return sorted((place(m, names) for m in county["municipalities"]), key=lambda m: sort_key(m.shown, r))


def _counties(data: Dataset, r: Reader) -> list[tuple[dict, Place]]:
    names = data.place_names(r.code)
    return [(county, place(county, names)) for county in data.counties()]


def county_page(data: Dataset, code: str, r: Reader, card_href, national_url: str, finder_url: str) -> dict:
    """One county's page: its municipalities (alphabetical in the reader's script), each with
    the centres that serve it and their numbers, then the cards of the centres based here and
    links to those based elsewhere. A centre serving several counties has one card, in its
    own county's page (card_href says where)."""
    places = {c["code"]: (c, p) for c, p in _counties(data, r)}
    county, here = places[code]
    by_municipality = data.centres_by_municipality()
    lines = exposed_lines(data, r)
    own = [c for c in data.regional() if c["county"] == code]
    visiting = {c["id"]: c for m in county["municipalities"] for c in by_municipality.get(m["code"], [])
                if c["county"] != code}
    serving = own + list(visiting.values())
    return {
        "id": f"lan-{code}",
        "place": here,
        "none": not serving,
        # Centres here, none of them for exposed people: said before the list (Kronoberg...).
        "only_professionals": r.t("find.county_professionals_only")
        if serving and not any(serves_exposed(c) for c in serving) else "",
        "municipalities": [_municipality(m, by_municipality.get(m.code, []), r, lines, card_href)
                           for m in _municipalities(data, county, r)],
        "cards": [contact_card(c, r, lines) for c in sorted(own, key=lambda c: sort_key(c["name"], r))],
        "elsewhere": [{**_centre_link(c, r, card_href),
                       "based_in": r.t("contact.based_in", county=places[c["county"]][1].shown)}
                      for c in sorted(visiting.values(), key=lambda c: sort_key(c["name"], r))],
        "national_url": national_url,
        "finder_url": finder_url,
        "emergency": emergency_phone(data, r),
    }


def county_search(data: Dataset, code: str, r: Reader) -> list[dict]:
    """What site search finds on a county's page, instead of its text (21 pages of the same
    labels would push every other page out of a search's results): the county by its names,
    listing its municipalities, and each municipality by its names (all spellings), at its
    row (#kommun-NNNN), so typing a place leads to its numbers in one step."""
    county, here = next((c, p) for c, p in _counties(data, r) if c["code"] == code)
    places = _municipalities(data, county, r)
    return [{"anchor": "", "title": here.both, "text": " · ".join(m.shown for m in places)}] + [
        {"anchor": f"kommun-{m.code}", "title": m.both, "text": " · ".join((*m.also, here.both))}
        for m in places]


def find_support(data: Dataset, r: Reader, national_url: str, script_urls: list[str], county_href, card_href) -> dict:
    """The finder page: every county (SCB order) linked to its page (county_href(code)), and
    for the finder script one choice per municipality (in the reader's script where there is
    one) pointing at one of the answers, each answer rendered once (municipality_answer)."""
    names = data.place_names(r.code)
    by_municipality = data.centres_by_municipality()
    lines = exposed_lines(data, r)
    counties, options, answers = [], [], {}
    for county, here in _counties(data, r):
        counties.append({"place": here, "href": county_href(county["code"])})
        for m in county["municipalities"]:
            centres = by_municipality.get(m["code"], [])
            key = answer_key(centres)
            if key not in answers:
                answers[key] = municipality_answer(centres, r, lines, card_href)
            options.append({"place": place(m, names), "county": here, "answer": key,
                            "county_href": county_href(county["code"])})
    options.sort(key=lambda o: sort_key(o["place"].shown, r))
    return {"counties": counties, "options": options,
            "answers": [{"key": key, **answer} for key, answer in answers.items()],
            "national_url": national_url, "script_urls": list(script_urls),
            "emergency": emergency_phone(data, r)}


def emergency_phone(data: Dataset, r: Reader) -> dict:
    """The number of the national contact marked `emergency: true` (112)."""
    for contact in data.national():
        if contact.get("emergency") and contact.get("phones"):
            return phone_view(contact["phones"][0], r)
    raise ValueError("no national contact has emergency: true with a phone (data/contacts/larmnummer-112.yaml)")


# --- languages ----------------------------------------------------------------------------------

def language_list(languages, site_name: str, href, skip: str | None = None) -> list[dict]:
    """The built languages of mkdocs.yml (static-i18n's language entries), each by its own
    name, with its BCP 47 tag and direction from its strings file and the link href(folder)
    to its start page ('' is the default language's folder); `skip`: the reader's own."""
    found = []
    for lang in languages:
        if not lang.build or lang.locale == skip:
            continue
        ui = strings.load(lang.locale)
        found.append({"tag": ui["language"], "dir": ui["direction"], "name": lang.name,
                      "site_name": lang.site_name or site_name,
                      "href": href("" if lang.default else f"{lang.locale}/")})
    return found

"""`make bench`: how long editors wait and how much readers download. Not a test: it prints
a table of timings (medians of a few runs) and the page weights, and exits 0.

- full build of this site, serial (`mkdocs build --strict`) and in parallel (one process
  per CPU), and the same on a synthetic larger site (16 languages x 50 pages, generated in a
  temporary copy of the project);
- the validator on 5,000 synthetic contacts (variations of a real contact file), and on
  hostile files (alias bomb, deep brackets, 5 MB, the largest file it still reads);
- the first-view weight of the pages of each language (hedersite.weight), against its budget;
- Lighthouse's four scores and CLS for the start and finder pages of sv, ar and ti, on a
  phone, served with gzip (hedersite.lighthouse), if the Makefile could install it.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml
from mkdocs.utils.yaml import yaml_load

from . import lighthouse, validate, weight
from .dataset import ROOT, load_dataset
from .parallel_build import cpu_count

RUNS = 3
LANGUAGES, PAGES = 16, 50
CONTACTS = 5000
BASE_CONTACT = "barnahus-gavleborg.yaml"  # a regional centre with coverage, phones and hours
# Stand-in languages for the synthetic site when fewer are configured: left to right, each
# with a Material language partial. Their labels are the English ones.
FILLER_LOCALES = ["de", "fr", "es", "it", "pl", "fi", "da", "nl", "pt", "ro", "cs", "hu", "tr",
                  "hr", "sk", "sl", "et", "lv", "lt", "bg", "el", "uk", "ru"]
PROJECT_PARTS = ["mkdocs.yml", "overrides", "data", "scripts", "docs"]


# --- timing -----------------------------------------------------------------------------

def _seconds(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def median_seconds(action, runs: int = RUNS) -> float:
    return statistics.median([_seconds(action) for _ in range(runs)])


def build_command(project: Path, site: Path, serial: bool) -> None:
    """Run `python -m hedersite build` for project (its own scripts/ first on the path)."""
    env = {**os.environ, "PYTHONPATH": str(project / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("BUILD_ONLY_LOCALE", None)
    command = [sys.executable, "-m", "hedersite", "build", "--site-dir", str(site)]
    result = subprocess.run(command + (["--serial"] if serial else []), cwd=project, env=env,
                            capture_output=True, text=True)
    if result.returncode:
        raise RuntimeError(f"build of {project} failed:\n{result.stdout}{result.stderr}")


def time_builds(project: Path, work: Path, runs: int) -> tuple[float, float]:
    """Median seconds of the serial and the parallel build, run in turns so that other load
    on the machine weighs on both alike; the parallel site stays in work/site."""
    serial, parallel = [], []
    for _ in range(runs):
        serial.append(_seconds(lambda: build_command(project, work / "serial", serial=True)))
        parallel.append(_seconds(lambda: build_command(project, work / "site", serial=False)))
    return statistics.median(serial), statistics.median(parallel)


def built_languages(project: Path) -> list[str]:
    """The locales a build of project builds, in build order: the default language first."""
    plugin = _i18n(yaml_load((project / "mkdocs.yml").read_text("utf-8")))
    built = [lang for lang in plugin["languages"] if lang.get("build", True)]
    return [lang["locale"] for lang in sorted(built, key=lambda lang: not lang.get("default"))]


# --- synthetic site -----------------------------------------------------------------------

def _i18n(config: dict) -> dict:
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise KeyError("mkdocs.yml has no i18n plugin")


def copy_project(target: Path) -> Path:
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


def synthetic_languages(project: Path, count: int) -> list[dict]:
    """The languages the site builds, then stand-ins up to `count` (languages not built yet
    may still lack labels, which would fail the build)."""
    strings = project / "data" / "strings"
    config = yaml_load((project / "mkdocs.yml").read_text("utf-8"))
    built = [lang for lang in _i18n(config)["languages"] if lang.get("build", True)]
    languages = sorted(built, key=lambda lang: not lang.get("default"))[:count]
    english = yaml.safe_load((strings / "en.yaml").read_text("utf-8"))
    for lang in languages:  # a language not built yet (build: false) may lack labels: English fills them
        path = strings / f"{lang['locale']}.yaml"
        own = yaml.safe_load(path.read_text("utf-8")) or {}
        path.write_text(yaml.safe_dump({**english, **own}, allow_unicode=True, sort_keys=False), "utf-8")
    for locale in [c for c in FILLER_LOCALES if c not in {lang["locale"] for lang in languages}]:
        if len(languages) >= count:
            break
        labels = dict(english, language=locale)
        (strings / f"{locale}.yaml").write_text(yaml.safe_dump(labels, allow_unicode=True, sort_keys=False),
                                                "utf-8")
        languages.append({"locale": locale, "name": f"Language {locale}", "build": True})
    return languages


def _copy_of(markdown: str, title: str) -> str:
    """A page's text under a new title, without its data markers (the contact finder stays
    on one page, as on the real site)."""
    lines = [line for line in markdown.splitlines() if "<!-- data:" not in line]
    if lines and lines[0] == "---" and "---" in lines[1:]:  # front matter: its title is the page's
        end = lines.index("---", 1)
        meta = [line for line in lines[1:end] if not line.startswith("title:")]
        return "\n".join(["---", f"title: {title}", *meta, "---", *lines[end + 1:]]) + "\n"
    return "\n".join([f"# {title}", ""] + [line for line in lines if not line.startswith("# ")]) + "\n"


def synthetic_pages(project: Path, locale: str, default: str, count: int) -> None:
    """docs/<locale>/: the language's own pages (the default language's for a stand-in),
    then copies of them under new titles up to `count` pages."""
    folder = project / "docs" / locale
    if not any(folder.glob("*.md")):
        shutil.copytree(project / "docs" / default, folder, dirs_exist_ok=True)
    originals = sorted(folder.glob("*.md"))
    for number in range(len(originals), count):
        source = originals[number % len(originals)].read_text("utf-8")
        (folder / f"sida-{number:02d}.md").write_text(_copy_of(source, f"Sida {number}"), "utf-8")


def make_synthetic_site(target: Path, languages: int = LANGUAGES, pages: int = PAGES) -> list[str]:
    """A copy of the project with `languages` languages of `pages` pages each, all built."""
    copy_project(target)
    config_file = target / "mkdocs.yml"
    config = yaml_load(config_file.read_text("utf-8"))
    chosen = synthetic_languages(target, languages)
    default = next(lang["locale"] for lang in chosen if lang.get("default"))
    for lang in chosen:
        synthetic_pages(target, lang["locale"], default, pages)
    _i18n(config)["languages"] = chosen
    _i18n(config).pop("build_only_locale", None)
    config_file.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return [lang["locale"] for lang in chosen]


# --- validator ----------------------------------------------------------------------------

def synthetic_contacts(data: Path, count: int = CONTACTS) -> Path:
    """A data folder with the real geography and schemas and `count` valid contacts: copies
    of one real contact with their own id, name and Stockholm number (08-5xx xxx xx)."""
    for part in ("geography", "schema"):
        shutil.copytree(ROOT / "data" / part, data / part)
    (data / "contacts").mkdir(parents=True)
    base = yaml.safe_load((ROOT / "data" / "contacts" / BASE_CONTACT).read_text("utf-8"))
    for i in range(count):
        digits = f"{50000000 + i:08d}"
        contact = dict(base, id=f"bench-{i:05d}", name=f"Bench centre {i:05d}", phones=[
            {"display": f"08-{digits[:3]} {digits[3:6]} {digits[6:]}", "e164": f"+468{digits}"}])
        contact.pop("emails", None)
        text = yaml.safe_dump(contact, allow_unicode=True, sort_keys=False)
        (data / "contacts" / f"bench-{i:05d}.yaml").write_text(text, "utf-8")
    return data


def time_validator(data: Path, runs: int) -> tuple[float, int]:
    """Median seconds of validate.problems on data (loading the files is not timed)."""
    dataset = load_dataset(data)
    today = dt.date.today()
    errors = [p for p in validate.problems(dataset, today) if p.level == "error"]
    if errors:
        raise RuntimeError(f"synthetic contacts are not valid: {errors[0].text()}")
    return median_seconds(lambda: validate.problems(dataset, today), runs), len(dataset.contacts)


BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for n, p in zip("bcdefghi", "abcdefgh"))
HOSTILE = {  # issue 11: each file is refused, or read, in well under a second
    "alias bomb, 9 deep": BOMB,
    "5,000 nested brackets": "materials: " + "[" * 5000 + "]" * 5000 + "\n",
    "5 MB file": "# padding\n" * 500_000,
    "largest read: 5,000 values": "materials:\n" + "  - x\n" * 4990,
    "largest read: 256 KB": "name: \"" + "x" * 260_000 + "\"\n",
}


def time_hostile(data: Path, runs: int) -> tuple[str, float]:
    """The slowest hostile file (name, median seconds of load and check), each alone beside
    the real geography and schemas."""
    slowest = ("", 0.0)
    for number, (name, text) in enumerate(HOSTILE.items()):
        folder = data / f"hostile-{number}"
        for part in ("geography", "schema"):
            shutil.copytree(ROOT / "data" / part, folder / part)
        (folder / "contacts").mkdir()
        (folder / "contacts" / "hostile.yaml").write_text("id: hostile\n" + text, "utf-8")
        seconds = median_seconds(lambda: validate.problems(load_dataset(folder), dt.date.today()), runs)
        slowest = max(slowest, (name, seconds), key=lambda pair: pair[1])
    return slowest


# --- weight ------------------------------------------------------------------------------

def weight_rows(site: Path) -> list[tuple[str, int, weight.FirstView, weight.FirstView]]:
    """Per <html lang>: number of pages, the lightest and the heaviest first view."""
    by_lang: dict[str, list[weight.FirstView]] = {}
    for view in weight.first_views(site):
        by_lang.setdefault(view.lang, []).append(view)
    rows = []
    for lang, views in sorted(by_lang.items()):
        views.sort(key=lambda v: v.total)
        rows.append((lang, len(views), views[0], views[-1]))
    return rows


def language_folders(langs: list[str]) -> dict[str, str]:
    """Each built locale's folder in the site: the default language (first) at the root."""
    return {lang: "" if i == 0 else f"{lang}/" for i, lang in enumerate(langs)}


# --- report ------------------------------------------------------------------------------

def machine() -> str:
    cpu = "unknown CPU"
    for line in Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []:
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    ram = ""
    if Path("/proc/meminfo").exists():
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        ram = f", {kb / 1024 / 1024:.1f} GB RAM"
    return f"{cpu_count()} CPUs usable ({os.cpu_count()} on the machine), {cpu}{ram}"


def _load() -> str:
    return " ".join(f"{x:.1f}" for x in os.getloadavg())


def _build_row(name: str, serial: float, parallel: float) -> str:
    return f"{name:<44} {serial:>7.2f} s {parallel:>9.2f} s {parallel / serial:>7.2f}"


def main(runs: int = RUNS) -> int:
    print(f"Machine: {machine()}; medians of {runs} runs; load average before: {_load()}")
    with tempfile.TemporaryDirectory(prefix="hedersite-bench-") as tmp:
        tmp = Path(tmp)
        langs = built_languages(ROOT)
        real = time_builds(ROOT, tmp / "real", runs)
        synthetic = tmp / "synthetic"
        synthetic_langs = make_synthetic_site(synthetic)
        big = time_builds(synthetic, tmp / "synthetic-out", runs)
        seconds, contacts = time_validator(synthetic_contacts(tmp / "contacts"), runs)
        hostile, hostile_seconds = time_hostile(tmp / "hostile", runs)
        print()
        print(f"{'build (target: parallel <= 0.6 x serial)':<44} {'serial':>9} {'parallel':>11} {'ratio':>7}")
        print(_build_row(f"this site: {len(langs)} languages ({', '.join(langs)})", *real))
        print(_build_row(f"synthetic: {len(synthetic_langs)} languages x {PAGES} pages", *big))
        print()
        print(f"validator, {contacts} contacts (target: <= 2 s): {seconds:.2f} s")
        print(f"validator, slowest of {len(HOSTILE)} hostile files (target: <= 1 s): "
              f"{hostile_seconds:.2f} s ({hostile})")
        print()
        print(f"first view, gzip -9 (budget {weight.BUDGET / 1024:.0f} KB; search indexes load on first search)")
        print(f"{'lang':<6} {'pages':>5}  {'lightest':>9}  {'heaviest':>9}  heaviest page")
        for lang, count, light, heavy in weight_rows(tmp / "real" / "site"):
            print(f"{lang:<6} {count:>5}  {light.total / 1024:>6.1f} KB  {heavy.total / 1024:>6.1f} KB  {heavy.page}")
        print()
        print("\n".join(lighthouse.report(tmp / "real" / "site", language_folders(langs))))
    print(f"\nload average after: {_load()} (other work on the machine slows both builds)")
    return 0

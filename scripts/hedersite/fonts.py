"""Self-hosted fonts for the scripts that phones and computers often lack: Arabic script
(Arabic, Persian, Dari, Sorani, Pashto) and Ethiopic (Tigrinya). Without them a reader sees
boxes; with `theme.font: false` (Google Fonts would be a request to another host) Material
uses system fonts only.

`python -m hedersite fonts` (make fonts) regenerates overrides/components/fonts/: it fetches
the variable Noto Sans Arabic and Noto Sans Ethiopic (SIL Open Font License 1.1) from the npm
registry with `npm pack`, keeps the weights from regular to bold (one file per script serves
both: 3-4 KB less than two static files, which kept a Tigrinya page within its 80 KB) and
only the characters the site uses (the pages, the strings, the
language list and site names in mkdocs.yml, and the weekday, list and number wording Babel
writes for each language), saves them as WOFF2 with their licence, and writes fonts.css.
Run it after adding text in these scripts: tests/languages/test_fonts.py fails when a
character is not covered. It needs npm, the network and requirements-fonts.txt; the site
build needs none of them, it only copies the committed files.

fonts.css declares each font with `unicode-range` (a page downloads a font only if it shows
a character of that script) and `local()` first (an installed Noto font is used without a
download), and puts the families first in Material's `--md-text-font`: text in other
scripts falls through to the system fonts.
"""
from __future__ import annotations

import io
import shutil
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .dataset import DATA, ROOT

FONTS = ROOT / "overrides" / "components" / "fonts"
WEIGHTS = {400: "Regular", 700: "Bold"}  # Material's body text and bold; headings use these too
NAMES = " Names"  # family suffix of the small subsets for language names (see names_characters)


@dataclass(frozen=True)
class Script:
    family: str                         # the CSS family name our stylesheet uses
    package: str                        # npm package (Fontsource variable), exact version
    source: str                         # the variable font (wght axis) in the package
    installed: str                      # the font's own name, for local()
    ranges: tuple[tuple[int, int], ...]  # Unicode blocks of the script: unicode-range
    always: str                         # punctuation and digits kept even if unused today
    features: tuple[str, ...] = ("*",)  # OpenType layout features kept (shaping, marks, kerning)
    display: str = "swap"               # font-display: see DISPLAY_WHY

    @property
    def stem(self) -> str:
        return self.installed.lower().replace(" ", "-")

    @property
    def file(self) -> str:
        """One subset for every weight (its wght axis spans 400-700)."""
        return f"{self.stem}.woff2"

    @property
    def names_family(self) -> str:
        return self.family + NAMES

    @property
    def names_file(self) -> str:
        """The regular weight, only the characters of the language names and site names."""
        return f"{self.stem}-names.woff2"

    def covers(self, char: str) -> bool:
        return any(low <= ord(char) <= high for low, high in self.ranges)


SCRIPTS = (
    Script(
        family="HV Arabic",
        package="@fontsource-variable/noto-sans-arabic@5.3.0",
        source="files/noto-sans-arabic-arabic-wght-normal.woff2",
        installed="Noto Sans Arabic",
        ranges=((0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0x200C, 0x200D),
                (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
        display="optional",
        # Arabic comma, semicolon, question mark, tatweel, percent and separators, Arabic-Indic
        # and Persian digits; ZWNJ/ZWJ (Persian, Sorani and Pashto join with them).
        always="،؛؟ـ٪٫٬" + "".join(map(chr, range(0x0660, 0x066A))) +
               "".join(map(chr, range(0x06F0, 0x06FA))) + "\u200c\u200d",
    ),
    Script(
        family="HV Ethiopic",
        package="@fontsource-variable/noto-sans-ethiopic@5.3.0",
        source="files/noto-sans-ethiopic-ethiopic-wght-normal.woff2",
        installed="Noto Sans Ethiopic",
        ranges=((0x1200, 0x139F), (0x2D80, 0x2DDF), (0xAB00, 0xAB2F)),
        always="".join(map(chr, range(0x1360, 0x1369))),  # ፠ ፡ ። ፣ ፤ ፥ ፦ ፧ ፨
        # Every feature but kerning: Ethiopic syllables need no pair kerning to read well, and
        # its table (with its weight variations) was 12 of the subset's 28 KB, on every
        # Tigrinya page. Arabic keeps all: its letters join and position through them.
        features=("calt", "ccmp", "locl", "mark", "mkmk"),
        display="swap",
    ),
)


# --- which characters the site shows ----------------------------------------------------------

def text_sources(root: Path = ROOT) -> list[Path]:
    """Every file whose text reaches a page: pages, data (UI strings), mkdocs.yml (language
    names and site names)."""
    return sorted([*(root / "docs").rglob("*.md"), *(root / "data").rglob("*.yaml"), root / "mkdocs.yml"])


def babel_text(strings_folder: Path = DATA / "strings") -> str:
    """What Babel writes into pages for each language (present.py): weekday names, list and
    interval patterns, number symbols and digits."""
    from babel.numbers import format_decimal

    from . import strings
    from .present import babel_locale
    parts = []
    for path in sorted(strings_folder.glob("*.yaml")):
        ui = strings.load(path.stem, strings_folder)
        locale = babel_locale(str(ui.get("babel") or path.stem))
        for context in locale.days.values():
            for names in context.values():
                parts.extend(names.values())
        for patterns in locale.list_patterns.values():
            parts.extend(patterns.values())
        parts.append(locale.interval_formats.get(None) or "")
        parts.extend(locale.number_symbols.get(locale.default_numbering_system, {}).values())
        parts.append(format_decimal(1234567890.5, locale=locale))
    return "".join(parts)


def used_characters(root: Path = ROOT) -> set[str]:
    text = "".join(p.read_text("utf-8") for p in text_sources(root))
    return set(text + babel_text(root / "data" / "strings"))


def names_characters(config_file: Path = ROOT / "mkdocs.yml") -> set[str]:
    """What language lists show: each language's own name and the site's name in it
    (mkdocs.yml). Lists of languages (the 404 page, start pages) are drawn with the "Names"
    subsets: a Swedish start page that names العربية and ትግርኛ needs 11 KB of font, not the
    36 KB of the two whole subsets, and still shows the names on a phone without the fonts."""
    from .translations import language_entries
    return set("".join(f"{lang['name']}{lang.get('site_name', '')}" for lang in language_entries(config_file)))


def needed(script: Script, used: set[str]) -> set[int]:
    """Code points the subset of this script keeps."""
    return {ord(c) for c in used | set(script.always) if script.covers(c)}


# --- regenerate -------------------------------------------------------------------------------

def fetch(package: str, work: Path) -> Path:
    """Unpack an npm package (by exact version) into work/; returns its folder."""
    name = subprocess.run(["npm", "pack", "--silent", "--pack-destination", str(work), package],
                          check=True, capture_output=True, text=True).stdout.strip().splitlines()[-1]
    target = work / name.removesuffix(".tgz")
    with tarfile.open(work / name) as archive:
        archive.extractall(target, filter="data")
    return target / "package"


def subset(source: Path, unicodes: set[int], target: Path, features=("*",), weights=None) -> None:
    """Write the characters `unicodes` of the variable font `source` as WOFF2, its wght axis
    cut to `weights` (a (low, high) range, or one weight for a static font)."""
    from fontTools import subset as ft
    from fontTools.ttLib import TTFont
    from fontTools.varLib import instancer
    # The wght axis cut to the weights the site draws (the font goes from 100 to 900).
    weights = weights or (min(WEIGHTS), max(WEIGHTS))
    variable = instancer.instantiateVariableFont(TTFont(str(source), recalcTimestamp=False), {"wght": weights})
    variable.flavor = None
    plain = io.BytesIO()
    variable.save(plain)
    plain.seek(0)
    options = ft.Options()
    options.flavor = "woff2"
    options.layout_features = list(features)
    options.hinting = False          # screens today do not need it; it is a third of the size
    options.recalc_timestamp = False  # the same input gives the same file
    font = ft.load_font(plain, options)
    subsetter = ft.Subsetter(options)
    subsetter.populate(unicodes=sorted(unicodes))
    subsetter.subset(font)
    buffer = io.BytesIO()
    ft.save_font(font, buffer, options)
    target.write_bytes(buffer.getvalue())


def _range(ranges) -> str:
    return ", ".join(f"U+{low:04X}-{high:04X}" for low, high in ranges)


# Why each script's fonts swap in, or not (font-display). A font that arrives after the first
# paint and is swapped in reflows the page: on a long page (the finder) everything under the
# first changed line moves, while a frightened reader reaches for a button (CLS 0.3 measured).
DISPLAY_WHY = {
    # Arabic script: every phone and computer has a system font for Arabic, Persian, Dari,
    # Sorani and Pashto, and it reads as well as ours. `optional`: the page is drawn in the
    # system font unless ours is there within about 100 ms (then ours from the first paint),
    # and never swapped later, so it never moves. The file still arrives and is cached, so the
    # next page shows it.
    "optional": "a system font reads as well: never reflow",
    # Ethiopic: many phones have no Ethiopic font at all. `optional` would leave a Tigrinya
    # reader with boxes for the whole first page, so the font swaps in however late it comes:
    # text over stillness. The reflow stays off the first view where it can: local() takes
    # the platform's own Ethiopic font (Noto on Android, Kefa on Apple systems, Ebrima and
    # Nyala on Windows), which needs no download and no swap, and pages in Ethiopic preload
    # the subset, so it is usually there before the first paint.
    "swap": "without it there is no text: swap in however late",
}
# The platform fonts local() may use for a script instead of the download, after our own
# font's names, per weight (full and PostScript names): same characters, no request, no swap.
SYSTEM_FONTS = {
    "Noto Sans Ethiopic": {
        "Regular": ("Kefa Regular", "Kefa-Regular", "Ebrima", "Nyala", "Nyala-Regular"),
        "Bold": ("Kefa Bold", "Kefa-Bold", "Ebrima Bold", "Ebrima-Bold"),
    },
}


def _system_fonts(script: Script, style: str) -> list[str]:
    names = SYSTEM_FONTS.get(script.installed, {}).get(style, ())
    return [", ".join(f'local("{name}")' for name in names)] if names else []


def _face(family: str, weight: int, script: Script, url: str) -> str:
    style = WEIGHTS[weight]
    postscript = script.installed.replace(" ", "") + f"-{style}"
    return ("@font-face {\n"
            f'  font-family: "{family}";\n'
            "  font-style: normal;\n"
            f"  font-weight: {weight};\n"
            f"  font-display: {script.display};  /* {DISPLAY_WHY[script.display]} (fonts.py) */\n"
            f'  src: local("{script.installed} {style}"), local("{postscript}"),\n'
            + "".join(f'       {system},\n' for system in _system_fonts(script, style)) +
            f'       url("{url}") format("woff2");\n'
            f"  unicode-range: {_range(script.ranges)};\n"
            "}\n")


def stylesheet(scripts=SCRIPTS) -> str:
    faces = [_face(script.family, weight, script, script.file) for script in scripts for weight in WEIGHTS]
    faces += [_face(script.names_family, min(WEIGHTS), script, script.names_file) for script in scripts]
    families = ", ".join(f'"{s.family}"' for s in scripts)
    names = ", ".join(f'"{s.names_family}"' for s in scripts)
    return ("/* Generated by `python -m hedersite fonts` (scripts/hedersite/fonts.py): do not edit.\n"
            "   Noto Sans Arabic and Noto Sans Ethiopic, subset to the characters the site uses,\n"
            "   SIL Open Font License 1.1 (OFL-*.txt beside this file). unicode-range: a page\n"
            "   downloads a font only when it shows that script. Each script is one variable\n"
            "   font (weights 400-700) that both faces name: it is downloaded once. The \"Names\"\n"
            "   families hold only the language names and site names, for lists of languages.\n"
            "   font-display differs by script, so that no font moves a page it can do without\n"
            "   (fonts.py, DISPLAY_WHY). */\n"
            + "\n".join(faces) +
            "\n/* Material's text font (theme.font: false leaves it unset): these first, then its\n"
            "   system fonts for every other script. --hs-names-font: lists of languages. */\n"
            f":root {{\n  --md-text-font: {families};\n  --hs-names-font: {names};\n}}\n")


def generate(target: Path = FONTS, root: Path = ROOT) -> list[tuple[Path, int]]:
    """Write the subsets, their licences and fonts.css into target; returns (file, bytes)."""
    if shutil.which("npm") is None:
        raise RuntimeError("npm is needed to fetch the fonts (apt-get install npm)")
    used = used_characters(root)
    target.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as work:
        for script in SCRIPTS:
            package = fetch(script.package, Path(work))
            out = target / script.file
            subset(package / script.source, needed(script, used), out, script.features)
            written.append((out, out.stat().st_size))
            out = target / script.names_file
            subset(package / script.source, needed(script, names_characters(root / "mkdocs.yml")), out,
                   script.features, weights=min(WEIGHTS))
            written.append((out, out.stat().st_size))
            licence = target / f"OFL-{script.stem}.txt"
            licence.write_text((package / "LICENSE").read_text("utf-8"), "utf-8")
    (target / "fonts.css").write_text(stylesheet(), "utf-8")
    return written


def main() -> int:
    try:
        written = generate()
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"fonts: {exc}", file=sys.stderr)
        return 1
    for path, size in written:
        print(f"{path.relative_to(ROOT)}: {size} bytes")
    return 0

"""Shared pieces of the printed-material tests: which sheets exist, the words of a language's
site name, and reading a QR code back out of the SVG the page holds."""
from __future__ import annotations

import functools
import re
import unicodedata

from browser_support import configured_languages, mkdocs_config
from hedersite import printed
from hedersite.dataset import current_dataset

WORD = re.compile(r"\w+")
# segno's SVG path: an absolute start, then runs of dark modules (h<n>) and relative moves.
PATH_D = re.compile(r'<svg[^>]*class="hs-qr__code"[^>]*>.*?<path[^>]*\sd="([^"]+)"', re.S)
STEP = re.compile(r"([Mmh])\s*(-?[\d.]+)(?:\s+(-?[\d.]+))?")


def sheets() -> list[printed.Sheet]:
    return printed.sheets(current_dataset())


def contacts() -> dict[str, dict]:
    return {c["id"]: c for c in printed.printable(current_dataset())}


@functools.cache
def site_names() -> dict[str, str]:
    """locale -> the site's name in that language (mkdocs.yml)."""
    i18n = next(p["i18n"] for p in mkdocs_config()["plugins"] if isinstance(p, dict) and "i18n" in p)
    default = mkdocs_config()["site_name"]
    return {lang["locale"]: lang.get("site_name") or default for lang in i18n["languages"]}


def words(text: str) -> set[str]:
    """Words as a reader sees them: case and compatibility forms (Arabic presentation forms
    from a PDF) folded."""
    return {w.casefold() for w in WORD.findall(unicodedata.normalize("NFKC", text))}


def name_words_in(text: str, locale: str) -> set[str]:
    return words(site_names()[locale]) & words(text)


def languages() -> list[dict]:
    return configured_languages()


def qr_matrix_from_svg(html: str) -> list[list[bool]]:
    """The dark modules of the page's QR code, read from its path (x, y in modules)."""
    found = PATH_D.search(html)
    assert found, "no QR code (<svg class=hs-qr__code>) in the page"
    size = int(re.search(r'viewBox="0 0 (\d+) \d+"', html[found.start():found.end()]).group(1))
    grid = [[False] * size for _ in range(size)]
    x = y = 0.0
    for op, a, b in STEP.findall(found.group(1)):
        if op == "M":
            x, y = float(a), float(b)
        elif op == "m":
            x, y = x + float(a), y + float(b)
        else:  # h<n>: n dark modules from x on the row whose centre line is y
            for col in range(int(x), int(x + float(a))):
                grid[int(y)][col] = True
            x += float(a)
    return grid


def qr_matrix(url: str, border: int = 4) -> list[list[bool]]:
    """What segno draws for `url`, with the quiet zone, as the page's path reads back."""
    import segno
    code = segno.make(url, error="m", micro=False)
    return [[bool(m) for m in row] for row in code.matrix_iter(scale=1, border=border)]

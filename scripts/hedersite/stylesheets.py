"""The site's own stylesheet: every component's CSS (overrides/components/<name>/*.css, kept
beside its template and script, GOV.UK style) joined into one file, assets/stylesheets/site.css.

One file instead of one per component: a phone on a slow line makes one request that blocks
the first paint, not six. The join is done at build time (scripts/hooks/site_styles.py), so
the sources stay where they are, with their comments; the joined file has none.

Order: the components named in ORDER first, in that order (where a rule must come after
another); every other component after them, by name, so a new folder with a .css file is
part of the site without being listed. Within a component, its files by name. Addresses in
url() are rewritten from the component's folder to the joined file's, so the fonts and
images stay where they are.
"""
from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .dataset import ROOT

COMPONENTS = ROOT / "overrides" / "components"
TARGET = "assets/stylesheets/site.css"  # where the joined file is in the built site
# Components whose rules must come in this order; the ones not named follow, by name.
# fonts last of these: its :root variables (--md-text-font) must outweigh Material's.
ORDER = ("contact-card", "find-support", "search", "language-menu", "quick-exit", "fonts")

# A CSS string, a comment, or a url(); strings are matched so that "/*" in one is no comment.
_TOKEN = re.compile(r"""("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|(/\*.*?\*/)|(url\(\s*)(?:"([^"]*)"|'([^']*)'|([^)\s"']*))(\s*\))""",
                    re.S | re.I)
_IMPORT = re.compile(r"@import\b", re.I)


class StylesheetError(ValueError):
    pass


def sources(components: Path = COMPONENTS) -> list[Path]:
    """Every component stylesheet, in the order of the joined file."""
    folders = sorted(p for p in components.iterdir() if p.is_dir() and any(p.glob("*.css")))
    rank = {name: i for i, name in enumerate(ORDER)}
    folders.sort(key=lambda p: (rank.get(p.name, len(ORDER)), p.name))
    return [css for folder in folders for css in sorted(folder.glob("*.css"))]


def _moved(address: str, source: str, target: str) -> str:
    """An address written in the file `source` (site path), as seen from `target`."""
    if not address or re.match(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", address, re.I):
        return address  # data:, another scheme, from the root, a fragment: the same anywhere
    path = posixpath.normpath(posixpath.join(posixpath.dirname(source), address))
    return posixpath.relpath(path, posixpath.dirname(target))


def rebase(css: str, source: str, target: str = TARGET) -> str:
    """The stylesheet at site path `source` without comments, its url()s relative to `target`."""
    def replace(match: re.Match) -> str:
        string, comment, opening = match.group(1), match.group(2), match.group(3)
        if string is not None:
            return string
        if comment is not None:
            return ""
        address = next(g for g in match.group(4, 5, 6) if g is not None)
        return f'{opening.strip()}"{_moved(address, source, target)}"{match.group(7).strip()}'
    return _TOKEN.sub(replace, css)


def _tidy(css: str) -> str:
    """Lines left empty or blank by removed comments go; indentation stays (it costs little
    after gzip and keeps the file readable in the browser's developer tools)."""
    return "\n".join(line.rstrip() for line in css.splitlines() if line.strip()) + "\n"


def joined(components: Path = COMPONENTS) -> str:
    """The text of site.css."""
    parts = [f"/* {TARGET}: the stylesheets of overrides/components/ joined by scripts/hedersite/stylesheets.py;"
             " read the sources there. */\n"]
    for path in sources(components):
        relative = path.relative_to(components).as_posix()
        css = path.read_text("utf-8")
        if _IMPORT.search(rebase(css, relative)):
            raise StylesheetError(f"{path}: @import: put the rules into the component's own file "
                                  "(the joined site.css must not fetch more stylesheets)")
        parts.append(f"/* {relative} */\n" + _tidy(rebase(css, "components/" + relative)))
    return "".join(parts)

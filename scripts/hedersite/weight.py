"""What a reader downloads on the first view of a page (empty cache), in gzip -9 bytes.

Many readers are on a cheap phone with a prepaid data plan, so every page has a budget. A
first view is the page's HTML and every file it makes the browser fetch before anyone
touches it: stylesheets, scripts, icons, images and preloads it links; stylesheets those
import and images they use; and, of the fonts their @font-face rules declare, only those
whose unicode-range covers a character of the page's text (which is what a browser
downloads: an Arabic font on an Arabic page, not on a Swedish one), every weight of them.
Language names are counted as the browser draws them (overrides/components/language-menu/):
those of Material's language list (a.md-select__link) not at all, as the list is not drawn
until it is opened; those of the lists in pages (other <a hreflang>: start pages, the 404
page) only against the small "Names" fonts (hedersite.fonts), which is what they use.
Each file counts as gzip -9 of its bytes, so the figures are the same on every machine.
tests/site_build/test_weight_browser.py checks in Chromium that nothing fetched is left out.

Search indexes (search/<locale>.json) are not part of a first view: search.js fetches the
reader's one when they first search. Used by tests/site_build/test_weight.py and `make bench`.
"""
from __future__ import annotations

import gzip
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

from .fonts import NAMES

BUDGET = 80 * 1024  # bytes, gzip -9, per first view

# <link rel=...> values that make the browser fetch the linked file on page load.
FETCHED_RELS = {"stylesheet": "css", "icon": "icon", "apple-touch-icon": "icon", "preload": None,
                "modulepreload": "js", "prefetch": None, "manifest": "other"}
KIND_BY_SUFFIX = {".css": "css", ".js": "js", ".mjs": "js", ".woff2": "font", ".woff": "font",
                  ".ttf": "font", ".otf": "font", ".json": "data", ".html": "html"}
SKIPPED_TEXT = {"script", "style", "template"}  # not rendered as text
TEXT_ATTRIBUTES = {"alt", "placeholder", "value"}  # attribute text a browser draws (value: of inputs)

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)""", re.I)
_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?([^"')\s;]+)""", re.I)
_FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}", re.I)
_UNICODE_RANGE = re.compile(r"unicode-range\s*:\s*([^;}]*)", re.I)
_SRC = re.compile(r"(?<![-\w])src\s*:\s*([^;}]*)", re.I)
_FONT_FAMILY = re.compile(r"font-family\s*:\s*([^;}]*)", re.I)
_FONT_DISPLAY = re.compile(r"font-display\s*:\s*([\w-]+)", re.I)


@dataclass(frozen=True)
class Part:
    path: str  # relative to the site root
    kind: str  # html, css, js, font, icon, image, other
    size: int  # gzip -9 bytes


@dataclass
class FirstView:
    page: str  # relative to the site root, e.g. en/hitta-stod/index.html
    lang: str  # <html lang>
    parts: list[Part] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)   # local files referenced but not in the site
    external: list[str] = field(default_factory=list)  # addresses on other hosts (never fetched here)

    @property
    def total(self) -> int:
        return sum(part.size for part in self.parts)

    def heaviest(self, count: int = 5) -> list[Part]:
        return sorted(self.parts, key=lambda part: (-part.size, part.path))[:count]

    def describe(self, count: int = 5) -> str:
        """One line for a report: the page, its total and its heaviest parts."""
        parts = ", ".join(f"{p.path} {p.size / 1024:.1f}" for p in self.heaviest(count))
        return f"{self.page}: {self.total / 1024:.1f} KB gzip ({len(self.parts)} files; heaviest KB: {parts})"


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def unicode_ranges(text: str) -> list[tuple[int, int]]:
    """'U+0600-06FF, U+200C, U+4??' -> [(0x600, 0x6FF), (0x200C, 0x200C), (0x400, 0x4FF)]"""
    ranges = []
    for token in (t.strip().upper().removeprefix("U+") for t in text.split(",")):
        if not token:
            continue
        low, _, high = token.partition("-")
        if "?" in low:  # wildcard: U+4?? is 400-4FF
            low, high = low.replace("?", "0"), low.replace("?", "F")
        ranges.append((int(low, 16), int(high or low, 16)))
    return ranges


def covers(ranges: list[tuple[int, int]] | None, characters: set[int]) -> bool:
    """A font with these ranges (None: no unicode-range, so every character) is used by text
    with these characters."""
    if ranges is None:
        return bool(characters)
    return any(low <= c <= high for c in characters for low, high in ranges)


@dataclass
class _Font:
    address: str
    ranges: list[tuple[int, int]] | None  # None: no unicode-range, every character
    names: bool = False  # a family for language names only (its name ends in fonts.NAMES)
    display: str = "auto"  # font-display


@dataclass
class _Stylesheet:
    imports: list[str] = field(default_factory=list)  # addresses as written
    fonts: list[_Font] = field(default_factory=list)
    images: list[str] = field(default_factory=list)   # other url()s


def _url_value(match) -> str:
    return next(group for group in match.groups() if group is not None)


def parse_css(text: str) -> _Stylesheet:
    text = _COMMENT.sub("", text)
    sheet = _Stylesheet(imports=_IMPORT.findall(text))
    for face in _FONT_FACE.finditer(text):
        body = face.group(1)
        ranges, src, family = _UNICODE_RANGE.search(body), _SRC.search(body), _FONT_FAMILY.search(body)
        display = _FONT_DISPLAY.search(body)
        names = bool(family) and family.group(1).strip().strip("\"'").endswith(NAMES)
        # The browser downloads the first source it supports: count the first url(), which
        # is woff2 when the rule lists it first as usual (local() fonts are on the phone).
        urls = [_url_value(m) for m in _URL.finditer(src.group(1))] if src else []
        if urls:
            sheet.fonts.append(_Font(urls[0], unicode_ranges(ranges.group(1)) if ranges else None, names,
                                     display.group(1).lower() if display else "auto"))
    rest = _FONT_FACE.sub("", _IMPORT.sub("", text))
    sheet.images = [u for u in (_url_value(m) for m in _URL.finditer(rest)) if u]
    return sheet


def _draws(font: _Font, page: "_PageParser") -> bool:
    """Does the page's text make the browser download this font?"""
    return covers(font.ranges, page.name_characters if font.names else page.characters)


class _PageParser(HTMLParser):
    """The files a page links to (kind, address) and the characters of its text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.styles: list[str] = []  # <style> blocks and style="" attributes
        self.characters: set[int] = set()
        self.name_characters: set[int] = set()  # language names in lists in the page
        self.lang = ""
        self._skip = 0
        self._style = False
        self._closed = 0  # depth inside Material's language list links (not drawn on load)
        self._names = 0   # depth inside other <a hreflang>

    def handle_starttag(self, tag, attrs):
        a = {name: value or "" for name, value in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag in SKIPPED_TEXT:
            self._skip += 1
            self._style = tag == "style"
        if tag == "a" and "hreflang" in a:
            if "md-select__link" in a.get("class", "").split():
                self._closed += 1
            else:
                self._names += 1
        self._links(tag, a)
        if "style" in a:
            self.styles.append(a["style"])
        for name in TEXT_ATTRIBUTES & a.keys():
            if name != "value" or (tag == "input" and a.get("type") != "hidden") or tag == "button":
                self.characters.update(map(ord, a[name]))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in SKIPPED_TEXT:
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag in SKIPPED_TEXT and self._skip:
            self._skip -= 1
            self._style = False
        if tag == "a" and self._closed:
            self._closed -= 1
        elif tag == "a" and self._names:
            self._names -= 1

    def handle_data(self, data):
        if self._style:
            self.styles.append(data)
        elif not self._skip:
            if self._names:
                self.name_characters.update(map(ord, data))
            elif not self._closed:
                self.characters.update(map(ord, data))

    def _links(self, tag, a):
        if tag == "link" and a.get("href"):
            rels = a.get("rel", "").lower().split()
            for rel in rels:
                if rel in FETCHED_RELS:
                    kind = FETCHED_RELS[rel] or _kind(a["href"], a.get("as", ""))
                    self.links.append((kind, a["href"]))
                    break
        elif tag == "script" and a.get("src"):
            self.links.append(("js", a["src"]))
        elif tag == "img" and a.get("src"):
            self.links.append(("image", a["src"]))
        elif tag == "input" and a.get("type") == "image" and a.get("src"):
            self.links.append(("image", a["src"]))


def _kind(address: str, as_value: str = "") -> str:
    if as_value in {"style", "script", "font", "image"}:
        return {"style": "css", "script": "js"}.get(as_value, as_value)
    return KIND_BY_SUFFIX.get(PurePosixPath(urlsplit(address).path).suffix.lower(), "other")


class Site:
    """A built site folder; sizes and stylesheets are read once and shared by all pages."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self._sizes: dict[str, int] = {}
        self._sheets: dict[str, _Stylesheet] = {}

    def pages(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*.html"))

    def size(self, path: str) -> int:
        if path not in self._sizes:
            self._sizes[path] = gzip_size((self.root / path).read_bytes())
        return self._sizes[path]

    def _sheet(self, path: str) -> _Stylesheet:
        if path not in self._sheets:
            self._sheets[path] = parse_css((self.root / path).read_text("utf-8", errors="replace"))
        return self._sheets[path]

    def resolve(self, address: str, base: str) -> tuple[str | None, str | None]:
        """(site path, None) for a file of this site, (None, address) for another host, (None,
        None) for an inline data: address."""
        address = address.strip()
        if address.startswith("data:"):
            return None, None
        absolute = urljoin("https://site.invalid/" + base, address)
        parts = urlsplit(absolute)
        if parts.netloc != "site.invalid" or parts.scheme != "https":
            return None, address
        path = unquote(parts.path).lstrip("/")
        if not path or path.endswith("/"):
            path += "index.html"
        return path, None

    def first_view(self, page: str) -> FirstView:
        parser = _PageParser()
        parser.feed((self.root / page).read_text("utf-8", errors="replace"))
        parser.close()
        view = FirstView(page, parser.lang)
        seen: set[str] = set()

        def add(kind: str, address: str, base: str) -> str | None:
            path, external = self.resolve(address, base)
            if external:
                view.external.append(external)
            if path is None or path in seen:
                return None
            seen.add(path)
            if not (self.root / path).is_file():
                view.missing.append(path)
                return None
            view.parts.append(Part(path, kind, self.size(path)))
            return path

        def use(sheet: _Stylesheet, base: str) -> None:
            for address in sheet.imports:
                path = add("css", address, base)
                if path:
                    use(self._sheet(path), path)
            for address in sheet.images:
                add("image", address, base)
            for font in sheet.fonts:
                if _draws(font, parser):
                    add("font", font.address, base)

        seen.add(page)
        view.parts.append(Part(page, "html", self.size(page)))
        for kind, address in parser.links:
            path = add(kind, address, page)
            if kind == "css" and path:
                use(self._sheet(path), path)
        use(parse_css("\n".join(parser.styles)), page)  # <style> blocks and style="" attributes
        return view

    def first_views(self) -> list[FirstView]:
        return [self.first_view(page) for page in self.pages()]


def drawn_fonts(html: str, css: str) -> list[tuple[str, str]]:
    """(address as written in css, font-display) of each font of the stylesheet `css` that
    the page `html` draws text with, by the same rules as its first view."""
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    found = {}
    for font in parse_css(css).fonts:
        if _draws(font, parser):
            found.setdefault(font.address, font.display)
    return list(found.items())


def first_views(site: Path) -> list[FirstView]:
    """The first view of every HTML page of a built site."""
    return Site(site).first_views()

"""What goes into a language's search index: per page its title, address, plain text (no
markup, no navigation, nothing hidden) and its words, normalized once by search_text (each
word under all its `forms`: pieces joined by a ZWNJ, without an Arabic article prefix...).

One JSON file per language. Its header carries the normalizer's rules, so the browser reads
the query the same way the index was written. Word lists are unique words per field (title,
headings, the rest): no positions, no counts. The text is kept as written for the snippet.
"""
from __future__ import annotations

import json
from html import escape
from html.parser import HTMLParser

from . import search_text

FORMAT = 1
# Subtrees that are not reading text: scripts, controls, the in-page county menu, SVG icons.
SKIP = {"script", "style", "template", "noscript", "nav", "form", "button", "select",
        "textarea", "svg", "math", "iframe", "object"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}
# Elements inside a line of text: no word break at their edges ("<b>fa</b>ra" is one word).
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd",
          "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
          "wbr", "del", "ins"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class _PageText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.headings: list[str] = []
        self._skip = 0          # depth inside a skipped subtree
        self._heading: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        if self._skip:
            self._skip += tag not in VOID
            return
        if tag in SKIP or any(name == "hidden" or (name == "aria-hidden" and value == "true")
                              for name, value in attrs):
            self._skip = int(tag not in VOID)
            return
        if tag not in INLINE:
            self._add(" ")
        if tag in HEADINGS:
            self._heading = []

    def handle_startendtag(self, tag, attrs):
        if not self._skip and tag not in INLINE:
            self._add(" ")

    def handle_endtag(self, tag):
        if self._skip:
            self._skip -= tag not in VOID
            return
        if tag in HEADINGS and self._heading is not None:
            self.headings.append(" ".join("".join(self._heading).split()))
            self._heading = None
        if tag not in INLINE:
            self._add(" ")

    def handle_data(self, data):
        if not self._skip:
            self._add(data)

    def _add(self, text):
        self.parts.append(text)
        if self._heading is not None:
            self._heading.append(text)


def page_text(html: str) -> tuple[str, list[str]]:
    """Plain text of a page's content (whitespace collapsed) and its headings' text."""
    parser = _PageText()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split()), [h for h in parser.headings if h]


def _unique(words, seen: set[str]) -> str:
    out = []
    for word in words:
        if word not in seen:
            seen.add(word)
            out.append(word)
    return " ".join(out)


def entry(url: str, title: str, html: str, lang: str) -> dict:
    """One page: u address (from the site root), t title, x text, w words of the title, of
    the headings, and of the rest of the text (each word in the first of these it occurs in)."""
    text, headings = page_text(html)
    seen: set[str] = set()
    fields = [search_text.index_words(title, lang),
              [w for h in headings for w in search_text.index_words(h, lang)],
              search_text.index_words(text, lang)]
    return {"u": url, "t": title, "x": text, "w": [_unique(f, seen) for f in fields]}


def text_entry(url: str, item: dict, lang: str) -> dict:
    """An entry from plain text that a hook wrote for a page (`anchor`, `title`, `text`),
    pointing at url#anchor; the text is escaped, as it is read as HTML."""
    target = f"{url}#{item['anchor']}" if item.get("anchor") else url
    return entry(target, item["title"], escape(item["text"]), lang)


def index(lang: str, entries: list[dict]) -> dict:
    """The index of one language: format, language tag for lowercasing, rules (with that
    language's affixes), pages."""
    return {"format": FORMAT, "lang": lang, **search_text.rules(lang), "pages": entries}


def dumps(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

"""What HTML may do on this site, checked tag by tag: no code but our own scripts, no styles
written into the page, nothing loaded from another host.

One parser, two users, so the rules are written once:
- hedersite.docs_gate runs it on the Markdown of docs/ (raw HTML in a page is passed to the
  browser as it is), with the lines of the Markdown file, so an editor is told where;
- scripts/hooks/privacy.py runs it on every finished page (templates included) as the last
  guard: whatever way a construct got past the Markdown check, the build stops.
The rules are fixed here, never taken from what a page holds (a guard computed from the
output allows whatever the output contains).
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Elements that run code, embed another document, or send what a reader types somewhere.
# In a finished page our templates write <script src> (their own files) and <form> (search,
# finder: both cancelled by script, form-action 'none'); page text writes neither.
EMBEDDING = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "portal",
                       "base"})
PAGE_TEXT_FORBIDDEN = EMBEDDING | frozenset({
    "script", "noscript", "form", "input", "button", "select", "textarea", "style", "link",
    "meta", "template", "svg", "math", "video", "audio", "source", "track", "picture",
})
# Attributes that make the browser fetch something (resources, not links a reader follows).
RESOURCE_ATTRIBUTES = frozenset({"src", "srcset", "poster", "data", "background", "imagesrcset",
                                 "lowsrc", "dynsrc", "longdesc", "manifest", "archive", "codebase"})
URL_ATTRIBUTES = RESOURCE_ATTRIBUTES | frozenset({"href", "action", "formaction", "xlink:href",
                                                  "cite", "ping"})
# Schemes that run code or smuggle a document: browsers ignore whitespace and control
# characters inside the scheme, and entities are decoded before, so both are removed first.
CODE_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "livescript:")
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Finding:
    line: int
    what: str
    hint: str


def code_url(value: str) -> bool:
    """True for a javascript:/vbscript:/data:text/html URL, however it is spelled."""
    plain = _IGNORED_IN_SCHEME.sub("", html.unescape(value)).lower()
    return plain.startswith(CODE_SCHEMES)


def other_host(value: str) -> bool:
    """True for an address on another host (http(s)://host or //host)."""
    plain = _IGNORED_IN_SCHEME.sub("", html.unescape(value))
    return plain.startswith("//") or urlsplit(plain).scheme.lower() in ("http", "https", "ftp")


def _srcset_urls(value: str) -> list[str]:
    return [part.split()[0] for part in value.split(",") if part.split()]


class _Checker(HTMLParser):
    def __init__(self, forbidden: frozenset[str]):
        super().__init__(convert_charrefs=True)
        self.forbidden = forbidden
        self.findings: list[Finding] = []

    def _add(self, what: str, hint: str):
        self.findings.append(Finding(self.getpos()[0], what, hint))

    def handle_starttag(self, tag, attrs):
        if tag in self.forbidden:
            self._add(f"<{tag}> is not allowed",
                      "pages hold text, links and images only; scripts, frames, forms and styles "
                      "belong in overrides/ (templates), where they are reviewed as code")
        for name, value in attrs:
            self._attribute(tag, name, value or "")

    handle_startendtag = handle_starttag

    def _attribute(self, tag: str, name: str, value: str):
        if name.startswith("on"):
            self._add(f"<{tag} {name}=...>: event attributes run code",
                      "remove the attribute; behaviour belongs in a component script")
        elif name == "style":
            self._add(f"<{tag} style=...>: inline styles are not allowed (the CSP has no "
                      "'unsafe-inline')", "use a class from a component stylesheet")
        elif name in URL_ATTRIBUTES and code_url(value):
            self._add(f"<{tag} {name}=...> holds a javascript: or similar address",
                      "link to a page (https:// or a page of this site)")
        elif name in RESOURCE_ATTRIBUTES:
            urls = _srcset_urls(value) if name.endswith("srcset") else [value]
            if any(other_host(url) for url in urls):
                self._add(f"<{tag} {name}=...> loads from another host",
                          "copy the file into docs/assets/ and link it from there: the site "
                          "fetches nothing from elsewhere")


def check_html(text: str, forbidden: frozenset[str] = PAGE_TEXT_FORBIDDEN) -> list[Finding]:
    """Every tag and attribute in text that breaks the rules, with its line in text."""
    checker = _Checker(forbidden)
    checker.feed(text)
    checker.close()
    return checker.findings

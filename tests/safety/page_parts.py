"""What the safety checks need from a built page, read with the standard library's parser:
every element in document order (tag, attributes, in <head> or not, first child of <body>),
and the text of each inline script exactly as written."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

FOCUSABLE_TAGS = {"button", "select", "textarea", "iframe", "summary"}


@dataclass
class Element:
    tag: str
    attrs: dict
    in_head: bool
    first_in_body: bool = False

    def has(self, name: str) -> bool:
        return name in self.attrs

    def get(self, name: str) -> str:
        return self.attrs.get(name) or ""

    def rel(self) -> set[str]:
        return set(self.get("rel").lower().split())

    def focusable(self) -> bool:
        if self.has("disabled") or self.get("tabindex").startswith("-"):
            return False
        if self.has("tabindex") or self.has("contenteditable"):
            return True
        if self.tag == "a":
            return self.has("href")
        if self.tag == "input":
            return self.get("type").lower() != "hidden"
        return self.tag in FOCUSABLE_TAGS


@dataclass
class Page:
    elements: list[Element] = field(default_factory=list)
    inline_scripts: list[str] = field(default_factory=list)

    def all(self, tag: str, **attrs) -> list[Element]:
        return [e for e in self.elements if e.tag == tag
                and all(e.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())]

    def with_attr(self, name: str) -> list[Element]:
        return [e for e in self.elements if e.has(name)]


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self.in_head = False
        self.after_body = False
        self.script: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {k: (v if v is not None else "") for k, v in attrs}, self.in_head)
        element.first_in_body, self.after_body = self.after_body, tag == "body"
        self.page.elements.append(element)
        if tag == "head":
            self.in_head = True
        if tag == "body":
            self.in_head = False
        if tag == "script" and not element.has("src"):
            self.script = []

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag == "script" and self.script is not None:
            self.page.inline_scripts.append("".join(self.script))
            self.script = None

    def handle_data(self, data):
        if self.script is not None:
            self.script.append(data)  # script text is not decoded (CDATA content)


def read(html: str) -> Page:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.page


def other_host(url: str) -> bool:
    """True for an address on another host: http(s)://... or //host/..."""
    url = url.strip()
    return url.startswith("//") or urlsplit(url).scheme in ("http", "https")


def resources(page: Page) -> list[tuple[str, str]]:
    """(tag, address) of everything a page loads or sends to: scripts, stylesheets and other
    <link>s that fetch, images, frames, media, objects and form targets."""
    found = []
    for e in page.elements:
        if e.tag == "link" and "canonical" not in e.rel():
            found.append((e.tag, e.get("href")))
        for name in ("src", "data", "poster", "action", "formaction"):
            if e.has(name) and e.tag in {"script", "img", "iframe", "source", "video", "audio",
                                         "track", "embed", "object", "input", "form", "button"}:
                found.append((e.tag, e.get(name)))
        if e.has("srcset"):
            found += [(e.tag, part.split()[0]) for part in e.get("srcset").split(",") if part.strip()]
    return found

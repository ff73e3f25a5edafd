"""The site's Content-Security-Policy: only its own origin, and inline scripts only by hash.

The hashes come from the templates (template_hashes), never from the pages: a policy that
allowed whatever scripts a page holds would allow an injected one too. scripts/hooks/privacy.py
refuses to build a page with an inline script that no template writes.

scripts/hooks/privacy.py puts `policy(...)` into every page as a <meta> and writes the policy
of the whole site to csp.txt; hedersite.headers turns that file into HTTP headers, so the
<meta> and the header come from the same function and cannot drift apart.
"""
from __future__ import annotations

import base64
import hashlib
import re
from typing import Iterable

from jinja2 import meta

# Script types a browser runs; any other type (application/json, ...) is a data block.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"""\ssrc\s*=""", re.IGNORECASE)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]*)""", re.IGNORECASE)

# Everything from the site's own origin, nothing from elsewhere. Styles: our templates and
# Material's (without its JavaScript) write no style attribute and no <style> element, so
# style-src needs no 'unsafe-inline' (tests/safety/test_built_pages.py keeps it that way).
# img-src data: is for the icons Material's CSS embeds as data: URLs. worker-src 'none':
# the site has no worker, so a service worker can never be registered.
_DEFAULT = ("default-src", ("'self'",))
_FIXED = (
    ("style-src", ("'self'",)),
    ("img-src", ("'self'", "data:")),
    ("font-src", ("'self'",)),
    ("connect-src", ("'self'",)),
    ("worker-src", ("'none'",)),
    ("object-src", ("'none'",)),
    ("base-uri", ("'self'",)),
    ("form-action", ("'none'",)),  # search and finder forms are handled by script, never sent
)


def script_hash(source: str) -> str:
    """The CSP source expression that allows one inline script with exactly this text."""
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The text of every inline <script> the browser would run (no src, a JavaScript type)."""
    found = []
    for attrs, body in _SCRIPT.findall(html):
        kind = _TYPE.search(attrs)
        if not _SRC.search(attrs) and (kind.group(1).lower() if kind else "") in _SCRIPT_TYPES:
            found.append(body)
    return found


def hashes(html: str) -> set[str]:
    return {script_hash(body) for body in inline_scripts(html)}


_JINJA = re.compile(r"\{[{%#]")


def template_hashes(env, roots: Iterable[str]) -> set[str]:
    """The hashes of the inline scripts the templates write: every template reachable from
    roots (extends, include, import), in the order the theme's loader finds them (our
    overrides before Material's). A script whose text Jinja fills in is left out: its text is
    only known after rendering, so a page holding it is refused (say so by hashing it here
    once its text is fixed)."""
    found, seen, todo = set(), set(), list(roots)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        source = env.loader.get_source(env, name)[0]
        found |= {script_hash(body) for body in inline_scripts(source) if not _JINJA.search(body)}
        todo += [child for child in meta.find_referenced_templates(env.parse(source)) if child]
    return found


def policy(script_hashes: Iterable[str] = ()) -> str:
    """The policy for pages whose inline scripts have these hashes (sorted: stable output)."""
    script = ("script-src", ("'self'", *sorted(set(script_hashes))))
    return "; ".join(f"{name} {' '.join(values)}" for name, values in (_DEFAULT, script, *_FIXED))


def directives(text: str) -> dict[str, list[str]]:
    """A policy as {directive: [sources]} (for checks: tests, headers)."""
    parts = (d.split() for d in text.split(";") if d.strip())
    return {p[0].lower(): p[1:] for p in parts}

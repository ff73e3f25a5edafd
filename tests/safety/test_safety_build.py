"""Every HTML page of the built site keeps the safety and privacy promises (no browser):
one quick exit, an exit skip link as the first thing Tab reaches, no referrer, a
Content-Security-Policy that allows only the site's own origin and exactly its inline
scripts, nothing that tells versions or makes Material fetch sitemaps, nothing loaded from
another host, and no link to another site that could pass on where the reader came from."""
from __future__ import annotations

from pathlib import Path

import pytest

from browser_support import configured_languages, mkdocs_config
from hedersite import csp, headers, strings
from page_parts import other_host, read, resources

EXIT_URL = mkdocs_config()["extra"]["quick_exit_url"]


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def _ui(page) -> dict:
    """The UI strings of the page's language, found by its <html lang> (404.html at the root
    comes from the last language built)."""
    lang = page.all("html")[0].get("lang")
    for language in configured_languages():
        ui = strings.load(language["locale"])
        if ui["language"] == lang:
            return ui
    raise AssertionError(f"<html lang={lang!r}> is no configured language")


@pytest.fixture(scope="module")
def pages(built_site):
    found = {p.relative_to(built_site).as_posix(): (p, read(p.read_text("utf-8"))) for p in _pages(built_site)}
    assert len(found) > 10 and "index.html" in found and "404.html" in found
    return found


def _failures(pages, check) -> dict:
    """{page: problem} for every page where check(path, page) returns a problem."""
    return {name: problem for name, (path, page) in pages.items() if (problem := check(path, page))}


def test_exactly_one_quick_exit_per_page_labelled_in_the_pages_language(pages):
    def check(path, page):
        exits = page.with_attr("data-quick-exit")
        if len(exits) != 1 or exits[0].tag != "a":
            return f"{len(exits)} quick exits"
        link = exits[0]
        if link.get("href") != EXIT_URL:
            return f"goes to {link.get('href')}"
        if not {"nofollow", "noopener", "noreferrer"} <= link.rel():
            return f"rel={link.get('rel')}"
        label = _ui(page)["exit.label"]
        html = path.read_text("utf-8")
        return None if f"{label}</a>" in html else f"no link text {label!r}"
    assert _failures(pages, check) == {}


def test_the_first_focusable_element_is_the_exit_skip_link(pages):
    def check(path, page):
        body = next(i for i, e in enumerate(page.elements) if e.tag == "body")
        first = next(e for e in page.elements[body + 1:] if e.focusable())
        if not (first.has("data-quick-exit-skip") and first.first_in_body):
            return f"first focusable: <{first.tag} {first.attrs}>"
        return None if first.get("href") == EXIT_URL else f"skip link goes to {first.get('href')}"
    assert _failures(pages, check) == {}


def test_the_hide_your_visit_link_leads_to_a_page(pages, built_site):
    def check(path, page):
        links = page.all("a", **{"class": "hs-exit__hide"})
        if len(links) != 1:
            return f"{len(links)} hide-your-visit links"
        href = links[0].get("href")
        target = (built_site / href.lstrip("/")) if href.startswith("/") else (path.parent / href)
        return None if (target.resolve() / "index.html").is_file() else f"dead link {href}"
    assert _failures(pages, check) == {}


def test_no_referrer_on_every_page(pages):
    assert _failures(pages, lambda path, page: None if [e.get("content") for e in page.all("meta", name="referrer")]
                     == ["no-referrer"] else "referrer meta missing or not no-referrer") == {}


def test_content_security_policy_first_in_head_and_strict(pages):
    def check(path, page):
        metas = [e for e in page.elements if e.tag == "meta"
                 and e.get("http-equiv").lower() == "content-security-policy"]
        if len(metas) != 1:
            return f"{len(metas)} CSP metas"
        position = page.elements.index(metas[0])
        before = [e.tag for e in page.elements[:position] if e.tag in ("script", "link", "style", "base")]
        if before or not metas[0].in_head:
            return f"CSP after {before} or outside <head>"
        policy = csp.directives(metas[0].get("content"))
        script_src = policy.get("script-src", [])
        missing = csp.hashes("".join(f"<script>{s}</script>" for s in page.inline_scripts)) - set(script_src)
        problems = [f"{name} allows {bad}" for name, sources in policy.items() for bad in sources
                    if bad in ("'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "data:")
                    and not (name == "img-src" and bad == "data:")]
        problems += [f"{name} names a host: {s}" for name, sources in policy.items() for s in sources
                     if "." in s and not s.startswith("'sha256-")]
        problems += [f"inline script without its hash {h}" for h in missing]
        problems += [f"{d} is not {v}" for d, v in (("default-src", ["'self'"]), ("object-src", ["'none'"]),
                     ("base-uri", ["'self'"])) if policy.get(d) != v]
        return "; ".join(problems) or None
    assert _failures(pages, check) == {}


def test_the_policy_file_allows_every_inline_script_of_every_page(pages, built_site):
    written = (built_site / headers.POLICY_FILE).read_text("utf-8").strip()
    allowed = set(csp.directives(written)["script-src"])
    every_hash = set().union(*(csp.hashes("".join(f"<script>{s}</script>" for s in page.inline_scripts))
                               for _, page in pages.values()))
    assert every_hash <= allowed
    assert written == csp.policy(every_hash)  # and nothing more
    assert headers.site_policy(built_site) == written


def test_no_generator_and_no_alternate_links(pages):
    def check(path, page):
        bad = [e.attrs for e in page.all("meta", name="generator")]
        bad += [e.attrs for e in page.elements if e.tag == "link" and "alternate" in e.rel()]
        return bad or None
    assert _failures(pages, check) == {}


def test_nothing_is_loaded_from_or_sent_to_another_host(pages):
    def check(path, page):
        return [f"<{tag}> {url}" for tag, url in resources(page) if other_host(url)] or None
    assert _failures(pages, check) == {}


def test_every_link_to_another_site_passes_on_nothing(pages):
    def check(path, page):
        return [e.get("href") for e in page.all("a") if other_host(e.get("href"))
                and not {"noopener", "noreferrer"} <= e.rel()] or None
    assert _failures(pages, check) == {}


def test_no_inline_styles_that_the_policy_would_block(pages):
    def check(path, page):
        return [f"<{e.tag} style>" for e in page.with_attr("style")] + \
               ["<style>" for e in page.all("style")] or None
    assert _failures(pages, check) == {}

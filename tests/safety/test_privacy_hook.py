"""scripts/hooks/privacy.py and hedersite.csp on small pieces of HTML: the rules the
built-site tests rely on, each with the case that would break it."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from hedersite import csp

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("privacy_hook", ROOT / "scripts" / "hooks" / "privacy.py")
privacy = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(privacy)


def test_links_to_other_sites_get_noopener_noreferrer_and_keep_their_rel():
    html = ('<a href="https://a.se/">a</a> <a rel="nofollow" href="//b.se/x">b</a> '
            "<a href='http://c.se' rel='noopener'>c</a> <a href=\"../lokal/\">d</a> <a href=\"mailto:x@y.se\">e</a>")
    out = privacy.external_links_private(html)
    assert '<a href="https://a.se/" rel="noopener noreferrer">' in out
    assert '<a rel="nofollow noopener noreferrer" href="//b.se/x">' in out
    assert "<a href='http://c.se' rel=\"noopener noreferrer\">" in out
    assert '<a href="../lokal/">d</a>' in out and '<a href="mailto:x@y.se">e</a>' in out


def test_the_skip_link_moves_to_right_after_body():
    html = ('<html><head></head><body dir="rtl">\n<input id="__drawer"><div>'
            '<!--hs:exit-skip--><a data-quick-exit-skip href="x">exit</a><!--/hs:exit-skip--></div></body></html>')
    out = privacy.skip_link_first(html, "t.md")
    assert out.startswith('<html><head></head><body dir="rtl"><a data-quick-exit-skip href="x">exit</a>\n<input')
    assert out.count("data-quick-exit-skip") == 1 and "hs:exit-skip" not in out


def test_a_page_without_the_quick_exit_is_refused():
    with pytest.raises(PluginError, match="quick exit"):
        privacy.skip_link_first("<html><body><p>x</p></body></html>", "docs/sv/x.md")


def test_the_policy_comes_right_after_the_charset():
    out = privacy.with_policy('<head><meta charset="utf-8"><script>x</script>', "default-src 'self'", "t")
    assert out.startswith('<head><meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" '
                          'content="default-src \'self\'"><script>')


def test_only_scripts_the_browser_runs_are_hashed():
    html = ('<script>a()</script><script src="x.js"></script><script type="application/json">{}</script>'
            '<script type="module">b()</script><SCRIPT type="text/javascript">c()</SCRIPT>')
    assert csp.inline_scripts(html) == ["a()", "b()", "c()"]


def test_script_hash_is_the_one_browsers_compute():
    # The example hash from the CSP specification, for the script text "alert('Hello, world.');"
    assert csp.script_hash("alert('Hello, world.');") == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"


def test_policy_allows_nothing_from_elsewhere_and_no_inline_code():
    policy = csp.directives(csp.policy({"'sha256-abc='"}))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'sha256-abc='"]
    assert policy["object-src"] == ["'none'"] and policy["worker-src"] == ["'none'"]
    assert not any("unsafe" in s for sources in policy.values() for s in sources)


def test_quick_exit_url_must_be_https():
    class Config:
        extra = {"quick_exit_url": "http://example.com/"}
    with pytest.raises(PluginError, match="quick_exit_url"):
        privacy.exit_url(Config())
    Config.extra = {}
    assert privacy.exit_url(Config()) == privacy.DEFAULT_EXIT_URL

"""`python -m hedersite headers`: HTTP security headers made from the policy in the built site
(a tiny fake site here), plus frame-ancestors 'none', which a <meta> policy cannot carry."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from hedersite import headers
from hedersite.__main__ import main

POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'"


def page(policy: str = POLICY) -> str:
    return ('<!doctype html><html lang="sv"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
            '<meta name="referrer" content="no-referrer"><title>x</title></head><body></body></html>')


@pytest.fixture
def site(tmp_path) -> Path:
    (tmp_path / "en").mkdir()
    (tmp_path / "index.html").write_text(page(), "utf-8")
    (tmp_path / "en" / "index.html").write_text(page(), "utf-8")
    return tmp_path


def generated(capsys, site: Path, fmt: str) -> str:
    assert main(["headers", "--site-dir", str(site), "--format", fmt]) == 0
    return capsys.readouterr().out


def test_netlify_headers_from_meta_policy(capsys, site):
    out = generated(capsys, site, "netlify")
    lines = out.splitlines()
    assert lines[1] == "/*"
    found = dict(line.strip().split(": ", 1) for line in lines[2:])
    assert found["Content-Security-Policy"] == POLICY + "; frame-ancestors 'none'"
    assert found["Referrer-Policy"] == "no-referrer"
    assert found["X-Content-Type-Options"] == "nosniff"
    assert found["Cross-Origin-Opener-Policy"] == "same-origin"
    denied = found["Permissions-Policy"].split(", ")
    for feature in ("geolocation", "camera", "microphone", "interest-cohort", "browsing-topics"):
        assert f"{feature}=()" in denied
    assert all(re.fullmatch(r"[a-z-]+=\(\)", item) for item in denied)


def test_nginx_add_header_lines(capsys, site):
    out = generated(capsys, site, "nginx")
    rules = [line for line in out.splitlines() if not line.startswith("#")]
    assert rules and all(re.fullmatch(r'add_header [A-Za-z-]+ "[^"]+" always;', r) for r in rules)
    assert f'add_header Content-Security-Policy "{POLICY}; frame-ancestors \'none\'" always;' in rules
    assert 'add_header Referrer-Policy "no-referrer" always;' in rules


def test_both_formats_carry_the_same_headers(capsys, site):
    netlify = dict(line.strip().split(": ", 1) for line in generated(capsys, site, "netlify").splitlines()[2:])
    nginx = dict(re.fullmatch(r'add_header (\S+) "(.*)" always;', line).groups()
                 for line in generated(capsys, site, "nginx").splitlines() if line.startswith("add_header"))
    assert netlify == nginx


def test_policy_file_wins_over_meta(capsys, site):
    (site / headers.POLICY_FILE).write_text("default-src 'self'\n", "utf-8")
    out = generated(capsys, site, "netlify")
    assert "Content-Security-Policy: default-src 'self'; frame-ancestors 'none'" in out


def test_header_only_directives_are_not_doubled():
    policy = "default-src 'self'; frame-ancestors *; report-uri /r; sandbox"
    assert headers.header_policy(policy) == "default-src 'self'; frame-ancestors 'none'"


def test_pages_with_different_policies_are_refused(capsys, site):
    (site / "en" / "index.html").write_text(page("default-src *"), "utf-8")
    assert main(["headers", "--site-dir", str(site)]) == 1
    assert "different policies" in capsys.readouterr().err


def test_site_without_policy_is_refused(capsys, tmp_path):
    (tmp_path / "index.html").write_text("<html><head></head></html>", "utf-8")
    assert main(["headers", "--site-dir", str(tmp_path)]) == 1
    assert "no Content-Security-Policy" in capsys.readouterr().err
    assert main(["headers", "--site-dir", str(tmp_path / "missing")]) == 1
    assert "make build" in capsys.readouterr().err


def test_line_too_long_for_cloudflare_is_refused():
    policy = "default-src 'self'; img-src " + " ".join(f"'sha256-{i:044d}'" for i in range(50))
    with pytest.raises(ValueError, match="Content-Security-Policy"):
        headers.netlify(headers.security_headers(policy))

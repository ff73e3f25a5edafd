"""The posters' QR code: drawn from mkdocs.yml's site_url (here set by SITE_URL for one
language build), it reads back as the start page of the poster's language; without a
site_url the posters have none and the build says so once, not once per page."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from hedersite import printed
from printed_support import contacts, qr_matrix, qr_matrix_from_svg

ROOT = Path(__file__).resolve().parents[2]
SITE_URL = "https://stod.example.se/"
LOCALE = "ti"  # built alone, so at the site root (static-i18n's build_only_locale)
NO_SITE_URL = "has no site_url"


def build(target: Path, site_url: str | None) -> str:
    env = {**os.environ, "BUILD_ONLY_LOCALE": LOCALE, "PYTHONPATH": str(ROOT / "scripts"),
           "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(target)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def with_site_url(tmp_path_factory):
    site = tmp_path_factory.mktemp("qr-site")
    return site, build(site, SITE_URL)


def test_every_poster_holds_the_qr_code_of_its_start_page(with_site_url):
    site, log = with_site_url
    assert NO_SITE_URL not in log
    expected = qr_matrix(SITE_URL)
    for contact_id in contacts():
        html = (site / printed.Sheet(printed.POSTER, contact_id).path / "index.html").read_text("utf-8")
        assert qr_matrix_from_svg(html) == expected, contact_id
        assert f">{SITE_URL}</bdi>" in html  # and the address in text, for who cannot scan
        assert " style=" not in html.split('class="hs-qr__code"', 1)[1].split("</svg>", 1)[0]


def test_cards_have_no_qr_code(with_site_url):
    site, _ = with_site_url
    for kind in (printed.CARDS, printed.DISCREET):
        html = (site / printed.Sheet(kind, "bris").path / "index.html").read_text("utf-8")
        assert "hs-qr__code" not in html


def test_without_site_url_the_build_says_so_once(tmp_path):
    log = build(tmp_path / "site", None)
    assert log.count(NO_SITE_URL) == 1, log
    assert "hs-qr__code" not in (tmp_path / "site" / "material" / "bris" / "index.html").read_text("utf-8")

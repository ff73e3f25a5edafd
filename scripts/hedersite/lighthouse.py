"""Lighthouse for `make bench`: the four category scores and the layout shift (CLS) of the
start and finder pages of sv, ar and ti, on a phone (Lighthouse's mobile defaults: a
mid-range phone's screen, simulated slow 4G and CPU), served as a host would serve them.

Offline at bench time: the Makefile installs the npm package once (network, like any package
install) into .bench/node_modules; Lighthouse then drives Debian's Chromium against a server
on 127.0.0.1 and fetches nothing else. The server answers with gzip (what every host does;
without it the transfer sizes, and the performance score, would be a host's worst case) and
with the security headers of hedersite.headers.

Not a test: scores move with the machine's load. tests/site_build/test_layout_shift_browser.py
is the test that holds CLS at 0.
"""
from __future__ import annotations

import contextlib
import gzip
import json
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from . import headers
from .dataset import ROOT
from .local_server import QuietHandler, serve

BIN = ROOT / ".bench" / "node_modules" / ".bin" / "lighthouse"
PACKAGE = ROOT / ".bench" / "node_modules" / "lighthouse" / "package.json"
CHROME = "/usr/bin/chromium"
CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
TARGET = 0.95  # every category, every measured page
# The finder, and the largest of its county pages (Skåne: 33 municipalities).
PAGES = {"start": "", "finder": "hitta-stod/", "county": "hitta-stod/skane-lan/"}
LANGUAGES = ("sv", "ar", "ti")
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


class Unavailable(RuntimeError):
    """Lighthouse cannot run here; the message says why."""


@dataclass
class Result:
    page: str
    scores: dict[str, float]
    cls: float
    below: list[str]  # the audits that cost points, "id (score)"


# --- the server -----------------------------------------------------------------------

class _GzipHandler(QuietHandler):
    extra_headers: list[tuple[str, str]] = []

    def end_headers(self):
        for name, value in self.extra_headers:
            self.send_header(name, value)
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # the redirect to the address with a slash
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSED):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return _Body(body)


class _Body:
    """What copyfile reads from: the compressed bytes."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, size=-1):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve_gzip(site: Path):
    """The built site at http://127.0.0.1:<port>/, gzip-compressed text, the site's headers."""
    extra = []
    with contextlib.suppress(headers.PolicyNotFound):
        extra = headers.security_headers(headers.site_policy(site))
    return serve(site, type("Handler", (_GzipHandler,), {"extra_headers": extra}))


# --- Lighthouse -----------------------------------------------------------------------

def version() -> str:
    if not BIN.exists() or not PACKAGE.exists():
        raise Unavailable(f"not installed ({BIN.relative_to(ROOT)} missing): `make bench` installs it "
                          "with npm, which needs the network once")
    if shutil.which("node") is None:
        raise Unavailable("node is not installed (apt-get install nodejs npm)")
    if not Path(CHROME).exists():
        raise Unavailable(f"{CHROME} is missing (make browser)")
    return json.loads(PACKAGE.read_text("utf-8"))["version"]


def run(url: str, work: Path) -> dict:
    """One Lighthouse run (mobile defaults) of url: its JSON report."""
    profile = Path(tempfile.mkdtemp(prefix="profile-", dir=work))  # a fresh Chromium profile each run
    report = work / "report.json"
    flags = " ".join(CHROME_FLAGS + [f"--user-data-dir={profile}"])
    command = [str(BIN), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile",
               f"--chrome-flags={flags}", "--max-wait-for-load=30000"]
    env = {**os.environ, "CHROME_PATH": CHROME}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    shutil.rmtree(profile, ignore_errors=True)
    if done.returncode or not report.exists():
        raise Unavailable(f"lighthouse exited with {done.returncode}: {(done.stderr or done.stdout).strip()[-600:]}")
    data = json.loads(report.read_text("utf-8"))
    if data.get("runtimeError"):
        raise Unavailable(f"lighthouse could not load {url}: {data['runtimeError'].get('message')}")
    return data


def summary(page: str, data: dict) -> Result:
    scores = {name: data["categories"][name]["score"] for name in CATEGORIES}
    below = []
    for name in CATEGORIES:
        for ref in data["categories"][name]["auditRefs"]:
            audit = data["audits"].get(ref["id"], {})
            if ref.get("weight") and audit.get("score") is not None and audit["score"] < 0.9:
                below.append(f"{ref['id']} ({audit['score']:.2f})")
    return Result(page, scores, data["audits"]["cumulative-layout-shift"]["numericValue"], below)


def measure(site: Path, folders: dict[str, str]) -> list[Result]:
    """The pages of LANGUAGES (folder of each in `folders`, '' for the default) that exist."""
    version()
    results = []
    with serve_gzip(site) as url, tempfile.TemporaryDirectory(prefix="lighthouse-") as work:
        for lang in LANGUAGES:
            if lang not in folders:
                continue
            for kind, path in PAGES.items():
                page = folders[lang] + path
                if (site / page / "index.html").is_file():
                    results.append(summary(f"{lang} {kind}", run(url + page, Path(work))))
    return results


def report(site: Path, folders: dict[str, str]) -> list[str]:
    """The lines `make bench` prints."""
    try:
        results = measure(site, folders)
        header = f"Lighthouse {version()} (mobile, simulated slow 4G, gzip; target >= {TARGET} in each)"
    except (Unavailable, subprocess.TimeoutExpired) as exc:
        return [f"Lighthouse: not run: {exc}"]
    lines = [header, f"{'page':<12} " + " ".join(f"{name:>14}" for name in CATEGORIES) + f" {'CLS':>7}"]
    for result in results:
        lines.append(f"{result.page:<12} " + " ".join(f"{result.scores[name]:>14.2f}" for name in CATEGORIES)
                     + f" {result.cls:>7.3f}")
        if any(score < TARGET for score in result.scores.values()) and result.below:
            lines.append(f"{'':<12} below 0.9: {', '.join(result.below)}")
    return lines

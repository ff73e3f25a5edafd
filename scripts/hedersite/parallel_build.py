"""Build the site with its languages in parallel processes, into the same files as the
serial build (`mkdocs build --strict`).

How the serial build works (mkdocs-static-i18n 1.3.1, plugin.py): one MkDocs build of the
default language at the site root, then, one after the other in the same process and into
the same folder, one build per other language (`build: true`). Each language build writes
its pages under <locale>/ and also rewrites the files at the root that every build writes
(the theme's assets, sitemap.xml, csp.txt): the last build's copy remains. (404.html is
written by the default language's build only: scripts/hooks/not_found_page.py.)

Here the language builds run in a pool of processes (forked, so each has the configuration
loaded once), each into a folder of its own, with the plugin told which language it builds,
exactly as its own loop does. The folders are then moved into the site in the serial order,
so a file that several builds write ends up as the last of them wrote it. Two files
depend on the builds before them, and are made the same:
- sitemap.xml (and .gz) lists the pages of every language built so far: each build here
  writes its own language's entries and merge() joins them in build order;
- csp.txt (scripts/hooks/privacy.py) allows the inline scripts of every language built so
  far: merge() joins the hashes every build wrote;
tests/site_build/test_parallel_build.py compares the result with the serial build file by file.

Strict mode and the data gate (scripts/hooks/data_gate.py) run in every language build, as
in the serial build: any warning or data error fails the build; the messages are printed
with the languages they came from and the exit code is 1.
"""
from __future__ import annotations

import gzip
import io
import logging
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
import traceback
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from mkdocs import utils
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, MkDocsException

from . import csp
from .headers import POLICY_FILE

PLUGIN = "i18n"
WORK_PREFIX = ".parallel-build-"  # hidden: MkDocs' own cleaning of the site folder skips it
SITEMAP = "sitemap.xml"

# The loaded configuration. Workers are forked from the parent, so each inherits it and
# reuses it for every language it builds, as the serial build reuses its one configuration.
_config: MkDocsConfig | None = None


@dataclass
class Result:
    locale: str
    ok: bool
    log: str  # warnings and errors of this language's build, as MkDocs prints them


def cpu_count() -> int:
    """CPUs this process may use (a container may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def build_order(config: MkDocsConfig) -> list[str]:
    """Languages in the order the serial build builds them: the default (site root) first."""
    plugin = config.plugins[PLUGIN]
    default = plugin.default_language
    return [default] + [locale for locale in plugin.build_languages if locale != default]


def _page_count(config: MkDocsConfig, locale: str) -> int:
    return sum(1 for _ in Path(config.docs_dir, locale).rglob("*.md"))


def schedule(config: MkDocsConfig, order: list[str]) -> list[str]:
    """Longest builds (most pages) first, so no process is left with a long one at the end."""
    return sorted(order, key=lambda locale: -_page_count(config, locale))


# --- in a worker ----------------------------------------------------------------------------

def _logger(stream) -> logging.Handler:
    """Write MkDocs' warnings and errors (what strict mode counts) to stream."""
    logger = logging.getLogger("mkdocs")
    logger.setLevel(logging.WARNING)  # not ERROR: strict mode only counts what is logged
    logger.propagate = False
    for old in [h for h in logger.handlers if getattr(h, "name", "") == "hedersite"]:
        logger.removeHandler(old)
    handler = logging.StreamHandler(stream)
    handler.name = "hedersite"
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger.addHandler(handler)
    return handler


def build_language(locale: str, site_dir: str) -> Result:
    """Build one language into site_dir, as the plugin's own loop does."""
    config = _config
    plugin = config.plugins[PLUGIN]
    buffer = io.StringIO()
    handler = _logger(buffer)
    try:
        plugin.current_language = locale
        plugin.building = True  # this process builds only its languages: no loop over the others
        plugin.i18n_files_per_language = {}  # its sitemap.xml lists this language only (see merge)
        config.site_dir = site_dir
        mkdocs_build(config)
        return Result(locale, True, buffer.getvalue())
    except Abort as exc:  # the reason is already logged; this says how many warnings
        return Result(locale, False, buffer.getvalue() + f"{exc.format_message()}\n")
    except Exception as exc:  # noqa: BLE001 - any failure fails the build, shown with its trace
        message = getattr(exc, "message", None) or traceback.format_exc()
        return Result(locale, False, buffer.getvalue() + f"{message}\n")
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)


# --- in the parent --------------------------------------------------------------------------

def run(config: MkDocsConfig, order: list[str], folders: dict[str, Path], jobs: int) -> list[Result]:
    """Build every language in a pool of `jobs` processes; start no more after a failure."""
    global _config
    _config = config
    results: list[Result] = []
    context = multiprocessing.get_context("fork")  # workers inherit the loaded configuration
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        futures = [pool.submit(build_language, locale, str(folders[locale]))
                   for locale in schedule(config, order)]
        for future in as_completed(futures):
            if future.cancelled():  # not started: an earlier language failed
                continue
            results.append(future.result())
            if not results[-1].ok:
                for other in futures:
                    other.cancel()
    return sorted(results, key=lambda result: order.index(result.locale))


def report(results: list[Result], out=sys.stderr) -> bool:
    """Print each distinct message once with the languages it came from; True if all built."""
    by_text: dict[str, list[str]] = {}
    for result in results:
        if result.log.strip():
            by_text.setdefault(result.log, []).append(result.locale)
    for text, locales in by_text.items():
        print(f"[{', '.join(locales)}]", file=out)
        print(text.rstrip(), file=out)
    failed = [result.locale for result in results if not result.ok]
    if failed:
        print(f"Build failed ({', '.join(failed)}): the site folder was left as it was", file=out)
    return not failed


def _sitemap_parts(text: str) -> tuple[str, str, str]:
    """(head up to <urlset ...>, the <url> entries, what follows the last one)"""
    start = text.index(">", text.index("<urlset")) + 1
    last = text.rfind("</url>")
    end = last + len("</url>") if last > start else start
    return text[:start], text[start:end], text[end:]


def joined_sitemap(order: list[str], folders: dict[str, Path]) -> tuple[bytes, int] | None:
    """sitemap.xml as the serial build's last language build writes it, and the date of its
    .gz. The plugin's template writes the entries of every language built so far, in build
    order, one language after the other; each build here wrote its own language's entries."""
    sitemaps = [folders[locale] / SITEMAP for locale in order]
    if not all(path.is_file() for path in sitemaps):
        return None
    parts = [_sitemap_parts(path.read_text("utf-8")) for path in sitemaps]
    text = parts[-1][0] + "".join(entries for _, entries, _ in parts) + parts[-1][2]
    gz_header = (folders[order[-1]] / f"{SITEMAP}.gz").read_bytes()[:8]
    return text.encode("utf-8"), int.from_bytes(gz_header[4:8], "little")


def write_sitemap(site_dir: Path, text: bytes, mtime: int) -> None:
    """Write sitemap.xml and its .gz as MkDocs does (mkdocs.commands.build._build_theme_template)."""
    (site_dir / SITEMAP).write_bytes(text)
    gz = site_dir / f"{SITEMAP}.gz"
    with open(gz, "wb") as f, gzip.GzipFile(fileobj=f, filename=str(gz), mode="wb", mtime=mtime) as out:
        out.write(text)


def joined_policy(order: list[str], folders: dict[str, Path]) -> bytes | None:
    """csp.txt as the serial build leaves it: each build adds the hashes of its pages' inline
    scripts to those the builds before it wrote (scripts/hooks/privacy.py). Join them."""
    policies = [folders[locale] / POLICY_FILE for locale in order]
    if not all(path.is_file() for path in policies):
        return None
    hashes = {source for path in policies
              for source in csp.directives(path.read_text("utf-8")).get("script-src", [])
              if source.startswith("'sha256-")}
    return (csp.policy(hashes) + "\n").encode("utf-8")


def merge(order: list[str], folders: dict[str, Path], site_dir: Path) -> None:
    """Move each language's files into the site in build order, later ones replacing earlier
    ones, which is what the serial build leaves when every build writes into one folder;
    then write the joined sitemap and policy."""
    sitemap, policy = joined_sitemap(order, folders), joined_policy(order, folders)
    utils.clean_directory(str(site_dir))
    for locale in order:
        source = folders[locale]
        for path in sorted(p for p in source.rglob("*") if p.is_file()):
            target = site_dir / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, target)
    if sitemap:
        write_sitemap(site_dir, *sitemap)
    if policy:
        (site_dir / POLICY_FILE).write_bytes(policy)


def build(site_dir: Path, jobs: int | None = None, config_file: str = "mkdocs.yml") -> int:
    """Build the whole site into site_dir; return the exit code (0: built, 1: failed)."""
    start = time.monotonic()
    _logger(sys.stderr)  # configuration warnings (strict: they fail the build) are shown here
    try:
        config = load_config(config_file, site_dir=str(site_dir), strict=True)
    except MkDocsException as exc:
        print(f"Build failed: {exc.format_message()}", file=sys.stderr)
        return 1
    merged_elsewhere = [name for name in ("search", "material/search") if name in config.plugins]
    if merged_elsewhere:  # static-i18n merges that index over all languages in one process
        print(f"Build failed: the {merged_elsewhere[0]} plugin needs the serial build (--serial)",
              file=sys.stderr)
        return 1
    config.plugins.on_startup(command="build", dirty=False)
    try:
        order = build_order(config)
        jobs = max(1, min(jobs or cpu_count(), len(order)))
        site = Path(config.site_dir)
        site.mkdir(parents=True, exist_ok=True)
        for stale in site.glob(WORK_PREFIX + "*"):  # left by a build that was killed
            shutil.rmtree(stale, ignore_errors=True)
        work = Path(tempfile.mkdtemp(prefix=WORK_PREFIX, dir=site))  # same disk: moves are renames
        try:
            folders = {locale: work / f"{i:03d}-{locale}" for i, locale in enumerate(order)}
            if not report(run(config, order, folders, jobs)):
                return 1
            merge(order, folders, site)
        finally:
            shutil.rmtree(work, ignore_errors=True)
    finally:
        config.plugins.on_shutdown()
    print(f"Built {len(order)} language(s) ({', '.join(order)}) in {jobs} process(es) into "
          f"{site_dir} in {time.monotonic() - start:.1f} s", file=sys.stderr)
    return 0

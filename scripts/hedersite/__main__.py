"""Project commands: `python -m hedersite COMMAND`. Each command is one small function."""
from __future__ import annotations

import argparse
import calendar
import datetime as dt
import re
import sys
from pathlib import Path

from .dataset import DATA
from .headers import FORMATS as HEADER_FORMATS

COMMANDS = {}


def command(func):
    COMMANDS[func.__name__.replace("_", "-")] = func
    return func


@command
def validate(args):
    """Check every file under data/ and list all problems by file and line."""
    from .validate import main
    today = dt.date.fromisoformat(args.today) if args.today else None
    return main(Path(args.data), today)


@command
def check_docs(args):
    """Check every file under docs/ for content the site does not publish (scripts, frames, styles...)."""
    from .docs_gate import DOCS, problems
    from .problems import report
    return report(problems(Path(args.docs) if args.docs else DOCS), sys.stdout, subject="docs/")


@command
def verified(args):
    """List contacts by last_verified, oldest first; * marks those not checked for N months."""
    from .dataset import load_dataset
    data = load_dataset(Path(args.data))
    today = dt.date.fromisoformat(args.today) if args.today else dt.date.today()
    months = 12 if args.older_than_months is None else args.older_than_months
    # N calendar months back; the day is clamped so 31 March - 1 month is 28/29 February.
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    cutoff = dt.date(year, month + 1, min(today.day, calendar.monthrange(year, month + 1)[1]))
    geo = data.geography.data if data.geography and isinstance(data.geography.data, dict) else {}
    counties = {c.get("code"): c.get("name") for c in geo.get("counties") or [] if isinstance(c, dict)}
    rows = []
    for f in (f for f in data.contacts if isinstance(f.data, dict)):
        day = str(f.data.get("last_verified") or "")  # a missing or broken date sorts first
        stale = day < cutoff.isoformat() or not re.fullmatch(r"\d{4}-\d\d-\d\d", day)
        where = counties.get(f.data.get("county"), f.data.get("county")) or "national"
        rows.append((day, stale, str(f.data.get("name", "?")), str(where), f.path))
    shown = [r for r in sorted(rows) if r[1] or args.older_than_months is None]
    print(f"{'verified':<10}     {'name':<44}  {'county':<22}  file")
    for day, stale, name, where, path in shown:
        print(f"{day or '(none)':<10}  {'*' if stale else ' '}  {name:<44}  {where:<22}  {path}")
    print(f"* = not verified for more than {months} months (before {cutoff}): "
          f"{sum(r[1] for r in rows)} of {len(rows)} contacts")
    _print_unconfirmed(data)
    return 0


def _print_unconfirmed(data):
    """The `unverified` notes of every contact as work for an editor, file:line first; a
    contact whose existence is unconfirmed is not on the site until the note is removed."""
    notes = [(f, i, note) for f in data.contacts if isinstance(f.data, dict)
             for i, note in enumerate(f.data.get("unverified") or []) if isinstance(note, dict)]
    print(f"\nNot confirmed by a source: {len(notes)} field(s) in "
          f"{len({f.path for f, _, _ in notes})} contact(s). Check each against the organisation's "
          "own page, correct it, then remove the note (CONTRIBUTING.md).")
    for f, i, note in sorted(notes, key=lambda n: (n[0].path, n[1])):
        field = str(note.get("field", "?"))
        hidden = " (not shown to readers)" if field == "existence" else ""
        print(f"{f.path}:{f.line(['unverified', i])}: {f.data.get('name', '?')}: "
              f"{field}{hidden} - {note.get('reason', '')}")


@command
def headers(args):
    """Print HTTP security headers (_headers for Netlify/Cloudflare, or nginx) from the built site."""
    from . import headers as security
    try:
        print(security.render(Path(args.site_dir), args.format), end="")
    except (security.PolicyNotFound, ValueError) as exc:
        print(f"headers: {exc}", file=sys.stderr)
        return 1
    return 0


@command
def build(args):
    """Build the whole site into site/ with strict checks, languages in parallel (--serial: one by one)."""
    if args.serial:  # no --quiet: it hides the warnings that strict mode counts, so none would fail
        import subprocess
        return subprocess.call([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", args.site_dir])
    from .parallel_build import build as parallel_build
    return parallel_build(Path(args.site_dir), jobs=args.jobs)


@command
def serve(args):
    """Serve the site at http://127.0.0.1:8000 (one language with --lang, rebuilt on change)."""
    import os
    import subprocess
    env = dict(os.environ)
    if args.lang:
        env["BUILD_ONLY_LOCALE"] = args.lang
    return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "-a", "127.0.0.1:8000"], env=env)


@command
def bench(args):
    """Time serial and parallel builds and the validator, and list page weights (a table, not a test)."""
    from .bench import main as run_bench
    return run_bench(args.runs)


@command
def translations(args):
    """Show each language's pages (ok, missing, outdated; draft or reviewed) and missing UI strings."""
    from . import translations as status
    config = Path(args.config)
    found = status.status(config, Path(args.data) / "strings")
    if args.lang:
        unknown = sorted(set(args.lang) - {s.language.locale for s in found})
        if unknown:
            print(f"translations: no such language in {args.config}: {', '.join(unknown)}", file=sys.stderr)
            return 2
        found = [s for s in found if s.language.locale in args.lang]
    return status.report(found, sys.stdout, verbose=not args.brief)


@command
def stamp(args):
    """Record in translated pages which Swedish text they translate (sets source_hash)."""
    from . import translations as status
    failed = 0
    for name in args.pages:
        try:
            digest = status.stamp(Path(name), Path(args.config))
            print(f"{name}: source_hash {digest}")
        except (ValueError, OSError) as exc:
            print(f"stamp: {exc}", file=sys.stderr)
            failed = 1
    return failed


@command
def fonts(args):
    """Regenerate the Arabic-script and Ethiopic font subsets (needs npm and requirements-fonts.txt)."""
    from .fonts import main as regenerate
    return regenerate()

def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hedersite", description=__doc__)
    parser.add_argument("--data", default=str(DATA), help="data folder (default: data/)")
    parser.add_argument("--today", help="date to check against, YYYY-MM-DD (default: today)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func in COMMANDS.items():
        sub.add_parser(name, help=func.__doc__)
    sub.choices["build"].add_argument("--site-dir", default="site", help="where to write the site")
    sub.choices["build"].add_argument("--serial", action="store_true",
                                      help="plain `mkdocs build --strict`: one language after the other")
    sub.choices["build"].add_argument("--jobs", type=int, help="processes (default: one per CPU)")
    sub.choices["check-docs"].add_argument("--docs", help="docs folder (default: docs/)")
    sub.choices["serve"].add_argument("--lang", help="only this language, e.g. ar")
    sub.choices["bench"].add_argument("--runs", type=int, default=3, help="runs per timing (the median is shown)")
    sub.choices["headers"].add_argument("--site-dir", default="site", help="the built site (default: site)")
    sub.choices["headers"].add_argument("--format", choices=sorted(HEADER_FORMATS), default="netlify",
                                        help="netlify: a _headers file (also Cloudflare Pages); nginx: add_header lines")
    sub.choices["verified"].add_argument("--older-than-months", type=int, metavar="N",
                                         help="list only contacts not verified for more than N months")
    for name in ("translations", "stamp"):
        sub.choices[name].add_argument("--config", default=str(DATA.parent / "mkdocs.yml"),
                                       help="the site's mkdocs.yml (default: the project's)")
    sub.choices["translations"].add_argument("--lang", action="append", metavar="LOCALE",
                                             help="only this language (repeatable), e.g. --lang ar")
    sub.choices["translations"].add_argument("--brief", action="store_true", help="one line per language")
    sub.choices["stamp"].add_argument("pages", nargs="+", metavar="FILE", help="e.g. docs/ar/index.md")
    args = parser.parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())

"""Project commands: `python -m hedersite COMMAND`. Each command is one small function."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from .dataset import DATA

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
def verified(args):
    """List contacts by last_verified, oldest first."""
    from .dataset import load_dataset
    data = load_dataset(Path(args.data))
    rows = sorted((str(f.data.get("last_verified")), f.path) for f in data.contacts if isinstance(f.data, dict))
    for day, path in rows:
        print(f"{day}  {path}")
    return 0


@command
def build(args):
    """Build the whole site into site/ with strict checks."""
    import subprocess
    return subprocess.call([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                            "--site-dir", args.site_dir])


@command
def serve(args):
    """Serve the site at http://127.0.0.1:8000 (one language with --lang, rebuilt on change)."""
    import os
    import subprocess
    env = dict(os.environ)
    if args.lang:
        env["BUILD_ONLY_LOCALE"] = args.lang
    return subprocess.call([sys.executable, "-m", "mkdocs", "serve", "-a", "127.0.0.1:8000"], env=env)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hedersite", description=__doc__)
    parser.add_argument("--data", default=str(DATA), help="data folder (default: data/)")
    parser.add_argument("--today", help="date to check against, YYYY-MM-DD (default: today)")
    sub = parser.add_subparsers(dest="command", required=True)
    for name, func in COMMANDS.items():
        sub.add_parser(name, help=func.__doc__)
    sub.choices["build"].add_argument("--site-dir", default="site", help="where to write the site")
    sub.choices["serve"].add_argument("--lang", help="only this language, e.g. ar")
    args = parser.parse_args(argv)
    return COMMANDS[args.command](args)


if __name__ == "__main__":
    sys.exit(main())

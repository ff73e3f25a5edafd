"""Run by test_language_config.py in its own process: build the site (Swedish and English,
so the language list is shown) into the folder given as argument and print, as JSON, every
UI key a template asked for through `ui.get` - the lookups of partials/language.html, which
is how Material's templates (header, menu, table of contents, skip link, language list, ...)
get their labels."""
import json
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config

from hedersite import strings

asked = set()


class Recording(dict):
    def get(self, key, default=None):
        if "jinja2" in sys._getframe(1).f_code.co_filename:  # a template, not our Python
            asked.add(key)
        return super().get(key, default)


_load = strings.load
strings.load = lambda *args, **kwargs: Recording(_load(*args, **kwargs))

config = load_config("mkdocs.yml", site_dir=sys.argv[1])
for language in config.plugins["i18n"].config.languages:
    language.build = language.locale in ("sv", "en")
config.plugins.on_startup(command="build", dirty=False)
build(config)
print(json.dumps(sorted(asked)))

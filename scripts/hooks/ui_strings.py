"""MkDocs hook: give every template the reader's UI strings.

Labels come from data/strings/<locale>.yaml, so adding a language is adding a file. They are
text from a pull request: every label is HTML-escaped before any template sees it. The
override of partials/language.html asks these strings first, then Material's own language
partial where Material has one, then English; a configured language that lacks a key fails
the build with the key's name.
"""
from __future__ import annotations


from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

from hedersite import strings


def _material_partial(env, locale: str) -> str:
    name = f"partials/languages/{locale}.html"
    try:
        env.get_template(name)
        return name
    except Exception:  # Material has no partial for ti, so, ps, ... : English is the last fallback
        return "partials/languages/en.html"


def on_env(env, config, files):
    locale = config.theme["language"]
    try:
        missing = strings.missing_keys(locale)
        ui = strings.load(locale)
    except KeyError as exc:
        raise PluginError(str(exc.args[0])) from None
    if missing:
        raise PluginError(f"data/strings/{locale}.yaml lacks UI string(s): {', '.join(missing)} - "
                          f"add them (the Swedish text is in data/strings/sv.yaml)")
    # Material's environment does not autoescape, and its templates print `lang.t(...)` (our
    # partials/language.html asks these strings first) without |e. So the labels are escaped
    # here, once, as Markup: printed anywhere they arrive as text, and |e or an autoescaping
    # environment leaves them as they are (no double escaping).
    # (In place: the dict stays the one strings.load gave, which tests may have wrapped.)
    ui.update((key, Markup(escape(value))) for key, value in ui.items())
    env.globals["ui"] = ui
    env.globals["material_language_partial"] = _material_partial(env, locale)
    return env

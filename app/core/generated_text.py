"""What Huoqun writes itself, kept as a code and parameters and shown in the interface language.

A task title Huoqun makes (a suggestion, a ban's removal task, a meetup's prep) and a default
tier's name are stored as a key and its parameters (PRODUCT.md §3: stored text is
language-neutral); what the operator types is stored as typed. ``Generated`` is such a text:
a ``str`` holding the English rendering (what search and sorting see) that also carries its key
and parameters, which the store writes beside it. ``render`` shows a stored text in the
interface language with the translate function the caller has: the window passes
``QCoreApplication.translate``, the command line ``app.cli.words.translate``.

Keys are "<namespace>.<name>". The "health" namespace is ``suggestions.TITLES`` (context
"Health"): a key added there is a key here. A key "sentence.<context>" is a whole sentence of
that context whose English template travels with its parameters (as the parameter "text"): a
finding's reason, kept in a suggested task's notes (``sentence``), whatever finding it is.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from app.core.errors import QT_TRANSLATE_NOOP

CONTEXT = "Generated"
HEALTH = "health"  # the namespace of suggestions.TITLES
SENTENCE = "sentence"  # "sentence.<context>": the template is the parameter TEXT
TEXT = "text"
MAX_TITLE = 200
Translate = Callable[[str, str], str]

# key -> English template (context CONTEXT)
TEMPLATES: dict[str, str] = {
    "ban.remove": QT_TRANSLATE_NOOP("Generated", "Remove {member} from {group}"),
    "meetup.prep": QT_TRANSLATE_NOOP("Generated", "Prepare the meetup “{title}”"),
    "tier.core": QT_TRANSLATE_NOOP("Generated", "Core"),
    "tier.core.about": QT_TRANSLATE_NOOP("Generated", "Your inner circle"),
    "tier.helpers": QT_TRANSLATE_NOOP("Generated", "Helpers"),
    "tier.helpers.about": QT_TRANSLATE_NOOP("Generated", "Admins, moderators, core members"),
    "tier.active": QT_TRANSLATE_NOOP("Generated", "Active"),
    "tier.active.about": QT_TRANSLATE_NOOP("Generated", "Members who take part"),
    "tier.members": QT_TRANSLATE_NOOP("Generated", "Members"),
    "tier.members.about": QT_TRANSLATE_NOOP("Generated", "Everyone else"),
    "outcome.removed": QT_TRANSLATE_NOOP("Generated", "Removed from the group"),
    # the actions of activity findings (core/activity_actions.py)
    "activity.welcome": QT_TRANSLATE_NOOP("Generated", "Welcome the newcomers of {group}: {names}"),
    "activity.welcome_more": QT_TRANSLATE_NOOP(
        "Generated", "Welcome the {count} newcomers of {group}: {names} …"
    ),
    "activity.reach_out": QT_TRANSLATE_NOOP("Generated", "Reach out to {member} ({group})"),
}


def source(key: str, params: Mapping[str, str] | None = None) -> tuple[str, str] | None:
    """(context, English template) of ``key`` (a sentence's template is in its ``params``);
    None for a key this version does not know."""
    namespace, _, name = key.partition(".")
    if namespace == SENTENCE:
        said = (params or {}).get(TEXT, "")
        return (name, said) if name and said else None
    if namespace == HEALTH:
        from app.core.suggestions import TITLES  # suggestions imports this module

        template = TITLES.get(name)
        return None if template is None else ("Health", template)
    template = TEMPLATES.get(key)
    return None if template is None else (CONTEXT, template)


def encode_args(params: Mapping[str, object]) -> str:
    """The parameters as stored: JSON, its keys sorted, Chinese kept readable."""
    return json.dumps({k: str(v) for k, v in params.items()}, ensure_ascii=False, sort_keys=True)


def decode_args(stored: str) -> dict[str, str]:
    """The stored parameters; {} when there are none or they cannot be read."""
    try:
        found = json.loads(stored) if stored else {}
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}


def _fill(template: str, params: Mapping[str, str]) -> str | None:
    try:
        return template.format(**params)
    except (KeyError, IndexError, ValueError):
        return None


def _english(key: str, params: Mapping[str, str]) -> str:
    found = source(key, params)
    if found is None:
        raise KeyError(f"unknown generated text {key!r}")
    text = _fill(found[1], params)
    if text is None:
        raise KeyError(f"generated text {key!r} needs other parameters than {sorted(params)}")
    return text


class Generated(str):
    """A text Huoqun wrote: its English rendering, carrying its key and parameters.

    ``Task.create(title=Generated(...))`` stores the key and parameters in ``title_key`` and
    ``title_args`` (see ``app.store.models.Task.save``).
    """

    text_key: str
    text_args: str

    def __new__(cls, key: str, **params: object) -> Generated:
        values = {k: str(v) for k, v in params.items()}
        made = super().__new__(cls, _english(key, values)[:MAX_TITLE])
        made.text_key = key
        made.text_args = encode_args(values)
        return made

    def __getnewargs_ex__(self) -> tuple[tuple[Any, ...], dict[str, Any]]:
        return (self.text_key,), decode_args(self.text_args)


def sentence(context: str, template: str, params: Mapping[str, Any]) -> Generated:
    """A sentence of ``context`` (say, a finding's reason: its ``template`` and ``params``) as
    Huoqun's text, shown in the interface language. Parameters that are no plain values (a
    list of names) are left out: the sentence does not show them."""
    values = {k: v for k, v in params.items() if isinstance(v, str | int | float)}
    return Generated(f"{SENTENCE}.{context}", **values, **{TEXT: template})


def stored(text: str) -> tuple[str, str]:
    """(key, parameters) to store for ``text``: its own for a ``Generated``, ("", "") else."""
    if isinstance(text, Generated):
        return text.text_key, text.text_args
    return "", ""


def from_stored(key: str, args: str, text: str) -> str:
    """A stored text as a value to pass on (say, a parameter of an error message): a
    ``Generated`` when it is Huoqun's and this version knows its key, else ``text``."""
    if key and source(key, decode_args(args)) is not None:
        try:
            return Generated(key, **decode_args(args))
        except KeyError:
            pass
    return text


def render(key: str, args: str | Mapping[str, str], fallback: str, translate: Translate) -> str:
    """A stored text as the interface shows it.

    ``key`` "" (the operator's words) or a key this version does not know: ``fallback``, the
    text as stored. Otherwise the key's template through ``translate``, filled with ``args``
    (stored JSON or a mapping); a translation that does not fit the parameters falls back to
    the English template.
    """
    params = decode_args(args) if isinstance(args, str) else dict(args)
    found = source(key, params) if key else None
    if found is None:
        return fallback
    context, template = found
    return _fill(translate(context, template), params) or _fill(template, params) or fallback


def english(context: str, text: str) -> str:
    """The translate function of no translation: the English template itself."""
    return text

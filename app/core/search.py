"""Search and sort keys: pinyin for names, normalised identity keys, LIKE escaping."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.pinyin import name_keys_of, syllables

SEPARATOR = "\x1f"  # between the parts of a search text; nobody types it
PINYIN_MARK = "\x1e"  # before each pinyin token: where a pinyin match may start
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_SPACES = re.compile(r"\s+")
_MANGLED = re.compile(r"^\d+(\.\d+)?[eE][+-]?\d+$")
# WeChat asks for 6 to 20 characters today, but older accounts and export tools carry ids as
# short as 4 characters (4 of the 200 in a real export); refusing them would lose real people.
_WECHAT = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{3,39}$")


def name_keys(name: str) -> tuple[str, str, str]:
    """``(sort_key, full_pinyin, initials)`` of a name: 张三 → ("zhang san", "zhangsan", "zs").

    pypinyin's everyday reading of every character: for group names. A member's sort key
    reads the surname as a surname (``pinyin.sort_key``).
    """
    parts = syllables(name)
    sort_key = " ".join(parts) or name.strip().lower()
    return sort_key, "".join(parts), "".join(p[0] for p in parts)


def has_cjk(text: str) -> bool:
    return bool(_CJK.search(text))


class SearchKeys(NamedTuple):
    """The ``member_search`` row of a member, lower-cased and without spaces."""

    text: str  # the name, then nicknames and ids, apart: matched anywhere
    pinyin: str  # pinyin tokens of the name and nicknames: matched from a syllable's start
    lead: str  # the name's pinyin from its first syllable: a match here ranks higher


def pinyin_tokens(piece: str) -> tuple[str, ...]:
    """Full pinyin and initials of ``piece`` from every syllable on, in every reading of its
    first character(s): 曾小悦 → zengxiaoyue zxy cengxiaoyue cxy xiaoyue xy yue y."""
    return name_keys_of(piece).tokens


def _marked(tokens: Iterable[str]) -> str:
    return "".join([PINYIN_MARK + t for t in tokens])


def search_keys(name: str, nicknames: Iterable[str], *identities: str | None) -> SearchKeys:
    """What a member is found by (see ``SearchKeys``).

    ``pinyin`` holds, for each Chinese name and nickname, the full pinyin and the initials
    from every syllable on, each after a ``PINYIN_MARK``: a query matches them only from a
    syllable's start, so ``zs`` finds 张三 and 赵思 but not 白竹森. Every reading of the first
    character(s) is there: ``zxy`` and ``cxy`` both find 曾小悦. ``lead`` repeats the name's
    tokens from its first syllable, read only to rank what the scan of ``text`` and
    ``pinyin`` found (one LIKE fewer per row than scanning ``lead`` as well).
    """
    pieces = [name, *[n for n in nicknames if n]]
    texts = [*pieces, *[i for i in identities if i]]
    keys = name_keys_of(name)
    tokens = list(keys.tokens)
    for piece in pieces[1:]:
        if piece != name:
            tokens += name_keys_of(piece).tokens
    if len(pieces) > 1:
        tokens = list(dict.fromkeys(tokens))
    text = SEPARATOR.join(["".join(t.split()).lower() for t in texts])
    return SearchKeys(text, _marked(tokens), _marked(keys.lead))


def _found_in(query: str, piece: str) -> bool:
    return query in _SPACES.sub("", piece).lower()


def _found_in_pinyin(query: str, piece: str) -> bool:
    return has_cjk(piece) and any(t.startswith(query) for t in pinyin_tokens(piece))


def matched_field(
    query: str, name: str, nicknames: Iterable[str], identities: dict[str, str]
) -> tuple[str, str]:
    """Which of a member's fields ``query`` (already normalised) found them by, and its text:
    ``("name" | "pinyin" | "nickname" | a key of ``identities``, text)``; ``("", "")`` if none.

    The same matching as the search (``search_keys``), most telling field first: a whole
    id, the name, its pinyin, a nickname (or its pinyin), then ids and email containing it.
    """
    if not query:
        return "", ""
    for field, value in identities.items():
        if value and field != "email" and value.lower() == query:
            return field, value
    if _found_in(query, name):
        return "name", name
    if _found_in_pinyin(query, name):
        return "pinyin", name
    for nickname in nicknames:
        if nickname and (_found_in(query, nickname) or _found_in_pinyin(query, nickname)):
            return "nickname", nickname
    for field, value in identities.items():
        if value and _found_in(query, value):
            return field, value
    return "", ""


_PHONE_QUERY = re.compile(r"^\+?[\d\-()]+$")


def normalise_query(query: str) -> str:
    """What a typed query is matched as: lower-case, no spaces; a phone loses dashes and +86."""
    text = _SPACES.sub("", unicodedata.normalize("NFKC", query)).lower()
    if _PHONE_QUERY.match(text) and any(c.isdigit() for c in text):
        text = re.sub(r"[\-()]", "", text)
        for prefix in ("+86", "0086", "+"):
            if text.startswith(prefix):
                text = text[len(prefix) :]
                break
    return text


def _escape_like(query: str) -> str:
    return query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def like_contains(query: str) -> str:
    """A LIKE pattern (ESCAPE '\\') matching ``query`` anywhere, its wildcards literal."""
    return f"%{_escape_like(query)}%"


def like_start(query: str) -> str:
    """A LIKE pattern (ESCAPE '\\') matching text that starts with ``query``."""
    return f"{_escape_like(query)}%"


def like_pinyin(query: str) -> str:
    """A LIKE pattern (ESCAPE '\\') matching ``query`` at the start of a pinyin token."""
    return f"%{PINYIN_MARK}{_escape_like(query)}%"


def _blank(raw: str | None) -> str:
    # NFKC: a Chinese input method in full-width mode types "１３８…" and "＋８６"; stored as
    # typed they would slip past the identity match, so they become ASCII first.
    return "" if raw is None else unicodedata.normalize("NFKC", str(raw)).strip()


def _digits(text: str) -> bool:
    """Only the ASCII digits 0-9 (``str.isdigit`` also accepts other scripts' digits)."""
    return text.isascii() and text.isdigit()


def _refuse_mangled(raw: str, what: str) -> None:
    if _MANGLED.match(raw):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "{what} “{value}” looks mangled by a spreadsheet (scientific notation); "
                "the digits are lost. Use the original number.",
            ),
            what=what,
            value=raw,
        )


def normalise_phone(raw: str | None) -> str | None:
    """Digits only; +86 / 0086, spaces, dashes and brackets stripped. Empty → None."""
    text = _blank(raw)
    if not text:
        return None
    _refuse_mangled(text, QT_TRANSLATE_NOOP("Errors", "Phone"))
    if text.endswith(".0") and _digits(text[:-2]):
        text = text[:-2]  # a spreadsheet's float: "13800138000.0" is not 138001380000
    text = re.sub(r"[\s\-().]", "", text)
    if text.startswith("+86"):
        text = text[3:]
    elif text.startswith("0086"):
        text = text[4:]
    elif text.startswith("+"):
        text = text[1:]
    if not _digits(text) or not 5 <= len(text) <= 15:
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "Phone “{value}” is not a phone number (5 to 15 digits, +86 allowed)."
            ),
            value=_blank(raw),
        )
    return text


def normalise_qq(raw: str | None) -> str | None:
    """A QQ number: 5 to 11 digits, no leading zero. Empty → None."""
    text = _blank(raw)
    if not text:
        return None
    _refuse_mangled(text, QT_TRANSLATE_NOOP("Errors", "QQ number"))
    text = text.replace(" ", "")
    if text.endswith(".0") and _digits(text[:-2]):
        text = text[:-2]
    if not _digits(text) or not 5 <= len(text) <= 11 or text.startswith("0"):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors", "QQ number “{value}” is not valid (5 to 11 digits, not starting with 0)."
            ),
            value=_blank(raw),
        )
    return text


def normalise_wechat(raw: str | None) -> str | None:
    """A WeChat id: 4 to 40 letters, digits, _ or -, starting with a letter (wxid_… too)."""
    text = _blank(raw)
    if not text:
        return None
    if not _WECHAT.match(text):
        raise ValidationError(
            QT_TRANSLATE_NOOP(
                "Errors",
                "WeChat id “{value}” is not valid (4 to 40 letters, digits, _ or -, "
                "starting with a letter).",
            ),
            value=text,
        )
    return text

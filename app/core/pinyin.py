"""Pinyin of names: syllables, every reading of a name's first character(s), surname readings.

pypinyin converts a whole text at a time, and most of that time goes to converting each
character's reading to the plain style again and again. Here a name is cut into words with
pypinyin's own phrase segmentation and each distinct word is converted once and kept; a name
whose first character starts no phrase is its first character plus a given name, and given
names repeat: a 100,000-row roster holds a few thousand characters, phrases and given names.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any, NamedTuple

from app.core.pinyin_load import load_gently

# Characters pypinyin has readings for (its RE_HANS): CJK ideographs in the BMP and beyond.
_HANS = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ue815-\ue864"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebe0\U0002f800-\U0002fa1f\U00030000-\U000323af"
)
_RUNS = re.compile(f"[{_HANS}]+|[^{_HANS}]+")
_IS_HANS = re.compile(f"[{_HANS}]")
_LEAD_HANS = re.compile(f"[{_HANS}]+")

# Surnames read differently from the character's everyday reading (百家姓): 曾小悦 is
# zeng xiao yue, not ceng. The longest surname a name starts with wins.
SURNAMES: dict[str, tuple[str, ...]] = {
    "万俟": ("mo", "qi"), "尉迟": ("yu", "chi"), "长孙": ("zhang", "sun"),
    "单于": ("chan", "yu"), "澹台": ("tan", "tai"),
    "曾": ("zeng",), "单": ("shan",), "解": ("xie",), "仇": ("qiu",), "朴": ("piao",),
    "区": ("ou",), "查": ("zha",), "盖": ("ge",), "乐": ("yue",), "秘": ("bi",),
    "缪": ("miao",), "翟": ("zhai",), "覃": ("qin",), "种": ("chong",), "重": ("chong",),
    "繁": ("po",), "员": ("yun",), "隗": ("wei",), "召": ("shao",), "祭": ("zhai",),
    "句": ("gou",), "阚": ("kan",), "折": ("she",), "宓": ("fu",), "薄": ("bo",),
    "卜": ("bu",), "都": ("du",), "藏": ("zang",), "长": ("chang",), "蔚": ("yu",),
    "么": ("yao",), "佴": ("nai",), "能": ("nai",), "洗": ("xian",),
}  # fmt: skip
_LONGEST_SURNAME = max(len(s) for s in SURNAMES)

Words = list[tuple[str, tuple[str, ...]]]  # each word of a text and its syllables


@cache
def _word(word: str) -> tuple[str, ...]:
    """The plain pinyin of one word of Chinese characters (a phrase or one character)."""
    load_gently()
    from pypinyin import Style, lazy_pinyin  # imported on first use: 0.2 s off the start

    return tuple(p.lower() for p in lazy_pinyin(word, style=Style.NORMAL, errors="default"))


@cache
def _segmenter() -> Any:
    """pypinyin's phrase segmentation (the one ``lazy_pinyin`` uses) and its phrase prefixes."""
    load_gently()
    from pypinyin.seg.mmseg import p_set, seg

    return seg, p_set


def _words(text: str) -> Words:
    """``text`` as words and their syllables: Chinese cut into phrases and characters the way
    pypinyin does, other text into its words (张伟Leo → 张伟 zhang wei, Leo leo)."""
    cut = _segmenter()[0].cut
    out: Words = []
    for run in _RUNS.findall(text):
        if _IS_HANS.match(run):
            out += [(word, _word(word)) for word in cut(run)]
        else:
            out += [(word, (word.lower(),)) for word in run.split()]
    return out


def _joined(words: Words) -> tuple[str, ...]:
    return tuple([s for _, parts in words for s in parts if s])


@lru_cache(maxsize=8192)
def syllables(text: str) -> tuple[str, ...]:
    """The pinyin syllables of ``text``, lower-case; other text as its words:
    张伟Leo → ("zhang", "wei", "leo"), the same as pypinyin's ``lazy_pinyin``."""
    return _joined(_words(text))


@cache
def readings(char: str) -> tuple[str, ...]:
    """Every plain reading of one character, the everyday one first: 曾 → ("ceng", "zeng")."""
    load_gently()
    from pypinyin import Style, pinyin

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="default")
    return tuple(dict.fromkeys(r.lower() for r in found[0] if r)) if found else ()


def surname_of(name: str) -> str:
    """The surname ``name`` starts with when it reads as a person's name, else "".

    A surname with a special reading counts when one or two more Chinese characters follow
    (a given name), not the same character again: 乐乐 stays le le, 曾小悦 is zeng xiao yue.
    """
    lead = _LEAD_HANS.match(name)
    if lead is None:
        return ""
    run = lead.end()
    for size in range(min(_LONGEST_SURNAME, run - 1), 0, -1):
        surname = name[:size]
        if surname in SURNAMES and size + 1 <= run <= size + 2 and name[size] != name[0]:
            return surname
    return ""


class NameKeys(NamedTuple):
    """What a name (or nickname) is sorted and found by; see ``name_keys_of``."""

    sort_key: str  # the first reading, syllables apart: "zeng xiao yue"
    lead: tuple[str, ...]  # each reading whole, full and initials: zengxiaoyue zxy cengxiaoyue…
    tokens: tuple[str, ...]  # ``lead``, then the same from every later syllable: xiaoyue xy yue y


class _Rest(NamedTuple):
    """What follows a name's first character(s), computed once for every name sharing it."""

    parts: tuple[str, ...]  # its syllables
    full: str  # joined
    initials: str
    tokens: tuple[str, ...]  # full pinyin and initials from each syllable on


def _rest_of(parts: Sequence[str]) -> _Rest:
    initials = "".join([p[0] for p in parts])
    tokens: list[str] = []
    for start in range(len(parts)):
        tokens += ("".join(parts[start:]), initials[start:])
    return _Rest(tuple(parts), "".join(parts), initials, tuple(tokens))


@lru_cache(maxsize=8192)
def _rest(text: str) -> _Rest:
    """The ``_Rest`` of ``text`` (a given name, usually: 小悦)."""
    return _rest_of(syllables(text))


def _after(name: str, words: Words, size: int) -> _Rest:
    """The ``_Rest`` after the first ``size`` characters of ``name`` (cut into ``words``)."""
    taken = 0
    for index, (word, _) in enumerate(words):
        if taken == size:
            return _rest_of(_joined(words[index:]))
        taken += len(word)
        if taken > size:
            break
    return _rest(name[size:]) if taken > size else _rest_of(())


@lru_cache(maxsize=16384)
def name_keys_of(name: str) -> NameKeys:
    """The readings of ``name`` from its start and their tokens, the sorting reading first.

    The sorting reading reads a surname as a surname (``surname_of``), else it is pypinyin's
    reading of the whole name; then come pypinyin's reading and each reading of the first
    character followed by the rest: 曾小悦 → zeng xiao yue, ceng xiao yue. A name without
    Chinese has no tokens (the text search finds it) and sorts as itself in lower case.
    """
    if not _IS_HANS.match(name):
        if not _IS_HANS.search(name):
            return NameKeys(" ".join(name.lower().split()), (), ())
        return _keys([((), _rest(name))])  # Chinese later on: "Leo张" has one reading
    surname = surname_of(name)
    if len(surname) < 2 and name[:2] not in _segmenter()[1]:
        # The first character is a word of its own: the rest is shared with other names.
        rest = _rest(name[1:])
        heads = (*SURNAMES.get(surname, ()), *_word(name[0]), *readings(name[0]))
        lead = [t for h in dict.fromkeys(heads) for t in (h + rest.full, h[0] + rest.initials)]
        lead = list(dict.fromkeys(lead))
        sort_head = SURNAMES[surname][0] if surname else _word(name[0])[0]
        return NameKeys(
            " ".join((sort_head, *rest.parts)),
            tuple(lead),
            tuple(dict.fromkeys(lead + list(rest.tokens))),
        )
    words = _words(name)
    rest = _after(name, words, 1)
    found = [(words[0][1], _after(name, words, len(words[0][0])))]
    if surname:
        found.insert(0, (SURNAMES[surname], _after(name, words, len(surname))))
    found += [((reading,), rest) for reading in readings(name[0])]
    return _keys(found)


def _keys(readings_: list[tuple[tuple[str, ...], _Rest]]) -> NameKeys:
    """``NameKeys`` of readings given as (the syllables of the first word, the rest)."""
    lead: list[str] = []
    later: list[str] = []
    seen: set[_Rest] = set()
    for head, rest in readings_:
        lead += ("".join(head) + rest.full, "".join([p[0] for p in head]) + rest.initials)
        tail = rest if len(head) <= 1 else _rest_of(head[1:] + rest.parts)
        if tail not in seen:  # the readings of the first character share the rest
            seen.add(tail)
            later += tail.tokens
    head, rest = readings_[0]
    lead = list(dict.fromkeys([t for t in lead if t]))
    return NameKeys(" ".join(head + rest.parts), tuple(lead), tuple(dict.fromkeys(lead + later)))


def sort_key(name: str) -> str:
    """A member's sort key: the pinyin of the name, its surname read as a surname.
    曾小悦 → "zeng xiao yue"; a name without Chinese is itself in lower case."""
    return name_keys_of(name).sort_key

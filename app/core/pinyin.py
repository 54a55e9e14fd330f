"""Pinyin of names: syllables, every reading of a name's first character(s), surname readings.

pypinyin converts a whole text at a time, and most of that time goes to converting each
character's reading to the plain style again and again. Here a name is cut into words once
(pypinyin's own phrase segmentation) and each distinct word is converted once and kept: a
100,000-row roster repeats a few thousand characters and phrases, not 100,000 names.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

# Characters pypinyin has readings for (its RE_HANS): CJK ideographs in the BMP and beyond.
_HANS = (
    "\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ue815-\ue864"
    "\U00020000-\U0002a6df\U0002a700-\U0002ebe0\U0002f800-\U0002fa1f\U00030000-\U000323af"
)
_RUNS = re.compile(f"[{_HANS}]+|[^{_HANS}]+")
_IS_HANS = re.compile(f"[{_HANS}]")

# Surnames read differently from the character's everyday reading (百家姓): 曾小悦 is
# zeng xiao yue, not ceng. Compound surnames first: the longest one a name starts with wins.
SURNAMES: dict[str, tuple[str, ...]] = {
    "万俟": ("mo", "qi"),
    "尉迟": ("yu", "chi"),
    "长孙": ("zhang", "sun"),
    "单于": ("chan", "yu"),
    "澹台": ("tan", "tai"),
    "曾": ("zeng",),
    "单": ("shan",),
    "解": ("xie",),
    "仇": ("qiu",),
    "朴": ("piao",),
    "区": ("ou",),
    "查": ("zha",),
    "盖": ("ge",),
    "乐": ("yue",),
    "秘": ("bi",),
    "缪": ("miao",),
    "翟": ("zhai",),
    "覃": ("qin",),
    "种": ("chong",),
    "重": ("chong",),
    "繁": ("po",),
    "员": ("yun",),
    "隗": ("wei",),
    "召": ("shao",),
    "祭": ("zhai",),
    "句": ("gou",),
    "阚": ("kan",),
    "折": ("she",),
    "宓": ("fu",),
    "薄": ("bo",),
    "卜": ("bu",),
    "都": ("du",),
    "藏": ("zang",),
    "长": ("chang",),
    "蔚": ("yu",),
    "么": ("yao",),
    "佴": ("nai",),
    "能": ("nai",),
    "洗": ("xian",),
}
_LONGEST_SURNAME = max(len(s) for s in SURNAMES)


@cache
def _word(word: str) -> tuple[str, ...]:
    """The plain pinyin of one word of Chinese characters (a phrase or one character)."""
    from pypinyin import Style, lazy_pinyin  # imported on first use: 0.2 s off the start

    return tuple(p.lower() for p in lazy_pinyin(word, style=Style.NORMAL, errors="default"))


def _segmenter():  # type: ignore[no-untyped-def]
    from pypinyin.seg.mmseg import seg  # the phrase segmentation lazy_pinyin itself uses

    return seg


@lru_cache(maxsize=65536)
def syllables(text: str) -> tuple[str, ...]:
    """The pinyin syllables of ``text``, lower-case; other text as its words:
    张伟Leo → ("zhang", "wei", "leo"), the same as pypinyin's ``lazy_pinyin``."""
    out: list[str] = []
    cut = _segmenter().cut
    for run in _RUNS.findall(text):
        if _IS_HANS.match(run):
            for word in cut(run):
                out.extend(_word(word))
        else:
            out.extend(run.lower().split())
    return tuple(s for s in out if s)


@cache
def readings(char: str) -> tuple[str, ...]:
    """Every plain reading of one character, the everyday one first: 曾 → ("ceng", "zeng")."""
    from pypinyin import Style, pinyin

    found = pinyin(char, style=Style.NORMAL, heteronym=True, errors="default")
    return tuple(dict.fromkeys(r.lower() for r in found[0] if r)) if found else ()


def surname_of(name: str) -> str:
    """The surname ``name`` starts with when it reads as a person's name, else "".

    A surname with a special reading counts when one or two more Chinese characters follow
    (a given name), not the same character again: 乐乐 stays le le, 曾小悦 is zeng xiao yue.
    """
    lead = _RUNS.match(name)
    if lead is None or not _IS_HANS.match(lead.group()):
        return ""
    run = lead.group()
    for size in range(min(_LONGEST_SURNAME, len(run) - 1), 0, -1):
        surname = run[:size]
        if surname in SURNAMES and size + 1 <= len(run) <= size + 2 and run[size] != run[0]:
            return surname
    return ""


@lru_cache(maxsize=65536)
def name_readings(name: str) -> tuple[tuple[str, ...], ...]:
    """Every way ``name`` may be read from its start, the sorting one first.

    The sorting reading uses the surname reading when the name starts with a surname
    (``surname_of``); then pypinyin's reading of the whole name; then each reading of the
    first character followed by the rest: 曾小悦 → (zeng xiao yue), (ceng xiao yue).
    """
    default = syllables(name)
    found: list[tuple[str, ...]] = []
    surname = surname_of(name)
    if surname:
        found.append(SURNAMES[surname] + syllables(name[len(surname) :]))
    found.append(default)
    first = name.lstrip()[:1]
    if first and _IS_HANS.match(first):
        rest = syllables(name.lstrip()[1:])
        found.extend((reading, *rest) for reading in readings(first))
    return tuple(dict.fromkeys(r for r in found if r))


def sort_key(name: str) -> str:
    """A member's sort key: the pinyin of the name, its surname read as a surname.
    曾小悦 → "zeng xiao yue"; a name without Chinese is itself in lower case."""
    found = name_readings(name)
    return " ".join(found[0]) if found else name.strip().lower()

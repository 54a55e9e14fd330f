"""Who the sample community's people are: names, 群名片, cities, QQ, WeChat ids, phones, emails.

Everything is drawn from the one ``random.Random`` handed in, in call order, so one seed gives one
cast. QQ numbers, WeChat ids and phone numbers are never handed out twice.
"""

from __future__ import annotations

import itertools
import re
from random import Random

from app.core.search import name_keys
from app.sample.demo_words import (
    CITIES,
    COMPOUND_SURNAMES,
    EMOJIS,
    GIVEN_CHARS,
    LATIN_NAMES,
    NICKNAMES,
    POPULAR_GIVEN,
    PROFESSIONS,
    SURNAMES,
)

_WECHAT_ID = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{5,19}$")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ALNUM = _LETTERS + "0123456789"


class PeopleMaker:
    """Makes up people's names and contact details, each QQ, WeChat id and phone only once."""

    def __init__(self, rng: Random) -> None:
        self.rng = rng
        self.city_names = [c[0] for c in CITIES]
        self.city_weights = list(itertools.accumulate(c[2] for c in CITIES))
        self.surname_weights = list(itertools.accumulate(1 / (i + 8) for i in range(len(SURNAMES))))
        self.used_qq: set[str] = set()
        self.used_wechat: set[str] = set()
        self.used_phone: set[str] = set()

    def city(self) -> str:
        """A city, the big ones more often."""
        return self.rng.choices(self.city_names, cum_weights=self.city_weights)[0]

    def person_name(self) -> str:
        """A name as people show it: mostly Chinese, common surnames first; some Latin or nicks."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.04:
            name = rng.choice(LATIN_NAMES)
            return rng.choice((name, name, f"{name}_{rng.choice(('SH', 'BJ', 'GZ', 'SZ'))}",
                               f"{name}{rng.choice(SURNAMES[:20])}"))  # fmt: skip
        if roll < 0.08:
            return rng.choice(NICKNAMES)
        if roll < 0.095:
            surname = rng.choice(COMPOUND_SURNAMES)
        else:
            surname = rng.choices(SURNAMES, cum_weights=self.surname_weights)[0]
        if rng.random() < 0.35:
            return surname + rng.choice(POPULAR_GIVEN)
        if rng.random() < 0.3:
            return surname + rng.choice(GIVEN_CHARS)
        return surname + rng.choice(GIVEN_CHARS) + rng.choice(GIVEN_CHARS)

    def nickname(self, name: str, city: str) -> str:
        """A 群名片 built on ``name``: city, job, emoji, class year or an English name."""
        rng = self.rng
        style = rng.randrange(6)
        if city and style == 0:
            return f"{city}-{name}"
        if city and style == 1:
            return f"{name}（{city}）"
        if style == 2:
            return f"{name}|{rng.choice(PROFESSIONS)}"
        if style == 3:
            return f"{name}{rng.choice(EMOJIS)}"
        if style == 4:
            return f"{rng.randint(10, 23)}届-{name}"
        return f"{rng.choice(LATIN_NAMES)}-{name}"

    def qq(self) -> str:
        """An unused QQ number, 5 to 11 digits, mostly 9 or 10."""
        rng = self.rng
        while True:
            length = rng.choices((5, 6, 7, 8, 9, 10, 11), weights=(1, 3, 6, 15, 35, 38, 2))[0]
            number = str(rng.randint(10 ** (length - 1), 10**length - 1))
            if number not in self.used_qq:
                self.used_qq.add(number)
                return number

    def wechat_id(self, name: str) -> str:
        """An unused, valid WeChat id, often the pinyin of ``name`` with digits."""
        rng = self.rng
        _, full, initials = name_keys(name)
        full = re.sub(r"[^a-z0-9]", "", full)
        initials = re.sub(r"[^a-z0-9]", "", initials)
        for attempt in range(20):
            style = rng.randrange(4) if attempt < 3 else 3
            if style == 0:
                candidate = f"{full}{rng.randint(1, 9999)}"
            elif style == 1:
                candidate = f"{initials}_{rng.randint(1000, 999999)}"
            elif style == 2:
                candidate = (
                    f"{full}_{rng.choice(('sh', 'bj', 'gz', 'sz', 'cd'))}{rng.randint(80, 99)}"
                )
            else:
                candidate = rng.choice(_LETTERS) + "".join(
                    rng.choices(_ALNUM, k=rng.randint(7, 11))
                )
            candidate = candidate[:20]
            if _WECHAT_ID.match(candidate) and candidate not in self.used_wechat:
                self.used_wechat.add(candidate)
                return candidate
        raise AssertionError("no free WeChat id")  # 36**11 random ids: never reached

    def phone(self) -> str:
        """An unused mainland mobile number."""
        rng = self.rng
        while True:
            number = f"1{rng.choice('3589')}{rng.randrange(10**9):09d}"
            if number not in self.used_phone:
                self.used_phone.add(number)
                return number

    def email(self, qq: str | None) -> str:
        """The QQ mailbox of ``qq`` if there is one, else a made-up 163.com address."""
        if qq:
            return f"{qq}@qq.com"
        return f"{self.rng.choice(_LETTERS)}{self.rng.randint(1000, 99999999)}@163.com"

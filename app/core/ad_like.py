"""Is a chat message ad-like? (PRODUCT.md §4b): from a member who is not owner or admin, a
link, a phone number or a chat handle together with a word from the ad-word list.

Pure: the text, the list and the sender's standing in, a yes or no out. The caller keeps no
text beyond a short excerpt of the messages found ad-like.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["AD_WORDS", "EXCERPT_LIMIT", "excerpt", "has_contact", "is_ad_like"]

# the default list (Settings can change it); matched without regard to case
AD_WORDS: tuple[str, ...] = (
    "加微信",
    "加V",
    "vx",
    "兼职",
    "刷单",
    "返利",
    "代理",
    "扫码",
    "领取",
    "私聊我",
    "优惠券",
    "免费送",
)
EXCERPT_LIMIT = 200  # characters of an ad-like message kept as evidence

_LINK = r"https?://\S+|www\.\S+|\b(?:t\.me|wa\.me|qm\.qq\.com)/\S*|\b[\w-]+\.(?:com|cn|net|org|top|xyz|vip|cc|shop|link)\b"  # noqa: E501
# a mainland mobile (138 0013 8000, 138-0013-8000) or a landline with its area code
_PHONE = r"(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}(?!\d)|(?<!\d)0\d{2,3}-\d{7,8}(?!\d)"
# a WeChat id or QQ number named as such, or a Telegram @handle
_HANDLE = (
    r"(?:微信|威信|薇信|v信|vx|wx|加v|weixin|wechat)\s*(?:号)?\s*[:：]?\s*[a-z0-9][-_a-z0-9]{4,19}"
    r"|(?:qq|扣扣|企鹅)\s*(?:号|群)?\s*[:：]?\s*\d{5,11}"
    r"|(?<![\w@])@[a-z][a-z0-9_]{4,31}\b"
)
_CONTACT = re.compile(f"{_LINK}|{_PHONE}|{_HANDLE}", re.IGNORECASE)


def has_contact(text: str) -> bool:
    """True when ``text`` holds a link, a phone number or a chat handle."""
    return _CONTACT.search(text) is not None


def is_ad_like(text: str, ad_words: Iterable[str] = AD_WORDS, *, by_admin: bool = False) -> bool:
    """True for a message that looks like an ad: not from an owner or admin (``by_admin``),
    with a word of ``ad_words`` and a way to reach the sender (link, phone, handle)."""
    if by_admin or not text:
        return False
    folded = text.casefold()
    if not any(word and word.casefold() in folded for word in ad_words):
        return False
    return has_contact(text)


def excerpt(text: str) -> str:
    """The evidence kept of an ad-like message: its first ``EXCERPT_LIMIT`` characters."""
    return text.strip()[:EXCERPT_LIMIT]

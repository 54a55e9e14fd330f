"""My accounts (issue #18): the operator's own ids per platform, checked, listed, removed."""

from __future__ import annotations

import pytest

from app.core import chat_match as cm
from app.core.errors import ValidationError


def test_ids_are_checked_per_platform_and_kept_once(database: object) -> None:
    assert cm.add_my_account("wechat", " wxid_abc123 ") == "wxid_abc123"
    assert cm.add_my_account("discord", "822222222722609098") == "822222222722609098"
    assert cm.add_my_account("wecom", "张三的企业微信") == "张三的企业微信"
    for platform, bad in (("qq", "0123"), ("telegram", "user12"), ("wechat", "1ab"), ("qq", "")):
        with pytest.raises(ValidationError):
            cm.add_my_account(platform, bad)
    with pytest.raises(ValidationError, match="already one of your accounts"):
        cm.add_my_account("wechat", "wxid_abc123")
    assert cm.all_my_accounts() == [
        ("discord", "822222222722609098"), ("wechat", "wxid_abc123"), ("wecom", "张三的企业微信"),
    ]  # fmt: skip
    assert cm.my_accounts("wechat") == {"wxid_abc123"}


def test_an_account_is_removed(database: object) -> None:
    cm.add_my_accounts("qq", ["10001", "10002"])
    assert cm.remove_my_account("qq", "10001")
    assert not cm.remove_my_account("qq", "10001")
    assert cm.all_my_accounts() == [("qq", "10002")]

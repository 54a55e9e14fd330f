"""The ad-like test of PRODUCT.md §4b: a link, a phone number or a chat handle together with
an ad word, from someone who is not owner or admin."""

from __future__ import annotations

import pytest

from app.core.ad_like import AD_WORDS, EXCERPT_LIMIT, excerpt, has_contact, is_ad_like


@pytest.mark.parametrize(
    "text",
    [
        "兼职刷单日结300+，加微信 wxid_k8s2m1 私聊我",  # a WeChat handle
        "扫码领取优惠券 https://t.cn/A6x9Qz",  # a link
        "代理招募，电话 138 0013 8000",  # a mobile number with spaces
        "返利群 QQ：123456789",  # a QQ number named as such
        "免费送课程 @free_course_bot",  # a Telegram handle
        "加V了解：vx88231",
        "VX 领取 www.example.com",  # words in any case
    ],
)
def test_an_ad_word_with_a_way_to_reach_the_sender_is_ad_like(text: str) -> None:
    assert is_ad_like(text)


@pytest.mark.parametrize(
    "text",
    [
        "领取了吗？周六见",  # an ad word alone
        "推荐看看 https://www.zhihu.com/question/947510436",  # a link alone
        "我的电话 13800138000，到了打给我",  # a phone alone
        "",
        "订单号 2026120712345678 已领取",  # a long number is not a phone
    ],
)
def test_without_both_parts_a_message_is_not_ad_like(text: str) -> None:
    assert not is_ad_like(text)


def test_owners_and_admins_never_post_ads() -> None:
    text = "扫码领取优惠券 https://t.cn/A6x9Qz"
    assert is_ad_like(text, by_admin=False)
    assert not is_ad_like(text, by_admin=True)


def test_the_operator_s_word_list_replaces_the_default() -> None:
    text = "团购拼单 https://shop.example.com"
    assert not is_ad_like(text)
    assert is_ad_like(text, ["拼单"])
    assert not is_ad_like("扫码领取 https://t.cn/x", ["拼单"])
    assert "加微信" in AD_WORDS and "免费送" in AD_WORDS and len(AD_WORDS) == 12


def test_contacts_and_the_kept_excerpt() -> None:
    assert has_contact("see t.me/somegroup")
    assert has_contact("座机 021-12345678")
    assert not has_contact("mail me: someone@example")
    assert excerpt("  " + "广" * 500) == "广" * EXCERPT_LIMIT

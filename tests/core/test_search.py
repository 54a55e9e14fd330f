"""Search and sort keys: pinyin, identity normalisation, LIKE escaping."""

from __future__ import annotations

import sqlite3

import pytest

from app.core.errors import ValidationError
from app.core.pinyin import sort_key, syllables
from app.core.search import (
    PINYIN_MARK,
    SEPARATOR,
    has_cjk,
    like_contains,
    like_pinyin,
    matched_field,
    name_keys,
    normalise_phone,
    normalise_qq,
    normalise_query,
    normalise_wechat,
    search_keys,
)

# --- name_keys ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "sort_key", "full", "initials"),
    [
        ("张三", "zhang san", "zhangsan", "zs"),
        ("李四", "li si", "lisi", "ls"),
        ("欧阳娜娜", "ou yang na na", "ouyangnana", "oynn"),
        ("司马光", "si ma guang", "simaguang", "smg"),
        ("  王 五 ", "wang wu", "wangwu", "ww"),
        ("张伟Leo", "zhang wei leo", "zhangweileo", "zwl"),
    ],
)
def test_name_keys_of_chinese_names(name: str, sort_key: str, full: str, initials: str) -> None:
    assert name_keys(name) == (sort_key, full, initials)


def test_name_keys_of_latin_names_are_lower_case_text() -> None:
    sort_key, full, initials = name_keys("Alice Wang")
    assert sort_key == "alice wang"
    assert full == "alicewang"
    assert initials.startswith("a")
    assert name_keys("BOB")[0] == "bob"


def test_sort_keys_put_names_in_pinyin_order() -> None:
    names = ["张三", "Zoe", "白雪", "阿明", "alice", "Bob", "李四"]
    ordered = sorted(names, key=lambda n: name_keys(n)[0])
    assert ordered == ["阿明", "alice", "白雪", "Bob", "李四", "张三", "Zoe"]


def test_has_cjk() -> None:
    assert has_cjk("abc张")
    assert not has_cjk("Alice 123 !")


# --- search_keys -------------------------------------------------------------------------


def test_search_text_holds_names_nicknames_and_ids() -> None:
    text = search_keys("张三", ["三哥", ""], "12345678", None, "13800138000", "").text
    assert text.split(SEPARATOR) == ["张三", "三哥", "12345678", "13800138000"]


def test_pinyin_tokens_start_at_every_syllable() -> None:
    pinyin = search_keys("张三", ["三哥"]).pinyin
    tokens = pinyin.split(PINYIN_MARK)[1:]
    assert tokens == ["zhangsan", "zs", "san", "s", "sange", "sg", "ge", "g"]


def test_latin_names_have_no_pinyin_tokens() -> None:
    text, pinyin, lead = search_keys("Alice  Wang", ["Big Al"], "Alice_W1")
    assert text.split(SEPARATOR) == ["alicewang", "bigal", "alice_w1"]
    assert pinyin == lead == ""


def test_search_text_parts_do_not_run_together() -> None:
    # "三" + "13" must not form "三13": a query spanning two parts finds nothing
    text, pinyin, _ = search_keys("张三", [], "13800138000")
    assert normalise_query("三138") not in text
    assert "san138" not in pinyin


def test_pinyin_matches_only_from_a_syllable_start() -> None:
    pinyin = search_keys("张三", []).pinyin
    assert _like(pinyin, like_pinyin("zhang"), raw=True)
    assert _like(pinyin, like_pinyin("san"), raw=True)
    assert not _like(pinyin, like_pinyin("ang"), raw=True)
    assert not _like(pinyin, like_pinyin("ans"), raw=True)


# --- surnames and every reading of the first character(s) ------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("曾小悦", "zeng xiao yue"),
        ("单雄信", "shan xiong xin"),
        ("解缙", "xie jin"),
        ("仇英", "qiu ying"),
        ("朴槿惠", "piao jin hui"),
        ("区小明", "ou xiao ming"),
        ("查良镛", "zha liang yong"),
        ("盖聂", "ge nie"),
        ("乐嘉", "yue jia"),
        ("秘书记", "bi shu ji"),
        ("尉迟恭", "yu chi gong"),
        ("万俟卨", "mo qi xie"),
        ("长孙无忌", "zhang sun wu ji"),
        ("张三", "zhang san"),
        ("乐乐", "le le"),  # a doubled character is a nickname, not a surname
        ("曾经沧海难为水", "ceng jing cang hai nan wei shui"),  # too long for a person's name
        ("Alice  Wang", "alice wang"),
    ],
)
def test_members_sort_under_the_surname_reading(name: str, expected: str) -> None:
    assert sort_key(name) == expected


def test_group_names_keep_the_everyday_reading() -> None:
    assert name_keys("曾小悦")[0] == "ceng xiao yue"


@pytest.mark.parametrize(
    ("name", "queries"),
    [
        ("曾小悦", ["zxy", "zengxiaoyue", "cxy", "cengxiaoyue", "zeng", "xy", "yue"]),
        ("单雄信", ["sxx", "shanxiongxin", "dxx", "chanxiongxin"]),
        ("仇英", ["qy", "qiuying", "chouying"]),
        ("尉迟恭", ["ycg", "yuchigong", "wcg", "weichigong"]),
        ("朴槿惠", ["pjh", "piaojinhui", "pujinhui"]),
    ],
)
def test_every_reading_of_the_first_character_is_searchable(name: str, queries: list[str]) -> None:
    keys = search_keys(name, [])
    for query in queries:
        assert _like(keys.pinyin, like_pinyin(query), raw=True), query


def test_only_the_first_character_has_every_reading() -> None:
    keys = search_keys("张曾", [])  # 曾 is not first here: only its everyday reading
    assert _like(keys.pinyin, like_pinyin("zhangceng"), raw=True)
    assert not _like(keys.pinyin, like_pinyin("zhangzeng"), raw=True)


def test_the_lead_holds_only_the_name_from_its_start() -> None:
    keys = search_keys("曾小悦", ["小悦悦"])
    lead = keys.lead.split(PINYIN_MARK)[1:]
    assert lead == ["zengxiaoyue", "zxy", "cengxiaoyue", "cxy"]
    assert "xiaoyueyue" in keys.pinyin.split(PINYIN_MARK)


def test_pinyin_of_names_equals_pypinyin() -> None:
    from pypinyin import Style, lazy_pinyin

    for name in ("张三", "重庆火锅群", "单于", "长城", "周末夜跑Run", "行长 Li", "欧阳 娜娜"):
        parts = lazy_pinyin(name, style=Style.NORMAL, errors="default")
        expected = tuple(w for p in parts for w in p.lower().split())
        assert syllables(name) == expected, name


# --- matched_field -----------------------------------------------------------------------


IDS = {"qq": "123456789", "wechat_id": "Zeng_XY", "phone": "13800138000", "email": "z@x.cn"}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("123456789", ("qq", "123456789")),
        ("zeng_xy", ("wechat_id", "Zeng_XY")),
        ("13800138000", ("phone", "13800138000")),
        ("小悦", ("name", "曾小悦")),
        ("zxy", ("pinyin", "曾小悦")),
        ("cengxiao", ("pinyin", "曾小悦")),
        ("班长", ("nickname", "三班班长")),
        ("bz", ("nickname", "三班班长")),
        ("12345", ("qq", "123456789")),
        ("zeng_", ("wechat_id", "Zeng_XY")),
        ("0013", ("phone", "13800138000")),
        ("@x", ("email", "z@x.cn")),
        ("nothing", ("", "")),
        ("", ("", "")),
    ],
)
def test_matched_field_says_what_found_the_member(query: str, expected: tuple[str, str]) -> None:
    assert matched_field(query, "曾小悦", ["", "三班班长"], IDS) == expected


def test_normalise_query() -> None:
    assert normalise_query("  Zhang San ") == "zhangsan"
    assert normalise_query("张 三") == "张三"


# --- like_contains -----------------------------------------------------------------------


def _like(value: str, query: str, raw: bool = False) -> bool:
    """Does SQLite's LIKE match ``value``: ``query`` as a contains-pattern, or as given."""
    pattern = query if raw else like_contains(query)
    conn = sqlite3.connect(":memory:")
    try:
        row = conn.execute("SELECT ? LIKE ? ESCAPE '\\'", (value, pattern)).fetchone()
        return bool(row[0])
    finally:
        conn.close()


def test_like_contains_pattern() -> None:
    assert like_contains("abc") == "%abc%"
    assert like_contains("a%b_c\\d") == "%a\\%b\\_c\\\\d%"


@pytest.mark.parametrize(
    ("value", "query", "matches"),
    [
        ("100%_real", "0%_", True),
        ("100abc", "0%_", False),
        ("100abcreal", "0%_r", False),
        ("a_b", "a_b", True),
        ("axb", "a_b", False),
        ("50%", "50%", True),
        ("500", "50%", False),
        ("c:\\path", "c:\\p", True),
        ("c:xpath", "c:\\p", False),
        ("Hello", "ell", True),
    ],
)
def test_like_contains_wildcards_are_literal_in_sqlite(
    value: str, query: str, matches: bool
) -> None:
    assert _like(value, query) is matches


# --- normalise_phone ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    [
        "13800138000",
        "+86 138-0013-8000",
        "+8613800138000",
        "0086 138 0013 8000",
        "0086-13800138000",
        "138 0013 8000",
        " 138-0013-8000 ",
        "(138) 0013 8000",
        "13800138000.0",
    ],
)
def test_normalise_phone_mainland_formats(raw: str) -> None:
    assert normalise_phone(raw) == "13800138000"


def test_normalise_phone_other_numbers() -> None:
    assert normalise_phone("(010) 6552-9988") == "01065529988"
    assert normalise_phone("+1 415 555 0100") == "14155550100"


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_normalise_phone_empty_is_none(raw: str | None) -> None:
    assert normalise_phone(raw) is None


@pytest.mark.parametrize("raw", ["1.38001E+10", "1.38001e+10", "13800138000E0"])
def test_normalise_phone_refuses_spreadsheet_mangled(raw: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_phone(raw)
    message = str(caught.value)
    assert raw in message
    assert "mangled" in message


@pytest.mark.parametrize("raw", ["abc", "123", "+86", "138-0013-800x", "1" * 16])
def test_normalise_phone_refuses_non_numbers(raw: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_phone(raw)
    assert "not a phone number" in str(caught.value)


# --- normalise_qq ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("12345", "12345"),
        (" 123456789 ", "123456789"),
        ("12345678901", "12345678901"),
        ("123 456 789", "123456789"),
        ("123456789.0", "123456789"),
        (None, None),
        ("", None),
    ],
)
def test_normalise_qq(raw: str | None, expected: str | None) -> None:
    assert normalise_qq(raw) == expected


@pytest.mark.parametrize("raw", ["1234", "123456789012", "012345", "12a456", "-12345"])
def test_normalise_qq_refuses_invalid(raw: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_qq(raw)
    assert "QQ number" in str(caught.value)


def test_normalise_qq_refuses_mangled() -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_qq("1.23457E+9")
    assert "mangled" in str(caught.value)


# --- normalise_wechat --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("alice_2024", "alice_2024"),
        ("  Bob-Smith ", "Bob-Smith"),
        ("wxid_abc123", "wxid_abc123"),
        ("a" * 40, "a" * 40),
        ("ndu4", "ndu4"),  # a real short id from a WeChat group tool export
        (None, None),
        ("", None),
    ],
)
def test_normalise_wechat(raw: str | None, expected: str | None) -> None:
    assert normalise_wechat(raw) == expected


@pytest.mark.parametrize("raw", ["abc", "1abcdef", "a" * 41, "alice 2024", "张三abcdef", "al.ice1"])
def test_normalise_wechat_refuses_invalid(raw: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_wechat(raw)
    assert "WeChat id" in str(caught.value)


# --- full-width input (a Chinese input method in full-width mode) ------------------------


def test_full_width_identities_become_ascii() -> None:
    assert normalise_phone("＋８６ １３８－００１３－８０００") == "13800138000"
    assert normalise_qq("１２３４５６７８９") == "123456789"
    assert normalise_qq("１２３４５\u3000６７８９") == "123456789"
    assert normalise_wechat("ａｌｉｃｅ＿２０２４") == "alice_2024"


@pytest.mark.parametrize("raw", ["١٢٣٤٥٦٧٨٩", "१२३४५६७८९"])
def test_digits_of_other_scripts_are_not_a_qq_number(raw: str) -> None:
    with pytest.raises(ValidationError):
        normalise_qq(raw)
    with pytest.raises(ValidationError):
        normalise_phone(raw)

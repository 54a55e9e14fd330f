"""The QQ message manager's TXT in the shapes real exports take: names with parentheses and
titles, ``name<email>`` senders, messages of several lines, GB18030, several chats a file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.io.chats import ChatEvent, ChatMessage, detect, list_chats, read_chat
from tests.io.chats.shared import ZONE

TITLE = (
    "消息记录（此消息记录为文本格式，不支持重新导入）\r\n\r\n"
    "================================================================\r\n"
    "消息分组:我的QQ群\r\n"
    "================================================================\r\n"
    "消息对象:{name}\r\n"
    "================================================================\r\n\r\n"
)


def _write(path: Path, body: str, encoding: str = "utf-8-sig", chat: str = "读书会") -> Path:
    path.write_bytes((TITLE.format(name=chat) + body).encode(encoding))
    return path


def _read(path: Path) -> list[ChatMessage | ChatEvent]:
    assert detect([path]) == "qq-txt"
    (chat,) = list_chats([path])
    return list(read_chat(chat, zone=ZONE))


def test_the_qq_number_is_the_last_parentheses_and_titles_give_roles(tmp_path: Path) -> None:
    body = (
        "2026-06-15 08:00:19 张三(小张)(12345678)\r\n大家好\r\n\r\n"
        "2026-06-15 08:01:00 【管理员】李四（北京）(87654321)\r\n收到\r\n\r\n"
        "2026-06-15 08:02:00 【群主】王五(55555)\r\n[图片]\r\n\r\n"
        "2026-06-15 08:03:00 【活跃】赵六(66666)\r\n[表情]\r\n\r\n"
    )
    records = _read(_write(tmp_path / "chat.txt", body))
    assert [(m.sender_id, m.sender_name, m.sender_role, m.kind) for m in records] == [
        ("12345678", "张三(小张)", "", "text"),
        ("87654321", "李四（北京）", "admin", "text"),
        ("55555", "王五", "owner", "image"),
        ("66666", "赵六", "", "sticker"),
    ]
    assert records[0].sent_at == datetime(2026, 6, 15, 0, 0, 19)  # 08:00:19 in Shanghai


def test_senders_known_by_email_are_read(tmp_path: Path) -> None:
    body = "2026-06-15 09:00:00 小明<xiaoming@example.com>\r\n早上好\r\n\r\n"
    (message,) = _read(_write(tmp_path / "chat.txt", body))
    assert isinstance(message, ChatMessage)
    assert (message.sender_id, message.sender_name) == ("xiaoming@example.com", "小明")


def test_a_message_of_several_lines_is_one_message(tmp_path: Path) -> None:
    body = (
        "2026-06-15 09:00:00 小明(10001)\r\n第一行\r\n\r\n第三行\r\n"
        "2024-06-01 19:30 见面会改到这个时间了\r\n\r\n"
        "2026-06-15 09:05:00 小红(10002)\r\n好的\r\n\r\n"
    )
    first, second = _read(_write(tmp_path / "chat.txt", body))
    assert isinstance(first, ChatMessage) and isinstance(second, ChatMessage)
    assert first.text == "第一行\n\n第三行\n2024-06-01 19:30 见面会改到这个时间了"
    assert (second.sender_id, second.text) == ("10002", "好的")


def test_a_gb18030_export_with_system_lines(tmp_path: Path) -> None:
    body = (
        "2026-06-15 09:00:00 𠮷野家(10001)\r\n链接 https://example.com/a\r\n\r\n"
        "2026-06-15 09:01:00 系统消息(10000)\r\n小红 加入了群聊\r\n\r\n"
        "2026-06-15 09:02:00 系统消息(10000)\r\n小明 被移出群聊\r\n\r\n"
        "2026-06-15 09:03:00 系统消息(10000)\r\n小刚 退出了群聊\r\n\r\n"
        "2026-06-15 09:04:00 系统消息(10000)\r\n小红 撤回了一条消息\r\n\r\n"
    )
    records = _read(_write(tmp_path / "chat.txt", body, "gb18030"))
    message, *events = records
    assert isinstance(message, ChatMessage)
    assert message.sender_name == "𠮷野家" and message.has_link  # beyond GBK, kept
    assert [(e.kind, e.member_name) for e in events if isinstance(e, ChatEvent)] == [
        ("join", "小红"), ("removed", "小明"), ("leave", "小刚"), ("recall", "小红"),
    ]  # fmt: skip


def test_a_utf8_export_without_bom_and_with_lf_lines(tmp_path: Path) -> None:
    body = "2026-06-15 09:00:00 小明(10001)\n你好\n\n"
    path = tmp_path / "chat.txt"
    path.write_text(TITLE.format(name="群").replace("\r\n", "\n") + body, encoding="utf-8")
    (message,) = _read(path)
    assert isinstance(message, ChatMessage) and message.text == "你好"


def test_an_export_of_several_chats_lists_each(tmp_path: Path) -> None:
    first = TITLE.format(name="甲群") + "2026-06-15 09:00:00 小明(10001)\r\n甲\r\n\r\n"
    second = TITLE.format(name="乙群") + (
        "2026-06-15 10:00:00 小红(10002)\r\n乙\r\n\r\n"
        "2026-06-15 10:01:00 小红(10002)\r\n乙二\r\n\r\n"
    )
    path = tmp_path / "all.txt"
    path.write_bytes((first + second).encode("utf-8-sig"))
    chats = list_chats([path])
    assert [c.name for c in chats] == ["甲群", "乙群"]
    texts = [[m.text for m in read_chat(c, zone=ZONE) if isinstance(m, ChatMessage)] for c in chats]
    assert texts == [["甲"], ["乙", "乙二"]]


NAME_CHARS = st.sampled_from(list("张三李四王五小明()（）【】-_ 𠮷ab1"))


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    name=st.text(NAME_CHARS, min_size=1, max_size=12).filter(lambda s: s.strip() == s and s),
    qq=st.integers(10_001, 99_999_999_999),  # 10000 is the system's
    lines=st.lists(st.text(st.sampled_from(list("你好ab 1")), max_size=8), min_size=1, max_size=4),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
def test_any_name_and_text_read_back(
    tmp_path: Path, name: str, qq: int, lines: list[str], encoding: str
) -> None:
    text = "\r\n".join(lines).strip()
    body = f"2026-06-15 09:00:00 {name}({qq})\r\n{text}\r\n\r\n"
    body += "2026-06-15 09:05:00 收尾(10002)\r\n完\r\n\r\n"
    first, last = _read(_write(tmp_path / "chat.txt", body, encoding))
    assert isinstance(first, ChatMessage) and isinstance(last, ChatMessage)
    assert first.sender_id == str(qq)
    title = name.startswith("【") and "】" in name
    if not title:
        assert first.sender_name == name.strip()
    assert first.text == text.replace("\r\n", "\n")
    assert last.text == "完"

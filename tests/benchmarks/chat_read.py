"""Reading a big chat export (issue #18): a Telegram ``result.json`` of 1,000,000 messages from
5,000 senders, read by ``app.io.chats`` against streaming the same file with ijson alone.

Each side runs in a fresh process that reports its time and VmHWM: the baseline only counts
the ``messages.item`` values ijson yields (``ijson.items``, its default settings); ours
detects the format, lists the chat and reads every record (``read_chat``). Memory must not
grow with the file: the target is a peak under 300 MB (the file is about 300 MB).

    python -m tests.benchmarks.chat_read FILE baseline|ours   # the child: prints JSON
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from random import Random

from tests.benchmarks.common import REPO, Bench, Row, log, median, peak_rss_mb

MEMORY_TARGET_MB = 300.0
SENDERS = 5_000
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
_GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕鑫彬鹏辉斌宇浩凯"
_TEXTS = ("周末有空的举手", "同意楼上", "大家晚上好", "收到", "新人报到，请多关照", "哈哈哈哈",
          "这条路线太美了，下次还去", "几点集合？", "谢谢群主！", "已报名")  # fmt: skip


def telegram_export(path: Path, messages: int, seed: int = 18) -> Path:
    """A one-supergroup Telegram Desktop export of ``messages`` messages, written streaming."""
    rng = Random(seed)
    names = [
        rng.choice(_SURNAMES) + "".join(rng.choices(_GIVEN, k=rng.randint(1, 2)))
        for _ in range(SENDERS)
    ]
    ids = [rng.randrange(100_000_000, 8_000_000_000) for _ in range(SENDERS)]
    start = 1_750_000_000
    step = 365 * 86_400 / messages
    with path.open("w", encoding="utf-8") as fh:
        fh.write('{\n "name": "城市骑行俱乐部",\n "type": "private_supergroup",\n')
        fh.write(' "id": 434578991,\n "messages": [\n')
        for n in range(1, messages + 1):
            who = min(int(rng.paretovariate(1.2)) - 1, SENDERS - 1)
            unix = int(start + n * step)
            message: dict[str, object] = {
                "id": n,
                "type": "message",
                "date": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(unix + 8 * 3600)),
                "date_unixtime": str(unix),
                "from": names[who],
                "from_id": f"user{ids[who]}",
            }
            roll = rng.random()
            if roll < 0.01:
                message = {
                    "id": n, "type": "service", "date": message["date"],
                    "date_unixtime": str(unix), "actor": names[who],
                    "actor_id": f"user{ids[who]}", "action": "join_group_by_link",
                    "inviter": "Group", "text": "", "text_entities": [],
                }  # fmt: skip
            elif roll < 0.12:
                message |= {"photo": "(File not included.)", "width": 1280, "height": 960}
                message |= {"text": "", "text_entities": []}
            elif roll < 0.2:
                message |= {"file": "(File not included.)", "media_type": "sticker"}
                message |= {"sticker_emoji": "👍", "text": "", "text_entities": []}
            elif roll < 0.28:
                link = f"https://www.zhihu.com/question/{rng.randrange(10**9)}"
                message["text"] = ["推荐看看 ", {"type": "link", "text": link}]
                message["text_entities"] = [
                    {"type": "plain", "text": "推荐看看 "},
                    {"type": "link", "text": link},
                ]
            else:
                text = rng.choice(_TEXTS)
                if roll < 0.4:
                    message["reply_to_message_id"] = max(1, n - rng.randint(1, 50))
                message["text"] = text
                message["text_entities"] = [{"type": "plain", "text": text}]
            fh.write("  " + json.dumps(message, ensure_ascii=False))
            fh.write(",\n" if n < messages else "\n")
        fh.write(" ]\n}\n")
    return path


def _child(path: Path, side: str) -> dict[str, float]:
    began = time.perf_counter()
    count = 0
    if side == "baseline":
        import ijson

        with path.open("rb") as fh:
            for _ in ijson.items(fh, "messages.item"):
                count += 1
        backend = ijson.backend
    else:
        from app.io.chats import IJSON_BACKEND, detect, list_chats, read_chat

        (chat,) = list_chats([path], detect([path]))
        for _ in read_chat(chat):
            count += 1
        backend = IJSON_BACKEND
    seconds = time.perf_counter() - began
    return {"seconds": seconds, "peak_mb": peak_rss_mb(), "records": count, "backend": backend}  # type: ignore[dict-item]


def _run(path: Path, side: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "tests.benchmarks.chat_read", str(path), side],
        cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def measure_chat_read(bench: Bench) -> list[Row]:
    """Read time and peak memory of the big export, ours and ijson alone, medians."""
    messages = 1_000_000 if bench.members >= 100_000 else bench.members * 5
    path = bench.cache / f"telegram-{messages}.json"
    if not path.exists():
        log(f"chat read: writing a {messages:,}-message Telegram export (once)")
        telegram_export(path.with_suffix(".tmp"), messages).rename(path)
    size_mb = path.stat().st_size / 2**20
    runs: dict[str, list[dict[str, float]]] = {"baseline": [], "ours": []}
    for _ in range(bench.times(3)):
        for side in runs:
            log(f"chat read: {side} in a fresh process")
            runs[side].append(_run(path, side))
    ours, base = runs["ours"], runs["baseline"]
    if ours[0]["records"] < messages * 0.99:
        raise AssertionError(f"{ours[0]['records']:,} records of {messages:,} messages")
    backend = ours[0]["backend"]
    seconds = median([r["seconds"] for r in ours]) * 1000
    base_seconds = median([r["seconds"] for r in base]) * 1000
    peak = max(r["peak_mb"] for r in ours)
    base_peak = max(r["peak_mb"] for r in base)
    note = (
        f"{messages:,} messages from {SENDERS:,} senders, {size_mb:.0f} MB; baseline: ijson "
        f"alone ({backend}) counting the messages"
    )
    return [
        Row(f"chat read: {messages:,}-message Telegram export", seconds, base_seconds,
            "as close to ijson as the records allow", None, note),
        Row("chat read: peak memory (VmHWM)", peak, base_peak, f"< {MEMORY_TARGET_MB:.0f} MB",
            peak < MEMORY_TARGET_MB, f"{size_mb:.0f} MB file, read in a fresh process",
            unit="MB"),
    ]  # fmt: skip


if __name__ == "__main__":
    print(json.dumps(_child(Path(sys.argv[1]), sys.argv[2])))

"""Generated rosters for the speed and kill tests: a QQ group export of any size."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from pathlib import Path
from random import Random

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
    "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯"
    "龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕鑫彬鹏辉斌宇"
    "浩凯健俊帆帅旭宁龙林欣悦雪梅琳晶婷倩颖琪璐瑶露佳慧丹阳波亮宏志峰雷"
)
HEADER = ["序号", "成员", "群名片", "QQ号", "性别", "Q龄", "入群时间", "等级(积分)", "最后发言"]


def qq_export(path: Path, count: int, seed: int = 7, first_qq: int = 100_000_000) -> Path:
    """A GB18030 QQ group export of ``count`` members with distinct QQ numbers."""
    rng = Random(seed)
    start = datetime(2019, 1, 1)
    with path.open("w", encoding="gb18030", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for n in range(count):
            name = rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.randint(1, 2)))
            nick = rng.choice(("", name, f"[管理]{name}", f"北京-{name}"))
            joined = start + timedelta(minutes=rng.randrange(3_000_000))
            spoke = joined + timedelta(minutes=rng.randrange(100_000))
            writer.writerow(
                [n + 1, name, nick if rng.random() < 0.7 else "", first_qq + n * 7,
                 rng.choice("男女") if rng.random() < 0.7 else "未知", f"{rng.randint(1, 19)}年",
                 joined.strftime("%Y/%m/%d %H:%M"), f"LV{rng.randint(1, 99)}",
                 spoke.strftime("%Y/%m/%d %H:%M") if rng.random() < 0.7 else ""]
            )  # fmt: skip
    return path

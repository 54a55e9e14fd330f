"""A QQ group's chat history built for the activity views and imported by the real chat
import: a falling trend, the operator talking, a soul figure, one who went quiet, newcomers
(one silent) and an ad-like message."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from app.core import activity, clock
from tests.core.chat_samples import ME, ChatLog

AD = "加微信 abc12345 领取优惠券"


def today() -> date:
    return clock.local_today()


def story() -> ChatLog:
    mondays = activity.week_starts()
    log = ChatLog()
    for week in range(9, 21):  # the 12 complete weeks before the last 4: 40 a week
        log.say("20001", "王芳", mondays[week], 20)
        log.say("20002", "李雷", mondays[week] + timedelta(days=2), 20)
    for week in range(21, 25):  # the last 4 complete weeks: 10 a week
        log.say("20001", "王芳", mondays[week], 10)
    log.say(ME, "群主", mondays[25], 3)  # the operator, this week
    start = today() - timedelta(days=29)
    log.every_day("20003", "韩梅", start, start + timedelta(days=9), 3)  # a soul figure
    log.join("新人甲", today() - timedelta(days=20))
    log.join("新人乙", today() - timedelta(days=10))
    log.say("30002", "新人乙", today() - timedelta(days=2))
    log.say("20009", "广告哥", today() - timedelta(days=3), text=AD)
    return log


def imported_story(folder: Path) -> int:
    """The story imported into a new group 读书会; its id."""
    return story().imported(folder)

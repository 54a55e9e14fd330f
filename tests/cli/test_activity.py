"""``huoqun activity`` and the activity findings of ``huoqun health --json``, run as a person
would on a chat export imported with ``huoqun import-chat``."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import pytest

from app.core import activity, clock
from tests.cli.test_export import huoqun
from tests.core.chat_samples import ME, ChatLog

KEYS = {
    "group", "members", "messages_30d", "speakers_30d", "speaking_share", "trend", "weekly",
    "soul_figures", "went_quiet", "newcomers_90d", "newcomers_speaking_share", "ad_like_14d",
}  # fmt: skip
AD = "加微信 abc12345 领取优惠券"


@pytest.fixture(scope="module")
def community(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A group whose chat fell below a quarter, with a soul figure, an ad and a quiet member;
    and a group without chat history."""
    folder = tmp_path_factory.mktemp("cli-activity")
    path = folder / "community.db"
    today = clock.local_today()
    mondays = activity.week_starts()
    log = ChatLog(name="读书会")
    for week in range(9, 21):
        log.say("20001", "王芳", mondays[week], 30)
        log.say("20002", "李雷", mondays[week] + timedelta(days=1), 10)  # quiet since
    # since then only 韩梅 (and an ad, and the operator): well under a quarter of 40 a week
    start = today - timedelta(days=29)
    log.every_day("20003", "韩梅", start, start + timedelta(days=7), 3)  # soul figure
    log.say("20004", "赵四", today - timedelta(days=2), text=AD)
    log.say(ME, "群主", today, 2)
    export = log.write(folder / "export")
    made = huoqun("import-chat", str(export), "--me", ME, "--db", str(path))
    assert made.returncode == 0, made.stderr
    return path


def test_activity_json_has_the_issues_keys_for_each_group_with_chat_history(
    community: Path,
) -> None:
    result = huoqun("activity", "--json", "--db", str(community))
    assert result.returncode == 0, result.stderr
    (group,) = json.loads(result.stdout)
    assert set(group) == KEYS
    assert group["group"] == "读书会"
    weekly = group["weekly"]
    since = clock.local_today() - timedelta(days=119)  # the 90 days before the last 30
    assert len(weekly) == 26
    assert weekly[-1]["week_start"] == activity.week_starts()[-1].isoformat()
    assert set(weekly[0]) == {"week_start", "messages", "speakers", "operator_messages"}
    assert weekly[9]["messages"] == 40 and weekly[9]["speakers"] == 2
    assert sum(w["operator_messages"] for w in weekly) == 2
    recent, earlier = (sum(w["messages"] for w in weekly[a:b]) for a, b in ((21, 25), (9, 21)))
    assert group["trend"] == round((recent / 4) / (earlier / 12), 3) < 0.25
    assert [s["name"] for s in group["soul_figures"]] == ["韩梅"]
    quiet = [(q["name"], q["messages_before"]) for q in group["went_quiet"]]
    assert quiet[-1] == ("李雷", 10 * len([m for m in activity.week_starts()[9:21] if m >= since]))
    (ad,) = group["ad_like_14d"]
    assert (ad["name"], ad["excerpt"], ad["violation_logged"]) == ("赵四", AD, False)
    assert {"id", "name"} <= set(group["soul_figures"][0])


def test_activity_of_one_group_and_of_a_group_that_does_not_exist(community: Path) -> None:
    result = huoqun("activity", "--group", "读书会", "--db", str(community))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "读书会"
    assert "Soul figures: 韩梅" in result.stdout
    assert f"赵四: {AD}" in result.stdout
    missing = huoqun("activity", "--group", "没有这个群", "--db", str(community))
    assert missing.returncode == 1 and "没有这个群" in missing.stderr
    assert "Traceback" not in missing.stderr


def test_health_json_carries_the_activity_findings_with_their_params(community: Path) -> None:
    result = huoqun("health", "--json", "--db", str(community))
    assert result.returncode == 0, result.stderr
    (group,) = json.loads(result.stdout)
    found = {f["code"]: f for f in group["findings"]}
    falling = found["activity_falling"]
    assert falling["severity"] == "critical"
    assert 40 <= falling["params"]["earlier"] < 41 and falling["params"]["percent"] < 25
    assert f"{falling['params']['recent']} messages a week" in falling["message"]
    ads = found["ads_standing"]
    assert ads["severity"] == "critical" and ads["params"]["people"] == ["赵四"]
    assert ads["params"]["ads"][0]["excerpt"] == AD
    assert found["soul_figure"]["params"]["people"] == ["韩梅"]

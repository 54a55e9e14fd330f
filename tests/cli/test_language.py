"""The command line speaks the interface language: Settings' language, else the terminal's."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.cli.test_export import huoqun

CJK = re.compile(r"[\u4e00-\u9fff]")
CHINESE_STATUSES = ("健康", "需关注", "濒危")
ENGLISH_STATUSES = ("Healthy", "Needs attention", "Dying")


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample community made by ``huoqun demo``, its language left to the system."""
    path = tmp_path_factory.mktemp("cli-language") / "sample.db"
    result = huoqun("demo", "--db", str(path), "--members", "300", "--groups", "8")
    assert result.returncode == 0, result.stderr
    return path


def with_language(sample: Path, folder: Path, language: str) -> Path:
    """A copy of ``sample`` whose Settings say ``language`` ("" follows the system)."""
    path = folder / f"{language or 'system'}.db"
    shutil.copy(sample, path)
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute(
                "REPLACE INTO setting (key, value) VALUES ('language', ?)", (json.dumps(language),)
            )
    finally:
        conn.close()
    return path


def heads(output: str) -> list[str]:
    """The one line per group of ``huoqun health`` (findings are indented under it)."""
    return [line for line in output.splitlines() if not line.startswith(" " * 6)]


def expected_heads(groups: list[dict[str, object]], words: tuple[str, ...], cell: int) -> list[str]:
    """Score, status in ``words`` padded to a column (a character takes ``cell`` columns), name."""
    by_code = dict(zip(("alive", "attention", "dying"), words, strict=True))
    width = max(cell * len(w) for w in words)
    lines = []
    for g in groups:
        word = by_code[str(g["status"])]
        lines.append(f"{g['score']:3d} {word}{' ' * (width - cell * len(word))} {g['name']}")
    return lines


def test_health_speaks_chinese_when_settings_say_so(sample: Path, tmp_path: Path) -> None:
    path = with_language(sample, tmp_path, "zh_CN")
    data = json.loads(huoqun("health", "--json", "--db", str(path)).stdout)
    result = huoqun("health", "--db", str(path), lang="en_GB.UTF-8")
    assert result.returncode == 0, result.stderr
    assert heads(result.stdout) == expected_heads(data, CHINESE_STATUSES, 2)  # 汉字: 2 columns
    findings = [line.split(None, 1) for line in result.stdout.splitlines() if line[:6] == " " * 6]
    assert findings and {f[0] for f in findings} <= {"严重", "警告", "提示", "良好"}
    assert all(CJK.search(text) for _, text in findings)
    assert not any(w in result.stdout for w in ("Dying", "critical", "No interaction"))


def test_health_json_keeps_codes_in_any_language(sample: Path, tmp_path: Path) -> None:
    path = with_language(sample, tmp_path, "zh_CN")
    result = huoqun("health", "--json", "--db", str(path))
    assert result.returncode == 0, result.stderr
    for group in json.loads(result.stdout):
        assert set(group) == {"group_id", "name", "score", "status", "findings"}
        assert group["status"] in ("alive", "attention", "dying")
        assert {f["severity"] for f in group["findings"]} <= {"critical", "warning", "info", "good"}


def test_health_speaks_english_when_settings_say_so(sample: Path, tmp_path: Path) -> None:
    path = with_language(sample, tmp_path, "en")
    data = json.loads(huoqun("health", "--json", "--db", str(path)).stdout)
    result = huoqun("health", "--db", str(path), lang="zh_CN.UTF-8")
    assert result.returncode == 0, result.stderr
    assert heads(result.stdout) == expected_heads(data, ENGLISH_STATUSES, 1)
    findings = [line.split(None, 1) for line in result.stdout.splitlines() if line[:6] == " " * 6]
    assert findings and {f[0] for f in findings} <= {"critical", "warning", "info", "good"}
    assert not any(CJK.search(text[:6]) for _, text in findings)  # names come later


def test_check_speaks_the_settings_language(sample: Path, tmp_path: Path) -> None:
    chinese = huoqun("check", "--db", str(with_language(sample, tmp_path, "zh_CN")))
    assert chinese.returncode == 0, chinese.stderr
    assert re.fullmatch(
        r".*zh_CN\.db：正常 — 8 个群，300 名成员，\d+ 条群成员关系；还没有备份\n", chinese.stdout
    )
    path = with_language(sample, tmp_path, "en")
    english = huoqun("check", "--db", str(path), lang="zh_CN.UTF-8")
    assert re.fullmatch(
        r".*en\.db: ok — 8 groups, 300 members, \d+ memberships; no backup yet\n", english.stdout
    )


def test_without_a_setting_the_terminal_decides(sample: Path, tmp_path: Path) -> None:
    path = with_language(sample, tmp_path, "")
    chinese = huoqun("check", "--db", str(path), lang="zh_CN.UTF-8")
    assert "：正常 — 8 个群" in chinese.stdout
    english = huoqun("check", "--db", str(path), lang="en_US.UTF-8")
    assert ": ok — 8 groups" in english.stdout


def test_a_refusal_in_the_terminal_language(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = huoqun("health", "--db", str(missing), lang="zh_CN.UTF-8")
    assert result.returncode == 1
    assert result.stderr == f"huoqun: {missing} 不存在，没有可检查的社群。\n"


@pytest.mark.parametrize(
    ("language", "names"),
    [
        ("zh_CN", {"核心", "管理/骨干", "活跃", "普通"}),
        ("en", {"Core", "Helpers", "Active", "Members"}),
    ],
)
def test_the_default_tiers_are_named_in_the_interface_language(
    sample: Path, tmp_path: Path, language: str, names: set[str]
) -> None:
    path = with_language(sample, tmp_path, language)
    out = tmp_path / "roster.csv"
    result = huoqun("export", "roster", str(out), "--columns", "name,tier", "--db", str(path))
    assert result.returncode == 0, result.stderr
    tiers = {line.rsplit(",", 1)[1] for line in out.read_text("utf-8-sig").splitlines()[1:]}
    assert tiers == names


def test_a_stored_title_is_shown_in_the_language_the_command_line_speaks() -> None:
    from app.cli import words

    args = '{"group": "读书会", "member": "张三"}'
    try:
        words.choose("zh_CN")
        assert words.generated("ban.remove", args, "as stored") == "将 张三 移出 读书会"
        assert words.generated("health.no_rules", args, "as stored") == "为 读书会 制定群规"
        assert words.generated("", "", "周五晚话题") == "周五晚话题"
        words.choose("en")
        assert words.generated("ban.remove", args, "as stored") == "Remove 张三 from 读书会"
    finally:
        words.choose("")

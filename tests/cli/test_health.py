"""``huoqun health [--json]``: run as a person would, on a small sample community."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_export import ROOT, huoqun


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample community made by ``huoqun demo``."""
    path = tmp_path_factory.mktemp("cli-health") / "sample.db"
    result = huoqun("demo", "--db", str(path), "--members", "300", "--groups", "8")
    assert result.returncode == 0, result.stderr
    return path


def test_health_json_lists_every_group_worst_first(sample: Path) -> None:
    result = huoqun("health", "--json", "--db", str(sample))
    assert result.returncode == 0, result.stderr
    groups = json.loads(result.stdout)
    assert groups and len(groups) <= 8
    assert [g["score"] for g in groups] == sorted(g["score"] for g in groups)
    for group in groups:
        assert set(group) == {"group_id", "name", "score", "status", "findings"}
        assert group["status"] in ("alive", "attention", "dying")
        assert 0 <= group["score"] <= 100
        for finding in group["findings"]:
            assert set(finding) == {"code", "severity", "message", "params"}
            assert finding["severity"] in ("critical", "warning", "info", "good")
            assert "{" not in finding["message"]


def test_health_text_has_a_line_per_group_then_its_findings(sample: Path) -> None:
    data = json.loads(huoqun("health", "--json", "--db", str(sample)).stdout)
    result = huoqun("health", "--db", str(sample))
    assert result.returncode == 0, result.stderr
    heads = [line for line in result.stdout.splitlines() if not line.startswith(" " * 6)]
    words = {"alive": "Healthy", "attention": "Needs attention", "dying": "Dying"}
    assert heads == [f"{g['score']:3d} {words[g['status']]:<15} {g['name']}" for g in data]
    first = data[0]
    for finding in first["findings"]:
        assert finding["message"] in result.stdout


def test_health_of_a_missing_database_is_a_user_error(tmp_path: Path) -> None:
    result = huoqun("health", "--db", str(tmp_path / "none.db"))
    assert result.returncode == 1
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_a_reader_that_stops_early_gets_no_traceback(tmp_path: Path) -> None:
    """`huoqun health --json | head -c 100`: the command ends quietly when the pipe closes."""
    db = tmp_path / "many.db"
    assert huoqun("demo", "--db", str(db), "--members", "600", "--groups", "200").returncode == 0
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    with subprocess.Popen(
        [sys.executable, "-m", "app", "health", "--json", "--db", str(db)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    ) as process:  # fmt: skip
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.read(100).startswith(b"[")
        process.stdout.close()  # more than a pipe's buffer is still to come
        errors = process.stderr.read().decode()
        process.wait(timeout=120)
    assert "Traceback" not in errors and "BrokenPipe" not in errors, errors
    assert process.returncode == 1

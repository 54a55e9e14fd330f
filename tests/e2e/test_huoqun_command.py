"""The installed ``huoqun`` command end to end, each step in its own process, as an operator
runs it: a demo community, a real QQ export imported into it, that group exported, health.

The command is the one ``pip install`` put on the PATH (the README's first lines; CI installs
it into its virtual environment).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from tests.conftest import SHARED_DATA

QQ_EXPORT = SHARED_DATA / "rosters" / "qq-group-export-gbk.csv"


def huoqun(*args: str, db: Path) -> subprocess.CompletedProcess[str]:
    command = shutil.which("huoqun")
    assert command, "the huoqun command is not installed: pip install -e . (README)"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANGUAGE": "en", "LANG": "C.UTF-8"}
    done = subprocess.run(
        [command, "--db", str(db), *args], capture_output=True, text=True, env=env, timeout=600
    )
    assert done.returncode == 0, f"huoqun {' '.join(args)}: {done.stderr}"
    return done


def test_demo_import_export_and_health_through_the_installed_command(tmp_path: Path) -> None:
    db = tmp_path / "community.db"
    huoqun("demo", "--members", "2000", "--groups", "12", db=db)
    with closing(sqlite3.connect(db)) as conn:
        members_before = conn.execute("SELECT COUNT(*) FROM member").fetchone()[0]
    assert members_before >= 2000

    with QQ_EXPORT.open(encoding="gb18030", newline="") as fh:
        rows = list(csv.DictReader(fh))
    imported = huoqun("import", str(QQ_EXPORT), "--group", "读书会3群", db=db)
    assert str(len(rows)) in imported.stdout  # the counts it reports
    with closing(sqlite3.connect(db)) as conn:
        in_group = conn.execute(
            "SELECT COUNT(*) FROM membership JOIN chat_group g ON g.id = group_id"
            " WHERE g.name = '读书会3群'"
        ).fetchone()[0]
        qq_numbers = {
            row[0]
            for row in conn.execute(
                "SELECT m.qq FROM member m JOIN membership ms ON ms.member_id = m.id"
                " JOIN chat_group g ON g.id = ms.group_id WHERE g.name = '读书会3群'"
            )
        }
    assert in_group == len(rows)
    assert qq_numbers == {row["QQ号"] for row in rows}

    out = tmp_path / "读书会3群.csv"
    huoqun("export", "roster", str(out), "--group", "读书会3群", db=db)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        exported = list(csv.reader(fh))
    assert len(exported) == len(rows) + 1  # the header, then one row per member
    exported_qq = {cell for line in exported[1:] for cell in line if cell in qq_numbers}
    assert exported_qq == qq_numbers

    health = json.loads(huoqun("health", "--json", db=db).stdout)
    names = [group["name"] for group in health]  # worst first
    assert "读书会3群" in names
    assert len(names) == 13  # the demo's 12 groups and the imported one

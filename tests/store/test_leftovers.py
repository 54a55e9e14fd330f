"""What a killed backup or export leaves behind is removed at the next start, and only that."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

from app.core import groups, members, memberships
from app.core.database import open_community
from app.store import leftovers
from app.store.database import close_database
from app.store.models import db

REPO = Path(__file__).resolve().parents[2]


def killed(script: str, db_path: Path, tmpdir: Path) -> None:
    """Run ``script`` in a Python that opens ``db_path`` and dies by SIGKILL in the middle."""
    prelude = (
        "import os, signal, sys\n"
        "from pathlib import Path\n"
        "from app.core import clock\n"
        "from app.core.database import open_community\n"
        f"open_community(Path({str(db_path)!r}))\n"
        "def die(*_):\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmpdir)}
    result = subprocess.run(
        [sys.executable, "-c", prelude + script], cwd=REPO, env=env, timeout=120
    )
    assert result.returncode == -signal.SIGKILL


def community(path: Path, people: int = 40) -> None:
    close_database()
    open_community(path)
    group = groups.create_group("读书会")
    for i in range(people):
        member = members.create_member(f"成员{i:03d}", phone=f"1380013{i:04d}")
        memberships.add_membership(member.id, group.id)
    close_database()


def test_a_backup_killed_midway_leaves_a_copy_the_next_start_removes(tmp_path: Path) -> None:
    path = tmp_path / "live" / "huoqun.db"
    community(path)
    # killed after the backup API wrote every page, while the copy is being checked
    killed(
        "from app.store import backup\nbackup.quick_check = die\n"
        "backup.make_backup('manual', clock.now())\n",
        path,
        tmp_path,
    )
    folder = path.parent / "backups"
    left = sorted(p.name for p in folder.iterdir())
    assert len(left) == 2 and left[0].startswith(".huoqun-") and left[0].endswith(".db.partial")
    assert left[1] == left[0] + ".owner"  # the lock its writer held
    assert b"13800130001" in (folder / left[0]).read_bytes()  # a full copy of personal data
    open_community(path)  # the next start
    assert list(folder.iterdir()) == []


def test_a_backup_to_out_killed_midway_is_removed_at_the_next_start(tmp_path: Path) -> None:
    path = tmp_path / "live" / "huoqun.db"
    community(path)
    usb = tmp_path / "usb"
    usb.mkdir()
    killed(
        "from app.store import backup\nbackup.quick_check = die\n"
        f"backup.back_up_file(Path({str(path)!r}), clock.now(), Path({str(usb / 'copy.db')!r}))\n",
        path,
        tmp_path,
    )
    assert sorted(p.name for p in usb.iterdir()) == [".copy.db.partial", ".copy.db.partial.owner"]
    own = [p for p in path.parent.iterdir() if p.name.endswith(".pending")]
    assert len(own) == 1 and own[0].name.startswith("huoqun.db.")  # its list, beside the database
    open_community(path)  # the next start (or an erase) reads that list
    assert list(usb.iterdir()) == []
    assert not own[0].exists()


HOLDER = """
import sys
from pathlib import Path
from app.store import leftovers
partial, registry = Path(sys.argv[1]), sys.argv[2]
with leftovers.owned(partial), leftovers.tracked(partial, Path(registry) if registry else None):
    partial.write_bytes(b"being written")
    print("writing", flush=True)
    sys.stdin.read()
"""


def test_a_backup_another_process_is_writing_is_spared_until_it_dies(tmp_path: Path) -> None:
    path = tmp_path / "live" / "huoqun.db"
    community(path, people=1)
    in_folder = path.parent / "backups" / ".huoqun-20260314-093000-manual.db.partial"
    in_folder.parent.mkdir()
    elsewhere = tmp_path / "usb" / ".copy.db.partial"
    elsewhere.parent.mkdir()
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(partial), registry],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        for partial, registry in (
            (in_folder, ""),
            (elsewhere, str(leftovers.own_registry_for(path))),
        )
    ]
    try:
        assert [w.stdout.readline() for w in writers] == ["writing\n"] * 2  # type: ignore[union-attr]
        open_community(path)  # a window starting meanwhile
        assert in_folder.exists() and elsewhere.exists()
        close_database()
    finally:
        for writer in writers:
            writer.kill()
            writer.communicate()  # waits, and closes its pipes
    open_community(path)
    assert not in_folder.exists() and not elsewhere.exists()
    assert list(in_folder.parent.iterdir()) == [] and list(elsewhere.parent.iterdir()) == []
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".pending")] == []


def test_an_export_killed_midway_leaves_files_the_next_start_removes(tmp_path: Path) -> None:
    path = tmp_path / "live" / "huoqun.db"
    community(path)
    exports = tmp_path / "exports"
    exports.mkdir()
    system_temp = tmp_path / "system-temp"
    system_temp.mkdir()
    # killed while the XLSX streams its sheet, after the first page of rows
    killed(
        "from app.core import roster_export as r\n"
        "ids = r.member_ids_for()\n"
        f"r.export_roster(Path({str(exports / 'roster.xlsx')!r}), ids, r.default_columns(),"
        " 'xlsx', progress=die)\n",
        path,
        system_temp,
    )
    left = sorted(p.name for p in exports.iterdir())
    assert len(left) == 2 and all(n.startswith(".roster.xlsx.") for n in left), left
    assert any(n.endswith(".sheet.part") for n in left)  # openpyxl's sheet, beside the target
    assert list(system_temp.iterdir()) == []  # not in the system's temp folder
    registry = leftovers.registry_for(path)
    listed = {Path(json.loads(line)).name for line in registry.read_text().splitlines()}
    assert listed == set(left)
    open_community(path)
    assert list(exports.iterdir()) == []
    assert not registry.exists()


def test_the_sweep_removes_huoqun_names_only(tmp_path: Path) -> None:
    path = tmp_path / "live" / "huoqun.db"
    community(path, people=1)
    folder = path.parent / "backups"
    folder.mkdir()
    ours = [
        folder / ".huoqun-20260314-093000-daily.db.partial",
        folder / ".huoqun-20260314-093000-daily.db.partial-journal",
    ]
    theirs = [
        folder / ".other-20260314-093000-daily.db.partial",  # another database's, same folder
        folder / ".notes.partial",
        folder / "huoqun-20260314-093000-daily.db",  # a finished backup
        path.parent / ".huoqun-20260314-093000-daily.db.partial",  # not in the backups folder
    ]
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    listed_temp = elsewhere / ".roster.csv.0123456789ab.part"
    listed_other = elsewhere / "important.txt"  # listed, but not a name Huoqun gives
    ours.append(listed_temp)
    theirs.append(listed_other)
    for file in ours + theirs:
        file.write_bytes(b"data")
    registry = leftovers.registry_for(path)
    registry.write_text(
        "".join(json.dumps(str(p)) + "\n" for p in (listed_temp, listed_other)) + '"cut sh'
    )
    open_community(path)
    assert [p for p in ours if p.exists()] == []
    assert [p for p in theirs if not p.exists()] == []
    assert not registry.exists()


def test_the_sweep_spares_what_this_process_is_writing(database: Path) -> None:
    partial = database.parent / "backups" / ".huoqun-20260314-093000-daily.db.partial"
    partial.parent.mkdir()
    export_temp = leftovers.temp_path(database.parent / "roster.csv")
    registry = leftovers.registry_for(Path(db.database))
    with leftovers.tracked(partial), leftovers.tracked(export_temp, registry):
        partial.write_bytes(b"being written")
        export_temp.write_bytes(b"being written")
        assert leftovers.sweep(database) == []
        assert partial.exists() and export_temp.exists() and registry.exists()
    assert not partial.exists() and not export_temp.exists() and not registry.exists()

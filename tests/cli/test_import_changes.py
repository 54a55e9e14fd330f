"""``huoqun import`` says what changed since the group's last roster (issue #19): a first
roster says so; a dry run says what would change; the import says it with member ids."""

from __future__ import annotations

import re
from pathlib import Path

from tests.cli.test_import import ROSTERS, dump, huoqun

FIRST, LATER = ROSTERS / "qq-group-export-gbk.csv", ROSTERS / "qq-group-export-later-gbk.csv"
SINCE = re.compile(r"^since the roster of \d{4}-\d\d-\d\d \d\d:\d\d: (.*)$")


def line(stdout: str, start: str) -> str:
    (found,) = [x for x in stdout.splitlines() if x.startswith(start)]
    return found


def test_the_first_roster_then_what_the_later_one_changes(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    first = huoqun("import", str(FIRST), "--group", "摄影群", "--db", db)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[-1] == "first roster of this group; went quiet 0"

    before = dump(Path(db))
    dry = huoqun("import", str(LATER), "--group", "摄影群", "--dry-run", "--db", db)
    assert dry.returncode == 0, dry.stderr
    counts = SINCE.match(line(dry.stdout, "since the roster of"))
    assert counts is not None
    assert counts.group(1) == "joined 15, left 20, came back 0, went quiet 0"
    joined = line(dry.stdout, "joined: ").removeprefix("joined: ").split(", ")
    assert len(joined) == 15 and all(name.endswith(" (new)") for name in joined)
    assert len(line(dry.stdout, "left: ").split(", ")) == 20
    assert dry.stdout.splitlines()[-1] == "dry run: nothing was written."
    assert dump(Path(db)) == before

    real = huoqun("import", str(LATER), "--group", "摄影群", "--db", db)
    assert real.returncode == 0, real.stderr
    assert SINCE.match(line(real.stdout, "since the roster of")).group(1) == (  # type: ignore[union-attr]
        "joined 15, left 20, came back 0, went quiet 0"
    )
    joined = line(real.stdout, "joined: ").removeprefix("joined: ").split(", ")
    assert all(re.fullmatch(r".+ \(#\d+\)", name) for name in joined)

    back = huoqun("import", str(FIRST), "--group", "摄影群", "--db", db)
    assert SINCE.match(line(back.stdout, "since the roster of")).group(1) == (  # type: ignore[union-attr]
        "joined 0, left 15, came back 20, went quiet 0"
    )
    assert len(line(back.stdout, "came back: ").split(", ")) == 20

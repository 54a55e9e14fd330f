"""Fuzzing the roster readers: random bytes and mutations of every shared roster file.

Every outcome is either rows (and a dry run over them) or one refusal message; never another
exception, and never a write to the database. The normal run tries a few hundred files in a
few seconds; ``HYPOTHESIS_PROFILE=long python -m pytest tests/io/test_roster_fuzz.py`` tries
many thousands.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core import roster_import
from app.core.errors import HuoqunError
from app.io.errors import FileRefused
from app.io.rosters.file import read_roster
from app.io.rosters.presets import auto_mapping, detect_preset
from app.store.database import db
from tests.conftest import SHARED_DATA

SAMPLES = sorted(p for p in (SHARED_DATA / "rosters").rglob("*") if p.is_file())
SUFFIXES = (".csv", ".tsv", ".xlsx", ".txt")

settings.register_profile(
    "default",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))


@st.composite
def mutated(draw: st.DrawFn) -> tuple[bytes, str]:
    """A shared roster file, changed the ways files get damaged, and the name it goes by."""
    sample = draw(st.sampled_from(SAMPLES))
    data = bytearray(sample.read_bytes())
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["truncate", "flip", "nul", "separator", "swap", "splice"]))
        where = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "truncate":
            del data[where:]
        elif kind == "flip" and data:
            data[where] ^= 1 << draw(st.integers(0, 7))
        elif kind == "nul":
            data[where:where] = b"\x00"
        elif kind == "separator":
            data[where:where] = draw(st.sampled_from([b",", b"\t", b";", b'"', b"\r\n", b"\n"]))
        elif kind == "swap":
            data = bytearray(_swap_encoding(bytes(data), draw(st.integers(0, 3))))
        elif kind == "splice":
            data[where:where] = draw(st.binary(max_size=64))
    suffix = draw(st.sampled_from([sample.suffix, *SUFFIXES]))
    return bytes(data), suffix


def _swap_encoding(data: bytes, choice: int) -> bytes:
    """The text re-encoded as another encoding would write it (when it reads as text)."""
    for source in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(source)
        except UnicodeDecodeError:
            continue
        target = ("utf-8", "gb18030", "utf-16", "utf-8-sig")[choice]
        return text.encode(target, errors="replace")
    return data


def _changes() -> int:
    return int(db.execute_sql("SELECT total_changes()").fetchone()[0])


def _read_and_preview(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"roster{suffix}"
        path.write_bytes(data)
        before = _changes()
        try:
            roster = read_roster(path)
            preset = detect_preset(roster.headers)
            mapping = auto_mapping(roster.headers, preset)
            roster_import.preview(roster, mapping, "模糊测试群", preset=preset)
        except (HuoqunError, FileRefused) as refusal:
            message = str(refusal)
            assert message.strip(), "a refusal with no words"
            assert "\n" not in message, f"a refusal over several lines: {message!r}"
            assert "Traceback" not in message
        assert _changes() == before, "reading or a dry run wrote to the database"


@given(mutated())
def test_mutated_roster_files_are_read_or_refused_in_one_message(case: tuple[bytes, str]) -> None:
    _read_and_preview(*case)


@given(st.binary(max_size=4096), st.sampled_from(SUFFIXES))
def test_random_bytes_are_read_or_refused_in_one_message(data: bytes, suffix: str) -> None:
    _read_and_preview(data, suffix)

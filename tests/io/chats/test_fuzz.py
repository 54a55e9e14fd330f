"""Fuzzing the chat readers: every shared export cut short or with bytes changed, and random
bytes. Every outcome is records or one ``ChatExportError``; never another exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.io.chats import ChatExportError, list_chats, read_chat
from tests.io.chats.shared import CHATS, ZONE

SAMPLES = sorted(p for p in CHATS.rglob("*") if p.is_file() and p.name != "README.md")
FUZZ = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _read_or_refuse(path: Path) -> None:
    try:
        for chat in list_chats([path]):
            for _ in read_chat(chat, zone=ZONE):
                pass
    except ChatExportError as exc:
        assert "\n" not in str(exc)


@FUZZ
@given(
    sample=st.sampled_from(SAMPLES),
    cut=st.floats(0.0, 1.0),
    changes=st.lists(st.tuples(st.floats(0.0, 1.0), st.integers(0, 255)), max_size=8),
)
def test_a_damaged_export_is_read_or_refused(
    sample: Path, cut: float, changes: list[tuple[float, int]]
) -> None:
    data = bytearray(sample.read_bytes())
    for where, byte in changes:
        data[int(where * (len(data) - 1))] = byte
    data = data[: max(1, int(len(data) * cut))] if cut < 1 else data
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / sample.name
        path.write_bytes(bytes(data))
        _read_or_refuse(path)


@FUZZ
@given(st.binary(min_size=1, max_size=2000))
def test_random_bytes_are_refused_or_read(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.json"
        path.write_bytes(data)
        _read_or_refuse(path)

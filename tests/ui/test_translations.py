"""Both languages are complete: every visible string has a finished Chinese translation."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
import update_translations  # noqa: E402

TS = ROOT / "resources" / "i18n" / "huoqun_zh_CN.ts"
TS_EN = ROOT / "resources" / "i18n" / "huoqun_en.ts"
ALL_TS = [TS, TS_EN]
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%n|%\d")


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    root = ET.parse(ts).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def translation_texts(message: ET.Element) -> list[str]:
    node = message.find("translation")
    assert node is not None
    forms = [f.text or "" for f in node.iter("numerusform")]
    return forms or [node.text or ""]


@pytest.mark.parametrize("ts", ALL_TS, ids=lambda p: p.name)
def test_every_message_is_translated(ts: Path) -> None:
    unfinished = []
    for (context, source), message in messages(ts).items():
        node = message.find("translation")
        texts = translation_texts(message)
        if node is None or node.get("type") in ("unfinished", "vanished", "obsolete"):
            unfinished.append(f"{context}: {source}")
        elif not all(t.strip() for t in texts):
            unfinished.append(f"{context}: {source} (empty)")
    assert not unfinished, "untranslated:\n" + "\n".join(unfinished)


@pytest.mark.parametrize("ts", ALL_TS, ids=lambda p: p.name)
def test_translations_keep_placeholders(ts: Path) -> None:
    wrong = []
    for (context, source), message in messages(ts).items():
        wanted = sorted(set(PLACEHOLDER.findall(source)))
        for text in translation_texts(message):
            if sorted(set(PLACEHOLDER.findall(text))) != wanted:
                wrong.append(f"{context}: {source!r} → {text!r}")
    assert not wrong, "placeholders differ:\n" + "\n".join(wrong)


def test_every_source_string_is_in_the_ts_file(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh_zh_CN.ts"
    subprocess.run(
        ["pyside6-lupdate", *update_translations.sources(), "-ts", str(fresh)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    found = messages(fresh)
    missing = sorted(set(found) - set(messages(TS)))
    plurals = {key for key, message in found.items() if message.get("numerus") == "yes"}
    missing += sorted(plurals - set(messages(TS_EN)))
    assert not missing, (
        "run `python packaging/update_translations.py` and translate:\n"
        + "\n".join(f"{c}: {s}" for c, s in missing)
    )


@pytest.mark.parametrize("ts", ALL_TS, ids=lambda p: p.name)
def test_qm_is_up_to_date(ts: Path, tmp_path: Path) -> None:
    qm = tmp_path / "check.qm"
    update_translations.lrelease(ts, qm)
    assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), (
        "resources/i18n/*.qm is stale: run `python packaging/update_translations.py`"
    )


@pytest.mark.usefixtures("qapp")
def test_compiled_translation_loads_and_translates() -> None:
    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        assert QCoreApplication.translate("SettingsPanel", "Settings") == "设置"
        assert QCoreApplication.translate("Labels", "WeChat") == "微信"
    finally:
        app.removeTranslator(translator)

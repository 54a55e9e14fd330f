"""Exporting from the Members panel: the dialog's choices reach the file."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from app.core import groups, members, memberships
from app.ui.jobs import _RUNNING
from app.ui.members.export_dialog import ExportDialog
from app.ui.members.panel import MembersPanel

pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


@pytest.fixture
def community() -> dict[str, int]:
    club = groups.create_group("读书会", "wechat", "interest")
    ids = {}
    for name, phone in (("张三", "13800138000"), ("李四", "13900139000"), ("王五", None)):
        member = members.create_member(name, phone=phone)
        memberships.add_membership(member.id, club.id, nickname=f"{name}-北京")
        ids[name] = member.id
    ids["club"] = club.id
    return ids


def export_with(qtbot: Any, dialog: ExportDialog, target: Path) -> None:
    dialog.choose_path = lambda _suggested: str(target)  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _RUNNING and dialog.result() != 0, timeout=10_000)


def test_csv_of_the_selection_with_masked_phones(qtbot: Any, community, tmp_path: Path) -> None:
    dialog = ExportDialog(
        [community["张三"], community["李四"], community["王五"]],
        [community["张三"], community["李四"]],
        [community["club"]],
    )
    qtbot.addWidget(dialog)
    assert dialog.selected_radio.isChecked()  # a selection of several is what is meant
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    target = tmp_path / "名单"
    export_with(qtbot, dialog, target)
    written = tmp_path / "名单.csv"
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.written_to == written and dialog.rows_written == 2
    rows = list(csv.reader(written.read_text(encoding="utf-8-sig").splitlines()))
    header = rows[0]
    assert header[:2] == ["姓名", "群名片"]
    phone = header.index("手机号")
    assert [(r[0], r[1], r[phone]) for r in rows[1:]] == [
        ("张三", "张三-北京", "138****8000"),
        ("李四", "李四-北京", "139****9000"),
    ]


def test_xlsx_of_everything_shown_with_full_phones(qtbot: Any, community, tmp_path: Path) -> None:
    ids = [community["张三"], community["李四"], community["王五"]]
    dialog = ExportDialog(ids, [])
    qtbot.addWidget(dialog)
    assert not dialog.selected_radio.isEnabled()
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("xlsx"))
    dialog.full_phones.setChecked(True)
    export_with(qtbot, dialog, tmp_path / "all.xlsx")
    with zipfile.ZipFile(tmp_path / "all.xlsx") as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode()
        strings = "".join(
            book.read(n).decode() for n in book.namelist() if n.endswith("sharedStrings.xml")
        )
    assert "<f>" not in sheet
    assert "13800138000" in sheet + strings


def test_no_column_is_refused_in_place(qtbot: Any, community, tmp_path: Path) -> None:
    dialog = ExportDialog([community["张三"]], [])
    qtbot.addWidget(dialog)
    dialog.show()
    for row in range(dialog.columns.count()):
        dialog.columns.item(row).setCheckState(Qt.CheckState.Unchecked)
    dialog.choose_path = lambda _s: str(tmp_path / "x.csv")  # type: ignore[method-assign]
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Choose at least one column."
    assert not (tmp_path / "x.csv").exists()


def test_members_panel_exports_what_it_shows(
    qtbot: Any, community, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = MembersPanel()
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3)
    panel.search.setText("zs")
    panel.search_now()
    assert panel.model.rowCount() == 1

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, ExportDialog)
        export_with(qtbot, dialog, tmp_path / "zs.csv")
        return dialog.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(panel, "exec_dialog", run)
    panel.export_action.trigger()
    rows = list(csv.reader((tmp_path / "zs.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert [r[0] for r in rows[1:]] == ["张三"]
    assert panel.notice.text() == "Exported 1 member to zs.csv."

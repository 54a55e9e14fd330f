"""The import wizard with the shared roster files, driven as a person would."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWizard

from app.core import groups
from app.store.models import Group, Member, Membership
from app.ui.dialogs.import_wizard import ImportWizard
from app.ui.jobs import _RUNNING
from tests.conftest import SHARED_DATA

ROSTERS = SHARED_DATA / "rosters"
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


def open_wizard(qtbot: Any, path: Path, group: str) -> ImportWizard:
    wizard = ImportWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.file_page.path_edit.setText(str(path))
    wizard.file_page.group_combo.setEditText(group)
    return wizard


def next_page(qtbot: Any, wizard: ImportWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def finish(qtbot: Any, wizard: ImportWizard) -> None:
    button = wizard.button(QWizard.WizardButton.FinishButton)
    assert button.isEnabled()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _RUNNING, timeout=30_000)


def snapshot() -> tuple[int, int, int]:
    return Member.select().count(), Membership.select().count(), Group.select().count()


def test_qq_export_into_a_new_group(qtbot: Any) -> None:
    wizard = open_wizard(qtbot, ROSTERS / "qq-group-export-gbk.csv", "读书会QQ群")
    assert wizard.file_page.group_note.text() == "A new group “读书会QQ群” will be created."
    next_page(qtbot, wizard)
    mapping = wizard.mapping_page
    assert wizard.currentPage() is mapping
    assert mapping.encoding_combo.currentData() == "gb18030"
    assert mapping.delimiter_combo.currentData() == ","
    assert mapping.preset() == "qq"
    assert mapping.detected.text().startswith("Detected: GB18030")
    assert mapping.table.horizontalHeaderItem(1).text() == "成员"
    assert mapping.field_combos["qq"].currentText() == "QQ号"
    assert mapping.field_combos["nickname"].currentText() == "群名片"
    next_page(qtbot, wizard)
    page = wizard.preview_page
    assert page.counts.text().startswith("Into 读书会QQ群 (new): 300 new, 0 updated")
    assert not page.invalid_table.isVisible()
    finish(qtbot, wizard)
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert wizard.result_ is not None and wizard.result_.new == 300
    group = Group.get(Group.name == "读书会QQ群")
    assert group.platform == "qq"
    assert Membership.select().where(Membership.group == group.id).count() == 300
    assert wizard.summary() == "Imported into 读书会QQ群: 300 new, 0 updated, 0 marked left."


def test_the_same_file_again_changes_nothing(qtbot: Any) -> None:
    for attempt in range(2):
        wizard = open_wizard(qtbot, ROSTERS / "plain-roster-utf8bom.csv", "客户群")
        next_page(qtbot, wizard)
        next_page(qtbot, wizard)
        if attempt == 0:
            finish(qtbot, wizard)
            before = snapshot()
        else:
            counts = wizard.preview_page.counts.text()
            assert ": 0 new, 0 updated, 120 unchanged, 0 invalid." in counts
    assert snapshot() == before


def test_wechat_workbook_finds_the_header_below_the_title(qtbot: Any) -> None:
    wizard = open_wizard(qtbot, ROSTERS / "wechat-group-tool.xlsx", "读书会3群")
    next_page(qtbot, wizard)
    mapping = wizard.mapping_page
    assert mapping.header_spin.value() == 2
    assert not mapping.encoding_combo.isEnabled()
    assert mapping.preset() == "wechat"
    assert mapping.field_combos["wechat_id"].currentText() == "微信号"
    next_page(qtbot, wizard)
    finish(qtbot, wizard)
    assert Group.get(Group.name == "读书会3群").platform == "wechat"
    assert Member.select().count() == 200


@pytest.mark.parametrize(
    "name", ["binary.csv", "empty.csv", "header-only.csv", "mixed-encoding.csv", "not-really.xlsx"]
)
def test_a_bad_file_stops_on_the_first_page(qtbot: Any, name: str) -> None:
    groups.create_group("已有的群", "qq", "interest")
    before = snapshot()
    wizard = open_wizard(qtbot, ROSTERS / "bad" / name, "已有的群")
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.error.isVisible()
    assert name in wizard.file_page.error.text()  # the message names the file
    assert snapshot() == before


def test_invalid_rows_refuse_the_file_unless_only_valid_rows_are_chosen(
    qtbot: Any, tmp_path: Path
) -> None:
    wizard = open_wizard(qtbot, ROSTERS / "bad" / "ragged.csv", "测试群")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    page = wizard.preview_page
    assert page.invalid_table.isVisible()
    assert "it is refused as a whole" in page.counts.text()
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    lines = {page.invalid_table.item(r, 0).text() for r in range(page.invalid_table.rowCount())}
    assert {"3", "4", "6"} <= lines
    report = tmp_path / "report.csv"
    wizard.choose_report_path = lambda: str(report)  # type: ignore[method-assign]
    qtbot.mouseClick(page.save_report, Qt.MouseButton.LeftButton)
    rows = list(csv.reader(report.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["line", "column", "reason"] and len(rows) > 3
    page.skip_invalid.setChecked(True)
    finish(qtbot, wizard)
    assert [m.name for m in Member.select()] == ["张三"]


def test_a_wrong_encoding_can_be_corrected(qtbot: Any) -> None:
    wizard = open_wizard(qtbot, ROSTERS / "qq-group-export-gbk.csv", "QQ群")
    next_page(qtbot, wizard)
    mapping = wizard.mapping_page
    mapping.encoding_combo.setCurrentIndex(mapping.encoding_combo.findData("utf-8"))
    assert mapping.error.isVisible()
    mapping.encoding_combo.setCurrentIndex(mapping.encoding_combo.findData("gb18030"))
    assert not mapping.error.isVisible()
    assert mapping.table.horizontalHeaderItem(1).text() == "成员"


def test_entry_points_open_the_wizard_for_the_right_group(
    qtbot: Any, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QPushButton

    from app.ui import main_window
    from app.ui.panels import groups as groups_panel_module
    from app.ui.panels.members import MembersPanel

    asked: list[str] = []
    monkeypatch.setattr(
        groups_panel_module, "run_import_wizard", lambda _parent, name="": asked.append(name)
    )
    window = main_window.MainWindow(database)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(
        window.welcome.findChild(QPushButton, "importRosterButton"), Qt.MouseButton.LeftButton
    )
    assert asked == [""]  # from the welcome page: the person names the group

    club = groups.create_group("夜跑群", "wechat", "interest")
    window.groups_panel.refresh()
    window.groups_panel.show_group(club.id)
    qtbot.mouseClick(
        window.groups_panel.findChild(QPushButton, "groupImportButton"), Qt.MouseButton.LeftButton
    )
    assert asked == ["", "夜跑群"]

    panel = MembersPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.group_filter.setCurrentIndex(panel.group_filter.findData(club.id))
    seen: list[str] = []

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, ImportWizard)
        seen.append(dialog.file_page.group_name())
        return False

    monkeypatch.setattr(panel, "exec_dialog", run)
    panel.import_action.trigger()
    assert seen == ["夜跑群"]


def test_cancel_during_the_import_writes_nothing(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from PySide6.QtWidgets import QPushButton

    from app.io import roster_import

    groups.create_group("QQ群", "qq", "interest")
    before = snapshot()
    started, release = threading.Event(), threading.Event()
    real_apply = roster_import.apply

    def gated_apply(preview: Any, progress: Any = None, *rest: Any) -> Any:
        def gate(done: int, total: int) -> None:
            started.set()
            release.wait(10)  # the person presses Cancel while the first chunk is written
            progress(done, total)

        return real_apply(preview, gate, *rest)

    monkeypatch.setattr(roster_import, "apply", gated_apply)
    wizard = open_wizard(qtbot, ROSTERS / "qq-group-export-gbk.csv", "QQ群")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    cancel = wizard._job.dialog.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    release.set()
    qtbot.waitUntil(lambda: not _RUNNING, timeout=10_000)
    assert wizard.isVisible() and wizard.result_ is None
    assert wizard.preview_page.note.text() == "Cancelled; nothing was written."
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()  # may try again
    assert snapshot() == before

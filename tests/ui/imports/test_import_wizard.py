"""The import wizard with the shared roster files, driven as a person would.

Reading the file, the dry run and the import run as jobs off the UI thread: after a click the
tests wait for what the person then sees (the next page, the counts, the message).
"""

from __future__ import annotations

import csv
import stat
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QWizard

from app.core import groups, roster_import
from app.store.models import Group, Member, Membership
from app.ui.imports.import_wizard import ImportWizard
from app.ui.imports.page_parts import NEW_GROUP
from app.ui.jobs import _RUNNING
from tests.conftest import SHARED_DATA
from tests.io.rosters.samples import qq_export
from tests.small_disk import device

ROSTERS = SHARED_DATA / "rosters"
pytestmark = pytest.mark.qt_log_ignore(r"This plugin does not support")


def type_into(edit: QLineEdit, text: str) -> None:
    """Type ``text`` key by key (qtbot.keyClicks knows only Latin-1 keys)."""
    for char in text:
        QApplication.sendEvent(
            edit,
            QKeyEvent(
                QEvent.Type.KeyPress, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char
            ),
        )


def choose_group(qtbot: Any, wizard: ImportWizard, name: str) -> None:
    """Pick the group called ``name`` in the list, or "New group…" and type ``name``."""
    page = wizard.file_page
    index = page.group_combo.findText(name)
    if index >= 0 and page.group_combo.itemData(index) != NEW_GROUP:
        page.group_combo.setCurrentIndex(index)
        return
    page.group_combo.setCurrentIndex(page.group_combo.findText("New group…"))
    page.new_name_edit.clear()
    type_into(page.new_name_edit, name)


def open_wizard(qtbot: Any, path: Path, group: str) -> ImportWizard:
    wizard = ImportWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    wizard.file_page.path_edit.setText(str(path))
    choose_group(qtbot, wizard, group)
    return wizard


def click_next(qtbot: Any, wizard: ImportWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def next_page(qtbot: Any, wizard: ImportWizard) -> None:
    """Click Next and wait for the next page to be shown (the file read, the dry run made)."""
    page = wizard.currentPage()
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is not page, timeout=30_000)


def cancel_job(qtbot: Any, wizard: ImportWizard) -> None:
    """Press Cancel in the running job's progress dialog."""
    assert wizard._job is not None
    cancel = wizard._job.dialog.findChild(QPushButton)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)


def finish(qtbot: Any, wizard: ImportWizard) -> None:
    """Click Import, wait for the result page, then Close."""
    button = wizard.button(QWizard.WizardButton.FinishButton)
    assert button.isEnabled() and button.text() == "Import"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not _RUNNING, timeout=30_000)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.result_page, timeout=30_000)
    close = wizard.button(QWizard.WizardButton.FinishButton)
    assert close.text() == "Close" and close.isEnabled()
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)


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
    # the spent rows were let go in the job, a slice at a time, not by the closing wizard
    assert wizard.roster is not None and wizard.roster.rows == []
    assert wizard.preview is not None and wizard.preview.rows == []


@pytest.mark.parametrize(
    "name", ["binary.csv", "empty.csv", "header-only.csv", "mixed-encoding.csv", "not-really.xlsx"]
)
def test_a_bad_file_stops_on_the_first_page(qtbot: Any, name: str) -> None:
    groups.create_group("已有的群", "qq", "interest")
    before = snapshot()
    wizard = open_wizard(qtbot, ROSTERS / "bad" / name, "已有的群")
    click_next(qtbot, wizard)
    qtbot.waitUntil(wizard.file_page.error.isVisible, timeout=10_000)
    assert wizard.currentPage() is wizard.file_page
    assert name in wizard.file_page.error.text()  # the message names the file
    assert wizard.roster is None
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
    page.skip_invalid.click()  # the dry run again, in the background
    qtbot.waitUntil(lambda: wizard.button(QWizard.WizardButton.FinishButton).isEnabled())
    assert "it is refused as a whole" not in page.counts.text()
    finish(qtbot, wizard)
    assert [m.name for m in Member.select()] == ["张三"]


def test_the_report_masks_phones_unless_full_numbers_are_ticked(qtbot: Any, tmp_path: Path) -> None:
    roster = tmp_path / "phones.csv"
    roster.write_text(
        "成员,QQ号,手机号\n张三,123456,13800138000x\n李四,234567,13912345678\n", encoding="utf-8"
    )
    wizard = open_wizard(qtbot, roster, "测试群")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    page = wizard.preview_page
    assert page.report_full_phones.isVisible() and not page.report_full_phones.isChecked()
    report = tmp_path / "report.csv"
    wizard.choose_report_path = lambda: str(report)  # type: ignore[method-assign]
    qtbot.mouseClick(page.save_report, Qt.MouseButton.LeftButton)
    assert page.note.text() == "Saved the report to report.csv."
    assert "138*****000x" in report.read_text(encoding="utf-8-sig")
    assert "13800138000x" not in report.read_text(encoding="utf-8-sig")
    page.report_full_phones.click()
    qtbot.mouseClick(page.save_report, Qt.MouseButton.LeftButton)
    assert "13800138000x" in report.read_text(encoding="utf-8-sig")
    full = device(tmp_path, "full")
    wizard.choose_report_path = lambda: str(full)  # type: ignore[method-assign]
    qtbot.mouseClick(page.save_report, Qt.MouseButton.LeftButton)
    assert page.error.isVisible()
    assert page.error.text() == (
        f"{full} is not a regular file (a folder or a device); nothing was saved."
    )
    assert stat.S_ISCHR(full.stat().st_mode)


def test_a_wrong_encoding_can_be_corrected(qtbot: Any) -> None:
    wizard = open_wizard(qtbot, ROSTERS / "qq-group-export-gbk.csv", "QQ群")
    next_page(qtbot, wizard)
    mapping = wizard.mapping_page
    mapping.encoding_combo.setCurrentIndex(mapping.encoding_combo.findData("utf-8"))
    qtbot.waitUntil(mapping.error.isVisible, timeout=10_000)
    mapping.encoding_combo.setCurrentIndex(mapping.encoding_combo.findData("gb18030"))
    qtbot.waitUntil(lambda: not mapping.error.isVisible(), timeout=10_000)
    assert mapping.table.horizontalHeaderItem(1).text() == "成员"


def test_entry_points_open_the_wizard_for_the_right_group(
    qtbot: Any, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QPushButton

    from app.ui import main_window
    from app.ui.groups import panel as groups_panel_module
    from app.ui.members.panel import MembersPanel

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
    seen: list[tuple[str, int]] = []

    def run(dialog: QDialog) -> bool:
        assert isinstance(dialog, ImportWizard)
        page = dialog.file_page
        seen.append((page.group_name(), page.group_combo.currentIndex()))
        return False

    monkeypatch.setattr(panel, "exec_dialog", run)
    panel.import_action.trigger()
    assert seen == [("", -1)]  # the group filtered on is not taken for the import


def test_cancel_during_the_import_writes_nothing(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
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
    cancel_job(qtbot, wizard)
    release.set()
    qtbot.waitUntil(lambda: not _RUNNING, timeout=10_000)
    assert wizard.isVisible() and wizard.result_ is None
    assert wizard.preview_page.note.text() == "Cancelled; nothing was written."
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()  # may try again
    assert snapshot() == before


def test_the_file_is_read_and_the_dry_run_made_off_the_ui_thread(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: dict[str, int] = {}
    real_read, real_preview = roster_import.read_roster, roster_import.preview

    def read_roster(*args: Any, **kwargs: Any) -> Any:
        threads["read"] = threading.get_ident()
        return real_read(*args, **kwargs)

    def preview(*args: Any, **kwargs: Any) -> Any:
        threads["preview"] = threading.get_ident()
        return real_preview(*args, **kwargs)

    monkeypatch.setattr(roster_import, "read_roster", read_roster)
    monkeypatch.setattr(roster_import, "preview", preview)
    wizard = open_wizard(qtbot, ROSTERS / "qq-group-export-gbk.csv", "读书会QQ群")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    assert wizard.currentPage() is wizard.preview_page
    assert wizard.preview_page.counts.text().startswith("Into 读书会QQ群 (new): 300 new")
    ui_thread = threading.get_ident()
    assert set(threads) == {"read", "preview"}
    assert ui_thread not in threads.values()


def test_cancel_during_the_dry_run_stays_on_the_page_and_writes_nothing(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    groups.create_group("QQ群", "qq", "interest")
    before = snapshot()
    started, release = threading.Event(), threading.Event()
    real_preview = roster_import.preview

    def gated_preview(*args: Any, progress: Any = None, **kwargs: Any) -> Any:
        def gate(done: int, total: int) -> None:
            started.set()
            release.wait(10)  # the person presses Cancel while the rows are checked
            progress(done, total)

        return real_preview(*args, progress=gate, **kwargs)

    monkeypatch.setattr(roster_import, "preview", gated_preview)
    wizard = open_wizard(qtbot, ROSTERS / "qq-group-export-gbk.csv", "QQ群")
    next_page(qtbot, wizard)
    mapping = wizard.mapping_page
    click_next(qtbot, wizard)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    cancel_job(qtbot, wizard)
    release.set()
    qtbot.waitUntil(lambda: not _RUNNING, timeout=10_000)
    assert wizard.currentPage() is mapping  # stays, as it was
    assert not mapping.error.isVisible()
    assert wizard.preview is None
    assert snapshot() == before
    next_page(qtbot, wizard)  # the person may go on after all
    assert wizard.preview_page.counts.text().startswith("Into QQ群: 300 new")


def test_a_cancelled_recount_puts_the_choice_back(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = open_wizard(qtbot, ROSTERS / "bad" / "ragged.csv", "测试群")
    next_page(qtbot, wizard)
    next_page(qtbot, wizard)
    page = wizard.preview_page
    counts = page.counts.text()
    started, release = threading.Event(), threading.Event()
    real_preview = roster_import.preview

    def gated_preview(*args: Any, progress: Any = None, **kwargs: Any) -> Any:
        def gate(done: int, total: int) -> None:
            started.set()
            release.wait(10)
            progress(done, total)

        return real_preview(*args, progress=gate, **kwargs)

    monkeypatch.setattr(roster_import, "preview", gated_preview)
    page.skip_invalid.click()
    qtbot.waitUntil(started.is_set, timeout=10_000)
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    cancel_job(qtbot, wizard)
    release.set()
    qtbot.waitUntil(lambda: not _RUNNING, timeout=10_000)
    assert not page.skip_invalid.isChecked()  # as the counts shown were made
    assert page.counts.text() == counts
    assert wizard.preview is not None and not wizard.preview.skip_invalid
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_a_large_dry_run_works_beside_the_ui_thread(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dry run of 30,000 rows runs on a worker thread, so the window stays responsive.
    How long the UI thread pauses meanwhile is measured in tests/benchmarks (freeze)."""
    path = qq_export(tmp_path / "big.csv", 30_000)
    wizard = open_wizard(qtbot, path, "大群")
    next_page(qtbot, wizard)
    threads: list[threading.Thread] = []
    real_preview = roster_import.preview

    def preview(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        return real_preview(*args, **kwargs)

    monkeypatch.setattr(roster_import, "preview", preview)
    click_next(qtbot, wizard)  # the dry run of 30,000 rows
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=60_000)
    assert wizard.preview_page.counts.text().startswith("Into 大群 (new): 30000 new")
    assert threads and threading.main_thread() not in threads


def combo_texts(wizard: ImportWizard) -> list[str]:
    combo = wizard.file_page.group_combo
    return [combo.itemText(i) for i in range(combo.count())]


def test_the_group_is_an_explicit_choice(qtbot: Any) -> None:
    groups.create_group("读书会", "qq", "interest")
    groups.create_group("夜跑群", "wechat", "interest")
    wizard = ImportWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert combo_texts(wizard) == ["读书会", "夜跑群", "", "New group…"]  # pinyin order
    assert page.group_combo.currentIndex() == -1
    assert page.group_combo.currentText() == "" and page.group_name() == ""
    assert page.group_combo.placeholderText() == "Choose a group…"
    assert not page.new_name_edit.isVisible() and not page.platform_combo.isVisible()
    page.path_edit.setText(str(ROSTERS / "qq-group-export-gbk.csv"))
    assert not next_button.isEnabled()  # a file, but no group chosen yet
    page.group_combo.setCurrentIndex(page.group_combo.findText("New group…"))
    assert page.new_name_edit.isVisible() and page.platform_combo.isVisible()
    assert page.new_name_edit.text() == "qq-group-export-gbk"  # named after the file
    assert page.group_note.text() == "A new group “qq-group-export-gbk” will be created."
    assert next_button.isEnabled()
    page.new_name_edit.clear()
    assert not next_button.isEnabled()  # a new group needs a name
    type_into(page.new_name_edit, "读书会")
    assert page.group_note.text().startswith("There is already a group called “读书会”")
    assert not next_button.isEnabled()
    page.group_combo.setCurrentIndex(page.group_combo.findText("读书会"))
    assert not page.new_name_edit.isVisible() and page.group_note.text() == ""
    assert page.group_name() == "读书会" and next_button.isEnabled()


def test_without_any_group_a_new_one_is_the_choice(qtbot: Any) -> None:
    wizard = ImportWizard()
    qtbot.addWidget(wizard)
    assert combo_texts(wizard) == ["New group…"]
    assert wizard.file_page.is_new_group()


def test_a_chosen_file_names_the_new_group_after_its_chat(qtbot: Any) -> None:
    groups.create_group("读书会", "qq", "interest")
    wizard = ImportWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.file_page
    wizard.choose_file = lambda: str(ROSTERS / "wechat-group-tool.xlsx")  # type: ignore[method-assign]
    qtbot.mouseClick(page.findChild(QPushButton, "importBrowse"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.roster is not None, timeout=10_000)  # read at once
    assert wizard.currentPage() is page  # and the page stays for the group
    page.group_combo.setCurrentIndex(page.group_combo.findText("New group…"))
    assert page.new_name_edit.text() == "读书会3群"  # from the title row above the header
    page.new_name_edit.clear()
    type_into(page.new_name_edit, "读书会三群")  # typed: never replaced
    wizard.choose_file = lambda: str(ROSTERS / "plain-roster-utf8bom.csv")  # type: ignore[method-assign]
    qtbot.mouseClick(page.findChild(QPushButton, "importBrowse"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.roster is not None and wizard.roster.kind == "csv")
    assert page.new_name_edit.text() == "读书会三群"
    next_page(qtbot, wizard)  # the file already read goes on without a second reading
    assert wizard.mapping_page.detected.text().startswith("Detected: UTF-8 with BOM")
    next_page(qtbot, wizard)
    assert wizard.preview_page.counts.text().startswith("Into 读书会三群 (new): 120 new")


def test_the_preview_names_left_out_columns_and_cells_left_empty(
    qtbot: Any, tmp_path: Path
) -> None:
    path = tmp_path / "群成员.csv"
    path.write_text(
        "序号,成员,群名片,QQ号,手机号,入群时间,最后发言\n"
        "1,甲,,100001,13800000001,2024/1/1 10:00,-\n"
        "2,乙,,100002,13800000002,昨天,从未发言\n"
        "3,丙,,100003,—,2024/1/3 10:00,2024/02/30\n",
        encoding="gb18030",
    )
    wizard = open_wizard(qtbot, path, "测试群")
    next_page(qtbot, wizard)
    mapping = wizard.mapping_page
    assert mapping.field_combos["phone"].currentText() == "手机号"  # the QQ preset's gap filled
    mapping.field_combos["phone"].setCurrentIndex(0)  # the person leaves the phones out
    next_page(qtbot, wizard)
    page = wizard.preview_page
    lines = page.counts.text().splitlines()
    assert lines == [
        "Into 测试群 (new): 3 new, 0 updated, 0 unchanged, 0 invalid.",
        "2 cells could not be read and will be left empty; their rows are imported.",
        "序号, 手机号 will not be imported. To import a column, go back and choose its field.",
    ]
    assert not page.invalid_table.isVisible() and not page.skip_invalid.isVisible()
    table = page.warnings_table
    assert table.isVisible() and page.warnings_caption.isVisible()
    shown = [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]
    assert shown == [
        ["3", "入群时间", "“昨天” is not a date; left empty."],
        ["4", "最后发言", "“2024/02/30” is not a date; left empty."],
    ]
    finish(qtbot, wizard)
    assert wizard.result_ is not None and wizard.result_.new == 3
    assert [m.phone for m in Member.select()] == [None, None, None]


def test_after_an_import_the_members_panel_shows_the_group_imported(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.ui.members.panel import MembersPanel

    club = groups.create_group("夜跑群", "wechat", "interest")
    panel = MembersPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.group_filter.setCurrentIndex(panel.group_filter.findData(club.id))
    panel.search.setText("张")
    panel.search_now()

    def run(wizard: QDialog) -> bool:
        assert isinstance(wizard, ImportWizard)
        wizard.show()
        wizard.file_page.path_edit.setText(str(ROSTERS / "qq-group-export-gbk.csv"))
        choose_group(qtbot, wizard, "读书会QQ群")
        next_page(qtbot, wizard)
        next_page(qtbot, wizard)
        finish(qtbot, wizard)
        return wizard.result() == QDialog.DialogCode.Accepted

    monkeypatch.setattr(panel, "exec_dialog", run)
    panel.import_action.trigger()
    assert panel.group_filter.currentText() == "读书会QQ群"
    assert panel.search.text() == ""
    assert panel.count_label.text() == "300 members"
    assert panel.notice.text() == "Imported into 读书会QQ群: 300 new, 0 updated, 0 marked left."

"""Dialogs for changing many members at once: each says what will happen, then does it.

When its button is pressed a dialog reads its choices and runs the core service as a job
(``app.ui.jobs``): off the UI thread, with progress and Cancel, so tagging 100,000 members
never freezes the window. A refused change shows its message in the dialog, which stays open,
and nothing is written; so does a cancelled one. The dialog closes when the change is done.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core import database, member_bulk, member_merge
from app.core import members as core
from app.core.groups import group_choices
from app.core.member_list import MemberRow, rows_for
from app.core.tiers import list_tiers
from app.ui.jobs import Job, Progress, failure_text, run_job
from app.ui.widgets.form_dialog import FormDialog
from app.ui.widgets.member_table import mask_phone
from app.ui.widgets.swatch import swatch

Change = Callable[[Progress], object]  # runs in the worker: no widget, no tr()


class BulkDialog(FormDialog):
    """The frame every bulk dialog shares; the database is backed up before each change.

    Subclasses set every visible text (translation contexts are per class) and implement
    ``change``, which reads the choices (UI thread) and returns the write to run in the worker,
    and ``describe``, which turns its result into a line for the panel to show afterwards.
    """

    def __init__(self, member_ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__("bulkError", "bulkApplyButton", parent)
        self.member_ids = list(member_ids)
        self.outcome = ""
        self.summary.show()
        self.apply_button = self.ok_button
        self.job: Job | None = None

    def choice_row(self, name: str, text: str) -> QComboBox:
        """A combo named ``name`` on a new row of the form, labelled ``text``."""
        combo = QComboBox()
        combo.setObjectName(name)
        self.form.addRow(text, combo)
        return combo

    def reason_row(self, name: str, text: str, placeholder: str) -> QLineEdit:
        """A line for the reason, named ``name``, on a new row of the form labelled ``text``."""
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        self.form.addRow(text, edit)
        return edit

    def count_text(self) -> str:
        return QLocale().toString(len(self.member_ids))

    def show_error(self, message: str) -> None:
        self.error.show_error(message)

    def change(self) -> Change:
        raise NotImplementedError

    def describe(self, result: object) -> str:
        raise NotImplementedError

    def accept(self) -> None:
        """Run the change as a job; the dialog closes once it is written."""
        if self.job is not None:
            return
        change = self.change()

        def write(progress: Progress) -> object:
            progress(0, len(self.member_ids))  # a Cancel before anything is written
            database.backup_before("bulk")
            return change(progress)

        self.error.clear_error()
        self.apply_button.setEnabled(False)
        self.job = run_job(self, self.windowTitle(), write, self._written, self._refused)
        self.job.finished.connect(self._job_ended)

    def reject(self) -> None:
        """Not while the change runs (its progress dialog has the Cancel for that)."""
        if self.job is None:
            super().reject()

    def _job_ended(self) -> None:
        """Whatever the end: a refused or cancelled change leaves the dialog to try again."""
        self.job = None
        self.apply_button.setEnabled(True)

    def _written(self, result: object) -> None:
        self.outcome = self.describe(result)
        QDialog.accept(self)

    def _refused(self, exc: Exception) -> None:
        self.error.show_error(failure_text(exc))


class AddToGroupDialog(BulkDialog):
    """Put the selected members in one group (members who had left rejoin)."""

    def __init__(self, member_ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(member_ids, parent)
        self.setWindowTitle(self.tr("Add to group"))
        self.summary.setText(
            self.tr(
                "Add %n member(s) to a group. Members already in it stay as they are.",
                "",
                len(self.member_ids),
            )
        )
        self.group_combo = self.choice_row("bulkGroupCombo", self.tr("Group:"))
        self.group_combo.setMaxVisibleItems(20)
        for group in group_choices():
            self.group_combo.addItem(group.name, group.id)
        self.apply_button.setText(self.tr("Add to group"))
        if self.group_combo.count() == 0:
            self.show_error(self.tr("There is no group yet. Create one in Groups first."))
            self.apply_button.setEnabled(False)

    def change(self) -> Change:
        ids, group_id = self.member_ids, self.group_combo.currentData()
        return lambda progress: member_bulk.bulk_add_to_group(ids, group_id, progress)

    def describe(self, result: object) -> str:
        assert isinstance(result, int)
        added = result
        name = self.group_combo.currentText()
        already = len(self.member_ids) - added
        if not already:
            return self.tr("Added %n member(s) to {group}.", "", added).format(group=name)
        return self.tr("Added %n member(s) to {group}; {already} already in it.", "", added).format(
            group=name, already=already
        )


class SetTierDialog(BulkDialog):
    """Move the selected members to one tier, with an optional reason kept in their history."""

    def __init__(self, member_ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(member_ids, parent)
        self.setWindowTitle(self.tr("Set tier"))
        self.summary.setText(
            self.tr(
                "Move %n member(s) to a tier. Each change is kept in the member's tier history.",
                "",
                len(self.member_ids),
            )
        )
        self.tier_combo = self.choice_row("bulkTierCombo", self.tr("Tier:"))
        for tier in list_tiers():
            self.tier_combo.addItem(swatch(tier.colour), f"{tier.rank} · {tier.name}", tier.id)
        self.reason_edit = self.reason_row(
            "bulkTierReasonEdit",
            self.tr("Reason:"),
            self.tr("Why (optional), e.g. ran the spring meetup"),
        )
        self.apply_button.setText(self.tr("Set tier"))

    def change(self) -> Change:
        ids, tier_id, reason = (
            self.member_ids,
            self.tier_combo.currentData(),
            self.reason_edit.text().strip(),
        )
        return lambda progress: core.set_tier(ids, tier_id, reason, progress)

    def describe(self, result: object) -> str:
        assert isinstance(result, int)
        moved = result
        name = self.tier_combo.currentText().partition(" · ")[2]
        already = len(self.member_ids) - moved
        if not already:
            return self.tr("Moved %n member(s) to “{tier}”.", "", moved).format(tier=name)
        return self.tr(
            "Moved %n member(s) to “{tier}”; {already} already there.", "", moved
        ).format(tier=name, already=already)


class TagDialog(BulkDialog):
    """Add a tag to, or remove a tag from, the selected members."""

    def __init__(self, member_ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(member_ids, parent)
        self.setWindowTitle(self.tr("Tag members"))
        self.summary.setText(self.tr("Change the tags of %n member(s).", "", len(self.member_ids)))
        self.add_radio = QRadioButton(self.tr("Add the tag"))
        self.add_radio.setObjectName("addTagRadio")
        self.remove_radio = QRadioButton(self.tr("Remove the tag"))
        self.remove_radio.setObjectName("removeTagRadio")
        self.add_radio.setChecked(True)
        self._mode = QButtonGroup(self)
        self._mode.addButton(self.add_radio)
        self._mode.addButton(self.remove_radio)
        self.tag_combo = QComboBox()
        self.tag_combo.setObjectName("bulkTagCombo")
        self.tag_combo.setEditable(True)
        self.tag_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tag_combo.addItems(core.all_tags())
        self.tag_combo.setCurrentIndex(-1)
        self.tag_combo.lineEdit().setPlaceholderText(self.tr("Type a new tag or pick one"))
        modes = QWidget()
        row = QVBoxLayout(modes)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_radio)
        row.addWidget(self.remove_radio)
        self.form.addRow(self.tr("Action:"), modes)
        self.form.addRow(self.tr("Tag:"), self.tag_combo)
        self.apply_button.setText(self.tr("Apply"))

    def change(self) -> Change:
        ids, tag, remove = (
            self.member_ids,
            self.tag_combo.currentText().strip(),
            self.remove_radio.isChecked(),
        )

        def write(progress: Progress) -> str:
            if remove:
                member_bulk.bulk_remove_tag(ids, core.clean_tag(tag), progress)
            else:
                member_bulk.bulk_add_tag(ids, tag, progress)
            return core.clean_tag(tag)

        return write

    def describe(self, result: object) -> str:
        n = len(self.member_ids)
        if self.remove_radio.isChecked():
            return self.tr("Removed the tag “{tag}” from %n member(s).", "", n).format(tag=result)
        return self.tr("Tagged %n member(s) “{tag}”.", "", n).format(tag=result)


class MergeDialog(BulkDialog):
    """Fold one of two records of the same person into the other, after saying what moves."""

    def __init__(self, member_ids: Sequence[int], parent: QWidget | None = None) -> None:
        super().__init__(member_ids, parent)
        if len(self.member_ids) != 2:
            raise ValueError("merge needs exactly two members")
        self.setWindowTitle(self.tr("Merge two members"))
        self.setMinimumWidth(520)
        self.summary.setText(
            self.tr(
                "These two records are the same person. Choose the record to keep: the other "
                "record's memberships, tier history, violations, meetup attendance, tasks, "
                "interactions and tags move to it, and its empty fields are filled in from the "
                "other. The other record is then deleted. This cannot be undone."
            )
        )
        rows = rows_for(self.member_ids)
        self.keep_radios: list[QRadioButton] = []
        self._keep = QButtonGroup(self)
        for position, member_id in enumerate(self.member_ids):
            radio = QRadioButton(self._describe(member_id, rows.get(member_id)))
            radio.setObjectName("keepFirstRadio" if position == 0 else "keepSecondRadio")
            self._keep.addButton(radio)
            self.keep_radios.append(radio)
            self.form.addRow(self.tr("Keep:") if position == 0 else "", radio)
        self.keep_radios[0].setChecked(True)
        self.apply_button.setText(self.tr("Merge"))

    def _describe(self, member_id: int, row: MemberRow | None) -> str:
        if row is None:
            return f"#{member_id}"
        parts = [f"{row.name}  (#{member_id})"]
        for caption, value in (
            (self.tr("QQ"), row.qq),
            (self.tr("WeChat"), row.wechat_id),
            (self.tr("Phone"), mask_phone(row.phone)),
        ):
            if value:
                parts.append(f"{caption} {value}")
        groups = row.groups or self.tr("in no group")
        return " · ".join(parts) + "\n" + groups

    def keep_id(self) -> int:
        return self.member_ids[0] if self.keep_radios[0].isChecked() else self.member_ids[1]

    def change(self) -> Change:
        keep = self.keep_id()
        drop = self.member_ids[1] if keep == self.member_ids[0] else self.member_ids[0]
        return lambda _progress: member_merge.merge_members(keep, drop).name

    def describe(self, result: object) -> str:
        return self.tr("Merged the two records into {name}.").format(name=result)

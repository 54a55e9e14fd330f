"""The Pyramid panel: tiers drawn as a pyramid, movement, helper spans, care and suggestions.

Everything shown comes from SQL aggregates in ``app.core`` (one query each, never one per
row). The tabs below the pyramid load when first shown and again after a change, so opening
the panel costs only the pyramid, the movement figures, the spans and the visible tab.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import pyramid, settings
from app.ui.changes import Change, announce, follow
from app.ui.pyramid.candidates_view import DEMOTION, PROMOTION, CandidatesView
from app.ui.pyramid.care_table import HelperCareView
from app.ui.pyramid.span_table import SpanBox
from app.ui.pyramid.tiers_editor import TiersEditor
from app.ui.widgets.controls import HINT_STYLE, fill_group_choices
from app.ui.widgets.pyramid_chart import Band, PyramidChart

UP_COLOUR, DOWN_COLOUR = "#1e8449", "#b03a2e"
TAB_CARE, TAB_PROMOTE, TAB_DEMOTE, TAB_TIERS = range(4)


class PyramidPanel(QWidget):
    """The member pyramid, overall or for one group, and the work on its second level."""

    memberOpened = Signal(int)  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        follow(self, Change.TIERS | Change.MEMBERS | Change.GROUPS | Change.TASKS)
        self.setObjectName("pyramidPanel")
        self._stale = {TAB_CARE, TAB_PROMOTE, TAB_DEMOTE, TAB_TIERS}

        self.group_combo = QComboBox()
        self.group_combo.setObjectName("pyramidGroup")
        self.group_combo.setMinimumWidth(140)
        self.group_combo.setMaxVisibleItems(24)
        self.group_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.group_combo.currentIndexChanged.connect(lambda _i: self._load_chart())
        self.chart = PyramidChart()
        self.chart.setAccessibleName(self.tr("Member pyramid"))
        self.total_label = QLabel()
        self.total_label.setObjectName("pyramidTotal")
        self.total_label.setStyleSheet(HINT_STYLE)
        self.movement_box = self._build_movement()
        self.span_box = SpanBox()
        self.span_box.targetChanged.connect(self._load_spans)

        self.care = HelperCareView(lambda dialog: self.exec_dialog(dialog))
        self.promote = CandidatesView(PROMOTION, lambda dialog: self.exec_dialog(dialog))
        self.demote = CandidatesView(DEMOTION, lambda dialog: self.exec_dialog(dialog))
        self.tiers = TiersEditor(lambda dialog: self.exec_dialog(dialog))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("pyramidTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.care, self.tr("Helper care"))
        self.tabs.addTab(self.promote, self.tr("Promote"))
        self.tabs.addTab(self.demote, self.tr("Demote"))
        self.tabs.addTab(self.tiers, self.tr("Tiers"))
        self.tabs.currentChanged.connect(self._tab_shown)
        for view in (self.care, self.promote, self.demote):
            view.memberOpened.connect(self.memberOpened)
        for index, view in enumerate((self.care, self.promote, self.demote, self.tiers)):
            view.changed.connect(lambda i=index: self._changed(i))

        chooser = QHBoxLayout()
        chooser.addWidget(QLabel(self.tr("Pyramid of:")))
        chooser.addWidget(self.group_combo, 1)
        left = QVBoxLayout()
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(chooser)
        left.addWidget(self.chart, 1)
        left.addWidget(self.total_label, 0, Qt.AlignmentFlag.AlignHCenter)
        right = QVBoxLayout()
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.movement_box)
        right.addWidget(self.span_box, 1)
        top = QWidget()
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(6, 8, 6, 4)
        top_layout.addLayout(left, 1)
        top_layout.addSpacing(8)
        top_layout.addLayout(right, 1)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("pyramidSplitter")
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.tabs)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _build_movement(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tier changes"))
        box.setObjectName("movementBox")
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(12)
        headers = (
            (self.tr("▲ Up"), self.tr("Members who moved up to a higher tier")),
            (self.tr("● Held"), self.tr("Members whose tier did not change")),
            (self.tr("▼ Down"), self.tr("Members who moved down to a lower tier")),
        )
        for column, (text, tip) in enumerate(headers, start=1):
            header = QLabel(text)
            header.setStyleSheet(HINT_STYLE)
            header.setAlignment(Qt.AlignmentFlag.AlignRight)
            header.setToolTip(tip)
            grid.addWidget(header, 0, column)
        self.movement_labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        bold = QFont(self.font())
        bold.setBold(True)
        for row, (key, text) in enumerate(
            (("this", self.tr("This month")), ("last", self.tr("Last month"))), start=1
        ):
            grid.addWidget(QLabel(text), row, 0)
            cells = []
            for column, colour in enumerate((UP_COLOUR, "", DOWN_COLOUR), start=1):
                value = QLabel()
                value.setObjectName(f"movement_{key}_{column}")
                value.setAlignment(Qt.AlignmentFlag.AlignRight)
                value.setFont(bold)
                if colour:
                    value.setStyleSheet(f"color: {colour};")
                grid.addWidget(value, row, column)
                cells.append(value)
            self.movement_labels[key] = (cells[0], cells[1], cells[2])
        grid.setColumnStretch(0, 1)
        return box

    # --- the main window's interface ---------------------------------------------------------

    def refresh(self) -> None:
        """Reload the pyramid, movement and spans, and the visible tab (others when shown)."""
        self._load_top()
        self._stale = {TAB_CARE, TAB_PROMOTE, TAB_DEMOTE, TAB_TIERS}
        self._tab_shown(self.tabs.currentIndex())

    def exec_dialog(self, dialog: QDialog) -> bool:
        """Run a dialog modally; True when accepted. Tests replace this to fill dialogs in."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    # --- loading -----------------------------------------------------------------------------

    def _load_top(self) -> None:
        self._fill_groups()
        self._load_chart()
        self._load_movement()
        self._load_spans()

    def _fill_groups(self) -> None:
        fill_group_choices(self.group_combo, self.tr("All groups"))

    def _load_chart(self) -> None:
        rows = pyramid.pyramid(self.group_combo.currentData())
        self.chart.set_bands([Band(r.name, r.colour, r.count, r.share) for r in rows])
        total = sum(r.count for r in rows)
        self.total_label.setText(self.tr("%Ln active member(s)", "", total))

    def _load_movement(self) -> None:
        this_month, last_month = pyramid.movements()
        locale = self.locale()
        for key, movement in (("this", this_month), ("last", last_month)):
            for label, value in zip(
                self.movement_labels[key],
                (movement.up, movement.held, movement.down),
                strict=True,
            ):
                label.setText(locale.toString(value))

    def _load_spans(self) -> None:
        self.span_box.load(pyramid.spans(), settings.get("helper_span_target"))

    def _tab_shown(self, index: int) -> None:
        if index in self._stale:
            self._stale.discard(index)
            view = self.tabs.widget(index)
            view.refresh()  # type: ignore[attr-defined]

    def _changed(self, fresh_tab: int) -> None:
        """A tab wrote something (and reloaded itself): everything else may have moved."""
        self._load_top()
        self._stale = {TAB_CARE, TAB_PROMOTE, TAB_DEMOTE, TAB_TIERS} - {fresh_tab}
        announce(Change.TIERS | Change.MEMBERS | Change.TASKS, self)

    # --- for tests and for the main window ---------------------------------------------------

    def choose_group(self, group_id: int | None) -> None:
        """Show the pyramid of ``group_id`` (None: all groups)."""
        self.group_combo.setCurrentIndex(max(0, self.group_combo.findData(group_id)))

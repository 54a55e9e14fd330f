"""The page an empty database opens on: where to start."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

SAMPLE_MEMBERS = 3000
SAMPLE_GROUPS = 24
REFERENCE_MEMBERS = 100_000  # the reference load of PRODUCT.md §7
REFERENCE_GROUPS = 200


class WelcomePage(QWidget):
    """Offers the first steps: create a group, or load a sample community to look around."""

    createGroupRequested = Signal()
    sampleRequested = Signal(int, int)  # members, groups
    importRequested = Signal()
    chatImportRequested = Signal()  # noqa: N815 - Qt signal naming

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        title = QLabel(self.tr("Welcome to Huoqun 活群"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Huoqun keeps your chat groups alive: it tracks your groups and members, "
                "the helpers who carry the work, the rules, meetups and the interactions "
                "that come due, and tells you which groups are slipping.\n\n"
                "Everything stays in one file on this computer."
            )
        )
        intro.setWordWrap(True)

        create = QPushButton(self.tr("Create a group"))
        create.setObjectName("createGroupButton")
        create.setToolTip(self.tr("Start with one of your groups; add its members next."))
        roster = QPushButton(self.tr("Import a roster"))
        roster.setObjectName("importRosterButton")
        roster.setToolTip(
            self.tr("A QQ group export, a WeChat group tool sheet, or any CSV or Excel list")
        )
        chats = QPushButton(self.tr("Import chat history"))
        chats.setObjectName("importChatButton")
        chats.setToolTip(
            self.tr("Exports of Telegram, Discord, QQ or WeChat groups; or drop them here")
        )
        sample = QPushButton(self.tr("Load a sample community"))
        sample.setObjectName("loadSampleButton")
        sample.setToolTip(
            self.tr("A made-up community of a few thousand members in two dozen groups.")
        )
        large = QPushButton(
            self.tr("Load a large sample: {members} members").format(
                members=QLocale().toString(REFERENCE_MEMBERS)
            )
        )
        large.setObjectName("loadLargeSampleButton")
        large.setToolTip(
            self.tr(
                "The reference load of the speed targets: {members} members in {groups} groups "
                "with their history. Building it takes under a minute."
            ).format(members=QLocale().toString(REFERENCE_MEMBERS), groups=REFERENCE_GROUPS)
        )
        large.setFlat(True)
        for button in (create, roster, chats, sample):
            button.setMinimumHeight(44)
            button.setMinimumWidth(280)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        create.setDefault(True)
        self.create_button = create
        create.clicked.connect(self.createGroupRequested)
        roster.clicked.connect(self.importRequested)
        chats.clicked.connect(self.chatImportRequested)
        sample.clicked.connect(lambda: self.sampleRequested.emit(SAMPLE_MEMBERS, SAMPLE_GROUPS))
        large.clicked.connect(
            lambda: self.sampleRequested.emit(REFERENCE_MEMBERS, REFERENCE_GROUPS)
        )

        # A fixed-width column, centred by stretches: wrapped text then gets the height it needs.
        column = QWidget()
        column.setFixedWidth(560)
        inner = QVBoxLayout(column)
        inner.setSpacing(18)
        title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(title)
        inner.addWidget(intro)
        inner.addSpacing(12)
        inner.addWidget(create, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(roster, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(chats, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(sample, 0, Qt.AlignmentFlag.AlignHCenter)
        inner.addWidget(large, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)

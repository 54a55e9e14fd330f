"""One chat's preview in the chat import wizard: what importing it would do, who each
ambiguous sender is, and "this is me"."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.chat_import import NEW, SKIP, ChatPreview
from app.core.chat_match import OPERATOR, Candidate, Resolution, Sender
from app.core.members import get_member
from app.ui.chats.chat_words import SENDERS, local_time, words
from app.ui.imports.page_parts import fill_table, read_only_table
from app.ui.widgets.controls import HINT_STYLE

SHOWN_SENDERS = 500  # rows of the senders' table (the most active first)
_SKIP = -1  # the combo's data for "skip" (a member id is positive)


class ChatPreviewTab(QWidget):
    """The counts, the ambiguous senders with a choice each, and the senders' list."""

    thisIsMe = Signal(str, str)  # noqa: N815 - the platform and the sender's id

    def __init__(
        self, preview: ChatPreview, chosen: dict[str, Resolution],
        choose: Callable[[str, Resolution], None],
    ) -> None:  # fmt: skip
        super().__init__()
        self.preview = preview
        self._choose = choose
        self.counts = QLabel(self._counts_text())
        self.counts.setObjectName("chatCounts")
        self.counts.setWordWrap(True)
        self.ambiguous_caption = QLabel(
            self.tr(
                "Each of these senders could be several members of the group. Choose who "
                "each is; a skipped sender's messages are kept without a member."
            )
        )
        self.ambiguous_caption.setWordWrap(True)
        self.ambiguous_table = read_only_table("chatAmbiguous")
        self.resolvers: dict[str, QComboBox] = {}
        self._fill_ambiguous(chosen)
        self.senders_caption = QLabel(
            self.tr(
                "Senders, most messages first. Select your own account and press “This is "
                "me”: its messages then count as yours, and the id is saved to My accounts "
                "when you import."
            )
        )
        self.senders_caption.setWordWrap(True)
        self.senders_caption.setStyleSheet(HINT_STYLE)
        self.senders_table = read_only_table("chatSenders")
        self.senders_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.senders_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._shown_senders = list(preview.senders[:SHOWN_SENDERS])
        self._fill_senders()
        self.me_button = QPushButton(self.tr("This is me"))
        self.me_button.setObjectName("chatThisIsMe")
        self.me_button.clicked.connect(self._this_is_me)
        self.senders_table.itemSelectionChanged.connect(self._selection_changed)
        self._selection_changed()
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        layout.addWidget(self.ambiguous_caption)
        layout.addWidget(self.ambiguous_table, 2)
        layout.addWidget(self.senders_caption)
        layout.addWidget(self.senders_table, 3)
        row = QHBoxLayout()
        row.addWidget(self.me_button)
        row.addStretch(1)
        layout.addLayout(row)
        shown = bool(preview.ambiguous)
        self.ambiguous_caption.setVisible(shown)
        self.ambiguous_table.setVisible(shown)
        has_senders = bool(preview.senders)
        for widget in (self.senders_caption, self.senders_table, self.me_button):
            widget.setVisible(has_senders)
        if not shown and not has_senders:
            layout.addStretch(1)

    def _counts_text(self) -> str:
        p, c = self.preview.plan, self.preview.counts
        if p.group_id is None:
            group = self.tr("a new group “{name}”").format(name=p.group_name)
        else:
            group = self.tr("the group “{name}”").format(name=p.group_name)
        lines = [self.tr("Into {group}.").format(group=group)]
        if p.earlier is not None:
            lines.append(self.tr("These files were imported before: nothing in them is new."))
        lines += [
            self.tr("Messages from {first} to {last}.").format(
                first=local_time(c.first_at), last=local_time(c.last_at)
            ),
            self.tr("Messages: {new} new, {known} already imported.").format(
                new=c.messages_new, known=c.messages_known
            ),
            self.tr(
                "Senders: {matched} matched to members, {new} new members, {ambiguous} ambiguous."
            ).format(matched=c.senders_matched, new=c.senders_new, ambiguous=c.senders_ambiguous),
            self.tr("Your own messages: {mine}.").format(mine=c.operator_messages),
            self.tr("Joins: {joins}. Leaves: {leaves}. Ad-like messages: {ads}.").format(
                joins=c.joins, leaves=c.leaves, ads=c.ad_like
            ),
        ]
        return "\n".join(lines)

    # --- the ambiguous senders -------------------------------------------------------------

    def _fill_ambiguous(self, chosen: dict[str, Resolution]) -> None:
        ambiguous = self.preview.ambiguous
        headers = [self.tr("Sender"), self.tr("Id"), self.tr("Messages"), self.tr("Who is it")]
        fill_table(self.ambiguous_table, headers, [_sender_cells(s) for s in ambiguous])
        for row, sender in enumerate(ambiguous):
            combo = QComboBox()
            combo.setObjectName(f"chatResolve{row}")
            combo.addItem(self.tr("Skip: keep the messages without a member"), _SKIP)
            for candidate in sender.candidates:
                combo.addItem(self._candidate_text(candidate), candidate.member_id)
            combo.addItem(self.tr("A new member"), NEW)
            was = chosen.get(sender.key, SKIP)
            index = combo.findData(_SKIP if was is SKIP else was)
            combo.setCurrentIndex(max(index, 0))
            combo.currentIndexChanged.connect(lambda _i, s=sender, c=combo: self._resolved(s, c))
            self.ambiguous_table.setCellWidget(row, 3, combo)
            self.resolvers[sender.key] = combo
        self.ambiguous_table.setColumnWidth(0, 200)
        self.ambiguous_table.setColumnWidth(1, 160)
        self.ambiguous_table.setColumnWidth(2, 90)

    def _candidate_text(self, candidate: Candidate) -> str:
        """A candidate told apart from the others of the same name: the group nickname, and
        what the member record says (city, phone, WeChat id, QQ, first seen)."""
        shown = candidate.name
        if candidate.nickname and candidate.nickname != candidate.name:
            shown = self.tr("{name} (“{nickname}” in the group)").format(
                name=candidate.name, nickname=candidate.nickname
            )
        member = get_member(candidate.member_id)
        phone = member.phone or ""
        details = [
            member.city,
            f"{phone[:3]}****{phone[-4:]}" if len(phone) >= 11 else phone,
            member.wechat_id or "",
            self.tr("QQ {qq}").format(qq=member.qq) if member.qq else "",
            self.tr("since {day}").format(day=local_time(member.first_seen)[:10]),
        ]
        return " · ".join([shown, *[d for d in details if d][:3]])

    def _resolved(self, sender: Sender, combo: QComboBox) -> None:
        data = combo.currentData()
        self._choose(sender.key, SKIP if data == _SKIP else data)

    # --- the senders and "this is me" ------------------------------------------------------

    def _fill_senders(self) -> None:
        headers = [self.tr("Sender"), self.tr("Id"), self.tr("Messages"), self.tr("Matched as")]
        rows = [[*_sender_cells(s), words(SENDERS, s.how)] for s in self._shown_senders]
        fill_table(self.senders_table, headers, rows)
        self.senders_table.setColumnWidth(0, 200)
        self.senders_table.setColumnWidth(1, 160)
        self.senders_table.setColumnWidth(2, 90)

    def selected_sender(self) -> Sender | None:
        rows = self.senders_table.selectionModel().selectedRows()
        return self._shown_senders[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        sender = self.selected_sender()
        can = sender is not None and bool(sender.sender_id) and sender.how != OPERATOR
        self.me_button.setEnabled(can)
        self.me_button.setToolTip(
            ""
            if sender is None or sender.sender_id
            else self.tr("The export gives this sender no id to remember.")
        )

    def select_sender(self, sender_id: str) -> None:
        """Select the row of ``sender_id`` (tests and the person's keyboard alike)."""
        for row, sender in enumerate(self._shown_senders):
            if sender.sender_id == sender_id:
                self.senders_table.selectRow(row)
                return

    def _this_is_me(self) -> None:
        sender = self.selected_sender()
        if sender is not None and sender.sender_id:
            self.thisIsMe.emit(self.preview.plan.chat.platform, sender.sender_id)


def _sender_cells(sender: Sender) -> list[str]:
    name = sender.name or sender.nickname
    if sender.nickname and sender.name and sender.nickname != sender.name:
        name = f"{sender.nickname} ({sender.name})"
    return [name, sender.sender_id, str(sender.messages)]

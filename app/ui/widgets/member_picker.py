"""Choose one member by typing: name, pinyin (zs finds 张三), QQ, WeChat id or phone.

Each pause in typing runs one member search and shows at most ``MAX_MATCHES`` of its hits
in a pop-up list; nothing ever loads every member. A name typed but not picked is never
dropped: ``chosen_member()`` takes the one member it names, or refuses with a message.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from app.core.errors import QT_TRANSLATE_NOOP, ValidationError
from app.core.member_list import MemberFilter, rows_for, search_ids

MAX_MATCHES = 50
SEARCH_DELAY_MS = 120
MemberIdRole = Qt.ItemDataRole.UserRole + 1
NameRole = Qt.ItemDataRole.UserRole + 2


class MemberPicker(QLineEdit):
    """A search box whose pop-up offers matching members; ``member_id()`` is the one chosen."""

    memberChanged = Signal(object)  # noqa: N815 - the chosen member id, or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberPicker")
        self.setClearButtonEnabled(True)
        self.setPlaceholderText(self.tr("Type a name, pinyin (zs), QQ or WeChat id"))
        self._member_id: int | None = None
        self._matches = QStandardItemModel(self)
        self.completer_ = QCompleter(self._matches, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCompletionRole(NameRole)
        self.completer_.setMaxVisibleItems(10)
        self.completer_.activated[QModelIndex].connect(self._chosen)
        self.setCompleter(self.completer_)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.search_now)
        self.textEdited.connect(self._edited)
        self.returnPressed.connect(self._take_single_match)

    # --- the choice ------------------------------------------------------------------------

    def member_id(self) -> int | None:
        return self._member_id

    def set_member(self, member_id: int | None, name: str = "") -> None:
        """Show ``member_id`` as chosen (None: nobody), without searching."""
        self.search_timer.stop()
        if member_id is not None and not name:
            row = rows_for([member_id]).get(member_id)
            name = row.name if row is not None else f"#{member_id}"
        self.setText(name if member_id is not None else "")
        self._set_choice(member_id)

    def _set_choice(self, member_id: int | None) -> None:
        if member_id != self._member_id:
            self._member_id = member_id
            self.memberChanged.emit(member_id)

    def _edited(self, text: str) -> None:
        self._set_choice(None)  # what is typed no longer names the chosen member
        if text.strip():
            self.search_timer.start()
        else:
            self.search_timer.stop()
            self._matches.clear()

    def _chosen(self, index: QModelIndex) -> None:
        member_id = index.data(MemberIdRole)
        if member_id is not None:
            self.setText(index.data(NameRole))
            self._set_choice(int(member_id))

    def _take_single_match(self) -> None:
        """Enter with exactly one match (or a finished search pending) chooses it."""
        if self.search_timer.isActive():
            self.search_now()
        if self._member_id is None and self._matches.rowCount() == 1:
            self._chosen(self._matches.index(0, 0))
            self.completer_.popup().hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter on a typed name is for picking the member; it does not also confirm the dialog.

        With a member highlighted in the pop-up, the pop-up takes Enter and picks that one. In
        an empty field, or once a member is chosen, Enter goes on to the dialog as usual.
        """
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            super().keyPressEvent(event)
            return
        popup = self.completer_.popup()
        if popup.isVisible() and popup.currentIndex().isValid():
            event.ignore()  # the completer chooses the highlighted member
            return
        picking = self._member_id is None and bool(self.text().strip())
        super().keyPressEvent(event)  # returnPressed: take the single match, add…
        if picking:
            event.accept()

    def chosen_member(self) -> int | None:
        """The member chosen; None when the field is empty.

        A name typed but not picked from the list is taken when it names exactly one member
        (one match, or one member of exactly that name); otherwise ValidationError says to
        pick from the list, so what was typed is never silently dropped.
        """
        text = self.text().strip()
        if self._member_id is not None or not text:
            return self._member_id
        self.search_timer.stop()
        ids = search_ids(MemberFilter(text=text))[:MAX_MATCHES]
        if len(ids) > 1:
            rows = rows_for(ids)
            exact = [i for i in ids if i in rows and rows[i].name.casefold() == text.casefold()]
            ids = exact if len(exact) == 1 else ids
        if not ids:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "No member matches “{text}”: type part of a name and pick one."
                ),
                text=text,
            )
        if len(ids) > 1:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "Errors", "Several members match “{text}”: pick one from the list."
                ),
                text=text,
            )
        self.set_member(ids[0])
        return ids[0]

    # --- searching -------------------------------------------------------------------------

    def search_now(self) -> None:
        """Search for what is typed and offer the first matches."""
        self.search_timer.stop()
        text = self.text().strip()
        self._matches.clear()
        if not text:
            return
        ids = search_ids(MemberFilter(text=text))[:MAX_MATCHES]
        rows = rows_for(ids)
        for member_id in ids:
            row = rows.get(member_id)
            if row is None:
                continue
            shown = f"{row.name}  ·  {row.groups}" if row.groups else row.name
            item = QStandardItem(shown)
            item.setData(member_id, MemberIdRole)
            item.setData(row.name, NameRole)
            item.setToolTip(shown)
            item.setEditable(False)
            self._matches.appendRow(item)
        if self._matches.rowCount() and self.hasFocus():
            self.completer_.complete()

    def matches(self) -> list[tuple[int, str]]:
        """The members offered now, as (id, name), in the order shown."""
        return [
            (
                int(self._matches.item(row).data(MemberIdRole)),
                self._matches.item(row).data(NameRole),
            )
            for row in range(self._matches.rowCount())
        ]

    def choose(self, member_id: int) -> None:
        """Choose one of the offered members, as a click in the pop-up does."""
        for row in range(self._matches.rowCount()):
            index = self._matches.index(row, 0)
            if index.data(MemberIdRole) == member_id:
                self.completer_.popup().hide()
                self._chosen(index)
                return
        raise ValueError(f"member {member_id} is not offered")

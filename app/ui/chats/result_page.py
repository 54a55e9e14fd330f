"""The chat import wizard's last page: what was imported, chat by chat."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QVBoxLayout

from app.ui.chats.chat_words import chat_title
from app.ui.imports.page_parts import ImportPage

if TYPE_CHECKING:
    from app.ui.chats.chat_wizard import ChatWizard


class ResultPage(ImportPage):
    """A paragraph per chat: into which group (created or not), and the counts."""

    def __init__(self, wizard: ChatWizard) -> None:
        super().__init__(wizard)  # type: ignore[arg-type]
        self._chat_wizard = wizard
        self.setTitle(self.tr("Imported"))
        self.setFinalPage(True)
        self.summary = QLabel()
        self.summary.setObjectName("chatResult")
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802 - Qt override
        results = self._chat_wizard.results
        self.setSubTitle(
            self.tr("%n chat(s) imported. The groups and members panels show them now.", "",
                    len(results))
        )  # fmt: skip
        self.summary.setText("\n\n".join(self.describe(r) for r in results))

    def describe(self, result: object) -> str:
        from app.core.chat_import import ChatResult

        assert isinstance(result, ChatResult)
        c = result.counts
        into = (
            self.tr("“{chat}” → new group “{group}” (created).")
            if result.group_created
            else self.tr("“{chat}” → group “{group}”.")
        ).format(chat=chat_title(result.plan.chat), group=result.group_name)
        return "\n".join(
            [
                into,
                self.tr("Messages: {new} new, {known} already there.").format(
                    new=c.messages_new, known=c.messages_known
                ),
                self.tr(
                    "Senders: {matched} matched, {new} new members, {ambiguous} ambiguous; "
                    "your own messages: {mine}."
                ).format(
                    matched=c.senders_matched,
                    new=c.senders_new,
                    ambiguous=c.senders_ambiguous,
                    mine=c.operator_messages,
                ),  # fmt: skip
                self.tr("Joins: {joins}. Leaves: {leaves}. Ad-like messages: {ads}.").format(
                    joins=c.joins, leaves=c.leaves, ads=c.ad_like
                ),
            ]
        )

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return True

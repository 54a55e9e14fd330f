"""The chat history import wizard: export files into groups, previewed before anything is
written (PRODUCT.md §5, issue #18).

Pages: the files; the format found and the chat(s) in them (a whole-account Telegram export
lists its group chats to tick); the group each chat goes into; the preview (counts, the
ambiguous senders to resolve, "this is me"); the result. Reading the files, the preview and
the import each run as a job (``app.ui.jobs``) with progress and Cancel; the import writes
every chosen chat in one transaction (``chat_import.apply_many``), so a Cancel writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget, QWizard

from app.core import chat_import
from app.core.chat_import import ChatPreview, ChatResult
from app.core.chat_match import Resolution
from app.io.chats import ChatInfo, detect, list_chats
from app.ui.chats.chats_page import ChatsPage
from app.ui.chats.files_page import FilesPage
from app.ui.chats.groups_page import GroupsPage
from app.ui.chats.preview_page import PreviewPage
from app.ui.chats.result_page import ResultPage
from app.ui.jobs import Progress
from app.ui.widgets.job_wizard import JobWizard

RECORD_BYTES = 200  # about how many bytes of an export hold one message (for the bar)
Target = int | str | None  # a group's id, a new group's name, or None: as the chat says


class ChatWizard(JobWizard):
    """Files → chats → groups → preview → import → result; ``results`` holds what was written."""

    def __init__(
        self, paths: Sequence[Path] = (), group_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("chatImportWizard")
        self.setWindowTitle(self.tr("Import chat history"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.resize(980, 700)
        self.group_id = group_id  # the group whose page opened the wizard
        self.format = ""
        self.chats: list[ChatInfo] = []  # every chat in the files
        self.listed_for: list[Path] = []  # the files ``chats`` were listed from
        self.chosen: list[ChatInfo] = []  # the ticked ones, in order
        self.targets: list[Target] = []  # where each chosen chat goes
        self.me: dict[str, set[str]] = {}  # "this is me": the operator's ids by platform
        self.previews: list[ChatPreview] = []
        self.resolutions: dict[str, Resolution] = {}  # ambiguous senders by Sender.key
        self.results: list[ChatResult] = []
        self.files_page = FilesPage(self, paths)
        self.chats_page = ChatsPage(self)
        self.groups_page = GroupsPage(self)
        self.preview_page = PreviewPage(self)
        self.result_page = ResultPage(self)
        for page in (
            self.files_page, self.chats_page, self.groups_page, self.preview_page,
            self.result_page,
        ):  # fmt: skip
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Import"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Close"))

    # --- jobs ------------------------------------------------------------------------------

    def list_files(
        self, paths: list[Path], on_done: Callable[[], None],
        on_failure: Callable[[Exception], None], on_cancel: Callable[[], None],
    ) -> None:  # fmt: skip
        """Detect the format of ``paths`` and list their chats, in the background."""

        def work(progress: Progress) -> tuple[str, list[ChatInfo]]:
            fmt = detect(paths)
            progress(1, 2)
            chats = list_chats(paths, fmt)
            progress(2, 2)  # a Cancel pressed while the files were read is honoured here
            return fmt, chats

        def listed(found: tuple[str, list[ChatInfo]]) -> None:
            self.format, self.chats = found
            self.listed_for = list(paths)
            self.previews = []
            on_done()

        title = self.tr("Reading %n file(s)…", "", len(paths))
        self.run(title, work, listed, on_failure, on_cancel)

    def make_previews(
        self, on_done: Callable[[], None], on_failure: Callable[[Exception], None],
        on_cancel: Callable[[], None],
    ) -> None:  # fmt: skip
        """Plan and preview every chosen chat, in the background; writes nothing."""
        chats, targets = list(self.chosen), list(self.targets)
        me = {platform: set(ids) for platform, ids in self.me.items()}

        def work(progress: Progress) -> list[ChatPreview]:
            # how many records the files hold is only known once read: the bar goes by a
            # guess from their size, each chat a share of it, full when a chat is done
            guesses = [max(1, sum(f.stat().st_size for f in c.files) // RECORD_BYTES)
                       for c in chats]  # fmt: skip
            whole = sum(guesses)
            previews, base = [], 0
            for chat, target, guess in zip(chats, targets, guesses, strict=True):
                plan = chat_import.plan_chat(chat, target, me.get(chat.platform, ()))

                def part(done: int, _total: int, base: int = base, guess: int = guess) -> None:
                    progress(base + min(done, guess * 99 // 100), whole)

                previews.append(chat_import.preview(plan, progress=part))
                base += guess
                progress(base, whole)
            return previews

        def done(previews: list[ChatPreview]) -> None:
            self.previews = previews
            on_done()

        title = self.tr("Reading %n chat(s) for the preview…", "", len(chats))
        self.run(title, work, done, on_failure, on_cancel)

    def write(
        self, on_done: Callable[[], None], on_failure: Callable[[Exception], None],
        on_cancel: Callable[[], None],
    ) -> None:  # fmt: skip
        """Import the previewed chats in one transaction, in the background."""
        chats = [(p, dict(self.resolutions)) for p in self.previews]

        def work(progress: Progress) -> list[ChatResult]:
            return chat_import.apply_many(chats, progress=progress)

        def done(results: list[ChatResult]) -> None:
            self.results = results
            on_done()

        messages = sum(p.counts.messages_new for p in self.previews)
        title = self.tr("Importing %n message(s)…", "", messages)
        self.run(title, work, done, on_failure, on_cancel)

    # --- choices ---------------------------------------------------------------------------

    def choose_files(self) -> list[str]:
        """The export files to import ([] when cancelled); tests replace this."""
        paths, _filter = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose chat history exports"),
            str(Path.home()),
            self.tr("Chat exports (*.json *.jsonl *.csv *.txt);;All files (*)"),
        )
        return paths

    def reject(self) -> None:
        """Not while a job runs (its progress dialog has the Cancel for that)."""
        if not self.busy():
            super().reject()

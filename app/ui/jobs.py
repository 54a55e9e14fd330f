"""Long jobs off the UI thread, with a progress dialog and Cancel (Anki's operations).

The job function runs in a worker thread and receives ``progress(done, total)``; when the
person presses Cancel (or closes the progress dialog, which is the same), the next
``progress`` call raises ``Cancelled`` so the job's transaction rolls back, and the person is
told so. The worker never touches a widget: its result, error or cancellation comes back to
the UI thread as a signal.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from app.core.database import close_thread_connection
from app.core.errors import Cancelled
from app.core.progress import Progress
from app.memory_release import gc_paused
from app.shown_errors import is_shown
from app.ui.error_messages import error_text

log = logging.getLogger(__name__)


class _Worker(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._fn = fn
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, done: int, total: int) -> None:
        if self._cancel.is_set():
            raise Cancelled()
        self.progressed.emit(done, total)

    @Slot()
    def run(self) -> None:
        try:
            with gc_paused():  # a full collection in this thread would freeze the window
                result = self._fn(self._progress)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - every failure is reported to the UI thread
            if is_shown(exc):  # its message may name a phone or an id: not logged
                log.info("job refused: %s", type(exc).__name__)
            else:
                log.exception("job failed")
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)
        finally:
            close_thread_connection()


class Job(QObject):
    """A running job; ``finished`` fires on the UI thread once it has ended, whatever the end."""

    finished = Signal()

    def __init__(
        self,
        parent: QWidget,
        title: str,
        fn: Callable[[Progress], Any],
        on_success: Callable[[Any], None],
        on_failure: Callable[[Exception], None] | None = None,
        quiet: bool = False,
        on_cancel: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self.title = title
        self.quiet = quiet
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_cancel = on_cancel
        self._abandoned = False
        self.dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        self.dialog.setObjectName("jobProgress")
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self._thread = QThread()
        self._worker = _Worker(fn)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self._show_progress)
        self._worker.succeeded.connect(self._succeeded)
        self._worker.failed.connect(self._failed)
        self._worker.cancelled.connect(self._cancelled)
        self.dialog.canceled.connect(self.cancel)  # direct: the worker thread is busy
        thread, worker = self._thread, self._worker

        def parent_gone() -> None:  # the thread must not outlive the widget that started it
            worker.cancel()
            thread.quit()
            thread.wait()
            _RUNNING.discard(self)  # gone with its parent: nothing left to finish or abandon

        self._parent_watch = parent.destroyed.connect(parent_gone)
        if not quiet:
            self.dialog.show()
        self._thread.start()

    def cancel(self) -> None:
        """Ask the job to stop at its next progress report."""
        self._worker.cancel()

    def abandon(self) -> None:
        """On quit: cancel, wait for the worker to end, and call no handler afterwards."""
        self._abandoned = True
        self._worker.cancel()
        self._thread.quit()
        self._thread.wait()
        self.dialog.close()
        _RUNNING.discard(self)

    def _show_progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))

    def _end(self) -> None:
        self._thread.quit()
        self._thread.wait()
        QObject.disconnect(self._parent_watch)
        self.dialog.close()
        self.finished.emit()

    def _succeeded(self, result: object) -> None:
        self._end()
        if not self._abandoned:
            self._on_success(result)

    def _failed(self, exc: Exception) -> None:
        self._end()
        if self._abandoned:
            return
        if self._on_failure is not None:
            self._on_failure(exc)
            return
        QMessageBox.warning(self._parent, self.dialog.windowTitle(), failure_text(exc))

    def _cancelled(self) -> None:
        self._end()
        if self._abandoned:
            return
        if self._on_cancel is not None:
            self._on_cancel()  # the caller says it in place
        elif not self.quiet:
            say_cancelled(self._parent, self.title)


def say_cancelled(parent: QWidget, title: str) -> QMessageBox:
    """Tell the person a job stopped and left nothing behind (without waiting for an answer)."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        title,
        QCoreApplication.translate("Job", "Cancelled; nothing was changed."),
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setObjectName("jobCancelledMessage")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def failure_text(exc: Exception) -> str:
    """A job's failure in the person's words (a refusal's own message, or "nothing changed")."""
    from app.core.database import disk_full, disk_full_error

    if is_shown(exc):
        return error_text(exc)
    if disk_full(exc):
        return error_text(disk_full_error())
    return QCoreApplication.translate(
        "Job", "Something went wrong and nothing was changed: {error}"
    ).format(error=exc)


def run_job(
    parent: QWidget,
    title: str,
    fn: Callable[[Progress], Any],
    on_success: Callable[[Any], None],
    on_failure: Callable[[Exception], None] | None = None,
    quiet: bool = False,
    on_cancel: Callable[[], None] | None = None,
) -> Job:
    """Start ``fn(progress)`` in a worker thread; keep the returned Job until it finishes.

    ``quiet`` jobs (a backup at start) show no progress dialog; their failures still show.
    After ``finished``, exactly one of ``on_success``, ``on_failure`` (or the default
    message) and ``on_cancel`` runs on the UI thread.
    """
    job = Job(parent, title, fn, on_success, on_failure, quiet, on_cancel)
    _RUNNING.add(job)
    job.finished.connect(lambda: _RUNNING.discard(job))
    return job


def shown_jobs() -> list[Job]:
    """The running jobs the person can see (those with a progress dialog)."""
    return [job for job in _RUNNING if not job.quiet]


def finish_all() -> None:
    """Before the window goes: stop every running job and wait for its thread."""
    for job in list(_RUNNING):
        job.abandon()


_RUNNING: set[Job] = set()  # strong references while jobs run

"""Long jobs run off the UI thread; results, failures and cancels come back to the UI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from app.core import groups
from app.core.errors import ValidationError
from app.store.models import Group, db
from app.ui.jobs import _RUNNING, Progress, failure_text, run_job


def test_result_comes_back_on_the_ui_thread(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict[str, object] = {}

    def work(progress: Progress) -> str:
        seen["worker"] = threading.get_ident()
        for step in range(5):
            progress(step, 5)
        groups.create_group("后台建的群", "qq", "interest")
        return "done"

    def success(result: object) -> None:
        seen["result"] = result
        seen["thread"] = QThread.currentThread()

    job = run_job(parent, "Working", work, success)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert seen["result"] == "done"
    assert seen["thread"] is QApplication.instance().thread()
    assert seen["worker"] != threading.get_ident()
    assert [g.name for g in Group.select()] == ["后台建的群"]
    assert not job.dialog.isVisible()


def test_cancel_rolls_back_everything(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    release = threading.Event()
    outcome: list[str] = []

    def work(progress: Progress) -> None:
        with db.atomic():
            groups.create_group("写了一半", "wechat", "other")
            started.set()
            release.wait(10)
            for step in range(100):
                progress(step, 100)
                groups.create_group(f"群{step}", "wechat", "other")

    job = run_job(parent, "Working", work, lambda _r: outcome.append("success"))
    qtbot.waitUntil(started.is_set, timeout=5000)
    cancel = job.dialog.findChild(QPushButton)
    assert cancel.text() == "Cancel"
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    release.set()
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert outcome == []
    assert Group.select().count() == 0


def test_failure_reaches_the_failure_handler(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    failures: list[Exception] = []

    def work(progress: Progress) -> None:
        progress(0, 1)
        groups.create_group("", "wechat", "other")

    job = run_job(parent, "Working", work, lambda _r: None, failures.append)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert len(failures) == 1
    assert isinstance(failures[0], ValidationError)
    assert "needs a name" in str(failures[0])


def test_a_widget_closed_mid_job_stops_it_first(qtbot) -> None:
    parent = QWidget()
    started = threading.Event()
    ended: list[str] = []

    def work(progress: Progress) -> None:
        try:
            with db.atomic():
                groups.create_group("没写完", "wechat", "other")
                started.set()
                while True:  # until the job is cancelled
                    progress(1, 2)
        finally:
            ended.append(threading.current_thread().name)

    job = run_job(parent, "Working", work, lambda _r: ended.append("success"))
    qtbot.waitUntil(started.is_set, timeout=5000)
    thread = job._thread
    parent.deleteLater()  # as a dialog closed while its job runs
    qtbot.waitUntil(lambda: len(ended) == 1, timeout=5000)
    assert thread.isFinished()  # stopped before the widget went: no thread outlives it
    assert job not in _RUNNING  # nothing left for finish_all() to touch
    assert Group.select().where(Group.name == "没写完").count() == 0  # rolled back


def test_a_cancelled_job_calls_its_cancel_handler_only(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()
    outcome: list[str] = []

    def work(progress: Progress) -> None:
        started.set()
        while True:
            progress(1, 2)

    job = run_job(
        parent,
        "Working",
        work,
        lambda _r: outcome.append("success"),
        lambda _e: outcome.append("failure"),
        on_cancel=lambda: outcome.append("cancelled"),
    )
    qtbot.waitUntil(started.is_set, timeout=5000)
    job.cancel()
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert outcome == ["cancelled"]


def test_closing_the_progress_dialog_cancels_and_says_so(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    started = threading.Event()
    outcome: list[str] = []

    def work(progress: Progress) -> None:
        with db.atomic():
            groups.create_group("写了一半", "wechat", "other")
            started.set()
            while True:  # until the job is cancelled
                progress(1, 2)

    job = run_job(parent, "Loading a sample community…", work, lambda _r: outcome.append("done"))
    qtbot.waitUntil(started.is_set, timeout=5000)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.dialog.close()  # the window's close button, not Cancel
    assert outcome == []
    assert Group.select().count() == 0  # rolled back
    told = parent.findChild(QMessageBox, "jobCancelledMessage")
    assert told is not None and told.isVisible()
    assert told.windowTitle() == "Loading a sample community…"
    assert told.text() == "Cancelled; nothing was changed."
    told.close()


def test_a_quiet_job_cancelled_says_nothing(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    started = threading.Event()

    def work(progress: Progress) -> None:
        started.set()
        while True:
            progress(1, 2)

    job = run_job(parent, "Backing up…", work, lambda _r: None, quiet=True)
    qtbot.waitUntil(started.is_set, timeout=5000)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.cancel()
    assert parent.findChild(QMessageBox, "jobCancelledMessage") is None


def test_a_job_that_fills_the_disk_says_so(tmp_path: object) -> None:
    """SQLite's full-disk error, raised through peewee as a job meets it, is one plain line."""
    db.execute_sql(f"PRAGMA max_page_count = {pragma_value('page_count') + 2}")
    try:
        with db.atomic():
            for i in range(200):
                groups.create_group(f"占满磁盘的群{i:03d}", description="很长的介绍" * 100)
    except Exception as exc:  # noqa: BLE001 - what a job's thread hands to the UI thread
        failure = exc
    assert failure_text(failure) == "The disk is full; nothing was written."
    assert failure_text(RuntimeError("boom")).startswith("Something went wrong")


def pragma_value(name: str) -> int:
    return int(db.execute_sql(f"PRAGMA {name}").fetchone()[0])

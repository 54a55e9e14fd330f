"""Errors a person is shown, whichever layer raised them: the same one line in the window and on
the command line, in both languages (``app.shown_errors``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from app.core.errors import ValidationError
from app.io.errors import QT_TRANSLATE_NOOP, FileRefused
from app.io.rosters.file import RosterError
from app.shown_errors import is_shown
from app.ui.app import install_translations
from app.ui.widgets.error_label import ErrorLabel
from tests.cli.test_export import huoqun


class DatabaseRefusal(Exception):
    """Like an error of another layer: the same shape, no shared base class."""

    def __init__(self, template: str, **params: Any) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params))


def test_any_error_with_a_template_and_params_is_shown() -> None:
    assert is_shown(ValidationError(QT_TRANSLATE_NOOP("Errors", "A group needs a name.")))
    assert is_shown(RosterError(QT_TRANSLATE_NOOP("Errors", "{name} is empty."), name="a.csv"))
    assert is_shown(DatabaseRefusal("{path} is busy.", path="x.db"))
    assert not is_shown(ValueError("a bug"))
    assert not is_shown("{name} is empty.")
    assert issubclass(RosterError, FileRefused) and not issubclass(RosterError, ValidationError)


@pytest.mark.parametrize(
    ("language", "line"),
    [("en", "huoqun: empty.csv is empty."), ("zh_CN", "huoqun: empty.csv 是空文件。")],
)
def test_the_command_line_prints_a_file_refusal_on_one_line(
    tmp_path: Path, language: str, line: str
) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    lang = "zh_CN.UTF-8" if language == "zh_CN" else "C.UTF-8"
    args = ("import", str(empty), "--group", "G", "--db", str(tmp_path / "h.db"))
    result = huoqun(*args, lang=lang)
    assert result.returncode == 1
    assert result.stderr.strip() == line


@pytest.mark.parametrize(
    ("language", "text"), [("en", "empty.csv is empty."), ("zh_CN", "empty.csv 是空文件。")]
)
def test_the_window_shows_a_file_refusal_in_its_language(
    qapp: QApplication, language: str, text: str
) -> None:
    label = ErrorLabel("error")
    install_translations(qapp, language)
    try:
        label.show_error(
            RosterError(QT_TRANSLATE_NOOP("Errors", "{name} is empty."), name="empty.csv")
        )
        assert label.text() == text
        label.show_error(DatabaseRefusal("{name} is empty.", name="empty.csv"))
        assert label.text() == text
    finally:
        install_translations(qapp, "en")

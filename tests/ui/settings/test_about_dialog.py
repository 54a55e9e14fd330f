"""The About dialog: version, where the data lives, and the bundled components' licences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton

from app import __version__
from app.ui.settings.about_dialog import COMPONENTS, AboutDialog, licence_text


def test_about_dialog_shows_version_paths_and_licences(qtbot, tmp_path: Path) -> None:
    db = tmp_path / "huoqun.db"
    dialog = AboutDialog(db)
    qtbot.addWidget(dialog)
    assert dialog.version_label.text() == __version__
    assert dialog.database_label.text() == str(db)
    assert dialog.folder_label.text() == str(tmp_path.resolve())  # where the database is
    assert Path(dialog.folder_label.text()).is_dir()
    assert dialog.licences.isReadOnly()
    text = dialog.licences.toPlainText()
    for name, licence in COMPONENTS:
        assert name in text and licence in text
    for expected in ("LGPL-3.0", "PySide6", "peewee", "qasync", "BSD-2-Clause", "Apache-2.0"):
        assert expected in text
    assert text == licence_text()


def test_settings_panel_opens_about(qtbot, database: Path, monkeypatch) -> None:
    from app.ui.settings import panel as settings_module

    shown: list[object] = []
    monkeypatch.setattr(
        "app.ui.settings.about_dialog.AboutDialog.exec", lambda self: shown.append(self) or 0
    )
    panel = settings_module.SettingsPanel(database)
    qtbot.addWidget(panel)
    button = panel.findChild(QPushButton, "aboutButton")
    assert button is not None
    button.click()
    assert len(shown) == 1

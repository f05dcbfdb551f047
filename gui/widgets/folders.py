"""Where the app keeps what it makes (training runs, depth sweeps): the user's application data folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

__all__ = ["app_data_folder"]


def app_data_folder() -> Path:
    """The application data folder, without its name twice.

    Qt's ``AppDataLocation`` is ``<data>/<organization>/<application>``; the app gives both the same name, so
    it read ".../CNN Casebook/CNN Casebook". Where the two are the same, the folder is named once.
    """
    location = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation))
    organization, application = QCoreApplication.organizationName(), QCoreApplication.applicationName()
    if organization and organization == application and location.name == application \
            and location.parent.name == organization:
        return location.parent
    return location

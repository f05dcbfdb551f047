"""Where the files that ship with the app live (``resources/`` at the top of the repository)."""

from pathlib import Path

__all__ = ["RESOURCES_DIR"]

RESOURCES_DIR = Path(__file__).resolve().parent.parent / "resources"

"""The Qt desktop app. The only package allowed to import PySide6."""

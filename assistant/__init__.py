"""The clinical assistant: answering, the command line, and (in `assistant.ui`) the desktop app."""

# The one place the version is written: pyproject.toml reads it, `clinassist --version`, the
# About box, the frozen build's VERSION file and the .deb's control file print it.
__version__ = "0.1.0"

"""The clinical assistant: answering, the command line, and (in `assistant.ui`) the desktop app."""

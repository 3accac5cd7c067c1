"""The Qt layer: the only package that imports PySide6."""

from workshop_app.ui._workarounds import keep_none_alive

keep_none_alive()

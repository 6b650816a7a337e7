"""The Qt layer (the only package that imports PySide6 or pyqtgraph): engine, window, panels
and plots."""

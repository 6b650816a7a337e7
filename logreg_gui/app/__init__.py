"""Command line: parse arguments (generated from the parameter table), then open the window or
train headless and write the outputs.

Modules: :mod:`.arguments` (the parser), :mod:`.inputs` (data, session file, options) and
:mod:`.run` (``main``: window or headless run, outputs).
"""

from logreg_gui.app.arguments import build_parser
from logreg_gui.app.run import main

__all__ = ["build_parser", "main"]

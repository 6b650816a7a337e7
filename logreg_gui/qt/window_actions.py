"""The window's actions, menus and toolbars (a mixin of :class:`MainWindow`)."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QStyle

from ..core.generators import GENERATORS
from .icons import class_icon


EXAMPLES_DIR = Path(__file__).resolve().parents[2] / "resources" / "datasets"


class WindowActions:
    """Builds the QActions (with object names and shortcuts), the menus and the toolbar; the
    slots they call are :class:`MainWindow` methods."""

    def _action(self, name, text, shortcuts, slot=None, icon=None, tip=""):
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(key) for key in shortcuts])
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        keys = ", ".join(shortcuts)
        action.setToolTip(f"{tip or text} ({keys})" if keys else tip or text)
        if slot is not None:
            action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work even when the toolbar is hidden
        return action

    def _build_actions(self):
        pixmap = QStyle.StandardPixmap
        self.play_action = self._action("play_pause", "Play", ["Space"], self.controller.toggle,
                                        pixmap.SP_MediaPlay, "Start or pause training")
        self.step_action = self._action("step", "Step", ["Right", "S"], lambda: self._step(1),
                                        pixmap.SP_MediaSkipForward, "One gradient-descent update")
        self.step10_action = self._action("step_10", "×10", ["Shift+Right"],
                                          lambda: self._step(10), tip="Ten updates")
        self.step100_action = self._action("step_100", "×100", ["Ctrl+Right"],
                                           lambda: self._step(100), tip="A hundred updates")
        self.converge_action = self._action("run_until_converged", "Until converged", ["C"],
                                            self._run_until_converged,
                                            tip="Run at full speed until converged (or paused)")
        self.step_back_action = self._action("step_back", "Step back", ["Left"],
                                             self._step_back, pixmap.SP_MediaSkipBackward,
                                             "Show the previous snapshot (while paused)")
        self.reset_action = self._action("reset", "Reset", ["R"], self.controller.reset,
                                         pixmap.SP_BrowserReload, "w = 0, b = 0, clear the loss")
        self.clear_action = self._action("clear", "Clear", ["Ctrl+Delete"], self._clear_points,
                                         pixmap.SP_DialogDiscardButton, "Remove all points")
        self.class_group = QActionGroup(self)
        self.class_actions = []
        for label in (0, 1):
            action = self._action(f"class_{label}", f"Class {label}", [str(label)],
                                  tip=f"Clicks add class {label} (Shift+click: the other class)")
            action.setCheckable(True)
            action.setIcon(class_icon(label))
            self.class_group.addAction(action)
            self.class_actions.append(action)
        self.class_actions[1].setChecked(True)
        self.open_action = self._action("open", "Open…", ["Ctrl+O"], self._on_open_triggered)
        self.save_action = self._action("save_points", "Save points…", ["Ctrl+S"],
                                        self._on_save_triggered)
        self.quit_action = self._action("quit", "Quit", ["Ctrl+Q"], self.close)

    def _build_menus_and_toolbar(self):
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(self.open_action)
        examples = file_menu.addMenu("Examples")
        for path in sorted(EXAMPLES_DIR.glob("*.csv")):
            action = examples.addAction(path.stem.replace("_", " "))
            action.triggered.connect(lambda _=False, p=path: self.open_csv(p))
        file_menu.addAction(self.save_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        data_menu = self.menuBar().addMenu("&Data")
        for name in GENERATORS:
            action = data_menu.addAction(f"Generate {name}")
            action.setObjectName(f"generate_{name}")
            action.setToolTip("Replace the points (size, noise and seed from the Data controls)")
            action.triggered.connect(lambda _=False, n=name: self.generate_data(n))
        train_menu = self.menuBar().addMenu("&Training")
        toolbar = self.addToolBar("Training")
        toolbar.setObjectName("training_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.play_action, self.step_back_action, self.step_action,
                       self.step10_action, self.step100_action, self.converge_action,
                       self.reset_action, self.clear_action):
            train_menu.addAction(action)
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(" New points: "))
        for action in self.class_actions:
            toolbar.addAction(action)

"""The window's actions (with object names and shortcuts), its menus and its toolbar."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QStyle

from logreg_gui.core.generators import GENERATORS
from logreg_gui.qt.window import dialogs, export_dialogs
from logreg_gui.qt.window.icons import class_icon

EXAMPLES_DIR = Path(__file__).resolve().parents[3] / "resources" / "datasets"
PIXMAP = QStyle.StandardPixmap


class WindowActions:
    """Builds every QAction of `window` (a MainWindow), its menus and its toolbar.

    Each action is an attribute (``play``, ``step``, …) and is also found by its object name
    (``play_pause``, ``step``, ``step_10``, ``step_100``, ``run_until_converged``,
    ``step_back``, ``reset``, ``clear``, ``class_0``, ``class_1``, ``open``, ``save_points``,
    ``open_session``, ``save_session``, ``quit``, ``undo``, ``redo``, ``delete_points``,
    ``flip_points``, ``select_all``, ``edit_history``, ``presentation``, ``export_*``).
    """

    def __init__(self, window):
        self._window = window
        w = window
        self.play = self._action("play_pause", "Play", ["Space"], w.controller.toggle,
                                 PIXMAP.SP_MediaPlay, "Start or pause training")
        self.step = self._action("step", "Step", ["Right", "S"], lambda: w.step(1),
                                 PIXMAP.SP_MediaSkipForward, "One gradient-descent update")
        self.step_10 = self._action("step_10", "×10", ["Shift+Right"], lambda: w.step(10),
                                    tip="Ten updates")
        self.step_100 = self._action("step_100", "×100", ["Ctrl+Right"], lambda: w.step(100),
                                     tip="A hundred updates")
        self.converge = self._action("run_until_converged", "Until converged", ["C"],
                                     w.run_until_converged,
                                     tip="Run at full speed until converged (or paused)")
        self.step_back = self._action("step_back", "Step back", ["Left"], w.step_back,
                                      PIXMAP.SP_MediaSkipBackward,
                                      "Show the previous snapshot (while paused)")
        self.reset = self._action("reset", "Reset", ["R"], w.controller.reset,
                                  PIXMAP.SP_BrowserReload, "w = 0, b = 0, clear the loss")
        self.clear = self._action("clear", "Clear points", ["Ctrl+Delete"], w.clear_points,
                                  PIXMAP.SP_DialogDiscardButton, "Remove all points")
        self.class_group = QActionGroup(window)
        self.classes = [self._class_action(label) for label in (0, 1)]
        self.classes[0].setChecked(True)
        self.open = self._action("open", "Open…", ["Ctrl+O"],
                                 lambda: dialogs.open_any(w, EXAMPLES_DIR),
                                 tip="Open a table (through the import dialog) or a session")
        self.save_points = self._action("save_points", "Save points…", ["Ctrl+S"],
                                        lambda: dialogs.save_points(w, w.points.dataset))
        self.open_session = self._action("open_session", "Open session…", ["Ctrl+Shift+O"],
                                         lambda: dialogs.open_session(w))
        self.save_session = self._action("save_session", "Save session…", ["Ctrl+Shift+S"],
                                         lambda: dialogs.save_session(w))
        self.quit = self._action("quit", "Quit", ["Ctrl+Q"], w.close)
        self.presentation = self._action("presentation", "Presentation", ["F11"],
                                         tip="Full screen, bigger fonts, plots and formulas only")
        self.presentation.setCheckable(True)
        self.presentation.toggled.connect(w.presentation.set_active)
        self.reset_layout = self._action("reset_layout", "Reset layout", [], w.views.arrange,
                                         tip="Every panel back in its default place")
        self.restore_view = self._action("restore_default_view", "Restore default view", [],
                                         w.restore_default_view,
                                         tip="Threshold, overlays and loss axes as at first")
        self._build_menus()
        self._build_toolbar()

    def _action(self, name, text, shortcuts, slot=None, icon=None, tip=""):
        action = QAction(text, self._window)
        action.setObjectName(name)
        action.setShortcuts([QKeySequence(key) for key in shortcuts])
        if icon is not None:
            action.setIcon(self._window.style().standardIcon(icon))
        keys = ", ".join(shortcuts)
        action.setToolTip(f"{tip or text} ({keys})" if keys else tip or text)
        if slot is not None:
            action.triggered.connect(slot)
        self._window.addAction(action)  # shortcuts work even when the toolbar is hidden
        return action

    def _class_action(self, label):
        action = self._action(f"class_{label}", f"Class {label}", [str(label)],
                              tip=f"Clicks add class {label} (Shift+click: the other class)")
        action.setCheckable(True)
        action.setIcon(class_icon(label))
        self.class_group.addAction(action)
        return action

    @property
    def training(self):
        """The actions that drive training, in toolbar order (list of QAction)."""
        return [self.play, self.step_back, self.step, self.step_10, self.step_100,
                self.converge, self.reset]

    def show_running(self, running):
        """Play or Pause on the play button."""
        text = "Pause" if running else "Play"
        if self.play.text() != text:
            self.play.setText(text)
            pixmap = PIXMAP.SP_MediaPause if running else PIXMAP.SP_MediaPlay
            self.play.setIcon(self._window.style().standardIcon(pixmap))

    def _build_menus(self):
        menu_bar = self._window.menuBar()
        file_menu = menu_bar.addMenu("&File")
        file_menu.addAction(self.open)
        examples = file_menu.addMenu("Examples")
        for path in sorted(EXAMPLES_DIR.glob("*.csv")):
            action = examples.addAction(path.stem.replace("_", " "))
            action.setObjectName(f"example_{path.stem}")
            action.triggered.connect(lambda _=False, p=path: self._window.open_example(p))
        file_menu.addSeparator()
        for action in (self.open_session, self.save_session, self.save_points):
            file_menu.addAction(action)
        self._build_export_menu(file_menu.addMenu("Export"))
        file_menu.addSeparator()
        file_menu.addAction(self.quit)
        self._build_edit_menu(menu_bar.addMenu("&Edit"))
        data_menu = menu_bar.addMenu("&Data")
        for name in GENERATORS:
            action = data_menu.addAction(f"Generate {name}")
            action.setObjectName(f"generate_{name}")
            action.setToolTip("Replace the points (size, noise and seed from the Data controls)")
            action.triggered.connect(lambda _=False, n=name: self._window.generate_data(n))
        data_menu.addSeparator()
        data_menu.addAction(self.clear)
        train_menu = menu_bar.addMenu("&Training")
        for action in self.training:
            train_menu.addAction(action)
        view_menu = menu_bar.addMenu("&View")
        panels = view_menu.addMenu("Panels")
        for dock in self._window.views.docks:
            panels.addAction(dock.toggleViewAction())
        view_menu.addAction(self.reset_layout)
        view_menu.addAction(self.restore_view)
        view_menu.addSeparator()
        view_menu.addAction(self.presentation)

    def _build_edit_menu(self, menu):
        w = self._window
        stack = w.undo_stack
        self.undo = stack.createUndoAction(w, "Undo")
        self.redo = stack.createRedoAction(w, "Redo")
        for action, name, keys in ((self.undo, "undo", [QKeySequence.StandardKey.Undo]),
                                   (self.redo, "redo", [QKeySequence("Ctrl+Shift+Z"),
                                                        QKeySequence("Ctrl+Y")])):
            action.setObjectName(name)
            action.setShortcuts(keys)
            w.addAction(action)
        self.delete_points = self._action("delete_points", "Delete selected points",
                                          ["Delete", "Backspace"], lambda: w.points.delete())
        self.flip_points = self._action("flip_points", "Flip class of selected points", ["F"],
                                        lambda: w.points.flip())
        self.select_all = self._action("select_all", "Select all points", ["Ctrl+A"],
                                       w.points.select_all)
        self.edit_history = self._action("edit_history", "History…", ["Ctrl+H"],
                                         w.show_edit_history,
                                         tip="Every change of the data; click one to go back")
        for group_of_actions in ((self.undo, self.redo),
                                 (self.delete_points, self.flip_points, self.select_all),
                                 (self.edit_history,)):
            menu.addActions(list(group_of_actions))
            menu.addSeparator()
        view_box_menu = w.views.data_plot.getViewBox().menu
        view_box_menu.addSeparator()
        view_box_menu.addAction(self.delete_points)
        view_box_menu.addAction(self.flip_points)

    def _build_export_menu(self, menu):
        w = self._window
        for name in ("window", "data", "sigmoid", "loss", "landscape"):
            action = self._action(f"export_{name}", f"{name.capitalize()} as picture…", [],
                                  lambda _=False, n=name: export_dialogs.export_picture(w, n))
            menu.addAction(action)
        for plot, name in zip(w.views.plots, ("data", "sigmoid", "loss", "landscape"),
                              strict=True):
            export_dialogs.picture_menu_actions(w, plot.getViewBox().menu, name)
            # Ours replaces pyqtgraph's own "Export...", whose SVG fails with Qt 6.11.
            plot.scene().contextMenu = []
        menu.addSeparator()
        for name, text, slot in (
                ("export_history", "Loss history (CSV)…", export_dialogs.export_history),
                ("export_model", "Model for scikit-learn (JSON)…", export_dialogs.export_model),
                ("export_animation", "Animation of the run (GIF, MP4)…",
                 export_dialogs.export_animation),
                ("export_python", "Python script (scikit-learn)…", export_dialogs.export_python)):
            menu.addAction(self._action(name, text, [], lambda _=False, s=slot: s(w)))

    def _build_toolbar(self):
        toolbar = self._window.addToolBar("Training")
        toolbar.setObjectName("training_toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in self.training:
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(" New points: "))
        for action in self.classes:
            toolbar.addAction(action)
        toolbar.addSeparator()  # away from Reset: Clear removes the points themselves
        toolbar.addAction(self.clear)

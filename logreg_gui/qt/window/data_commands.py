"""The main window's data commands: open a table, a session or an example, generate, clear and
save; the window's public API for scripts and tests (a mixin of MainWindow)."""

import html
from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QUndoView

from logreg_gui.core.data import DataError, read_csv
from logreg_gui.core.frame import ViewOptions
from logreg_gui.core.generators import generate
from logreg_gui.core.io import (SESSION_SUFFIX, SessionParts, load_session, save_session,
                                session_document, session_parts)
from logreg_gui.core.io.python_file import DataFile
from logreg_gui.core.parameters import group
from logreg_gui.core.table import read_table
from logreg_gui.qt.plots.style import class_text, label_text
from logreg_gui.qt.window import dialogs
from logreg_gui.qt.window.import_dialog import ImportDialog


class DataCommands:
    """What MainWindow does with data and files; expects the window's ``points``, ``controls``,
    ``controller``, ``views``, ``window_actions`` and its ``_options``, ``_view``, ``_latest``,
    ``_timeline``, ``_configure`` and ``_redraw``."""

    def open_csv(self, path):
        """Load a table file with the command line's defaults, without the import dialog
        (asking first when points were placed by hand); on bad input show a message and keep
        the current points.

        Returns
        -------
        bool
            True when the file was loaded.
        """
        try:
            dataset = read_csv(path)
        except DataError as error:
            dialogs.show_error(self, "Cannot open file", str(error))
            return False
        self._data_file = DataFile(path)
        return self.points.replace(self._split(dataset), Path(path).name)

    def open_file(self, path):
        """Open what `path` holds: a session (``.logreg.json``) at once, a table through the
        import dialog."""
        if str(path).endswith(SESSION_SUFFIX):
            self.open_session(path)
        else:
            self.open_table(path)

    def open_table(self, path):
        """Show the import dialog for a table file (window-modal, not blocking); accepting it
        replaces the points.

        Returns
        -------
        ImportDialog
        """
        dialog = ImportDialog(path, self)
        dialog.accepted.connect(lambda: self._on_import_dialog_accepted(dialog, path))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _on_import_dialog_accepted(self, dialog, path):
        columns = (box.currentData() for box in (dialog.x_column, dialog.y_column,
                                                  dialog.label_column))
        self._data_file = DataFile(path, *columns, dialog.chosen_classes(), dialog.table_format())
        self.set_dataset(dialog.dataset(), Path(path).name)

    @property
    def data_file(self):
        """The table the points were last read from (a
        :class:`~logreg_gui.core.io.python_file.DataFile`), or None: the command line's file
        (the window's source) until one is opened. The points may have changed since."""
        opened = getattr(self, "_data_file", None)
        source = Path(self.points.source)
        if opened is None and source.is_file() and not source.name.endswith(SESSION_SUFFIX):
            return DataFile(source)
        return opened

    def open_example(self, path):
        """Open a shipped example: a three-column table at once, a wider one through the import
        dialog (to choose its columns)."""
        if len(read_table(path).columns) == 3:
            return self.open_csv(path)
        return self.open_table(path)

    def show_edit_history(self):
        """Show the list of every change of the data (a QUndoView: click one to go back)."""
        view = self.findChild(QUndoView, "edit_history")
        if view is None:
            view = QUndoView(self.undo_stack, self)
            view.setObjectName("edit_history")
            view.setWindowFlag(Qt.WindowType.Tool)
            view.setWindowTitle("Edit history")
            view.setEmptyLabel("Opened")
            view.resize(320, 400)
        view.show()
        view.raise_()
        return view

    def set_dataset(self, dataset, source, verb="Opening"):
        """Replace the points (split as the test fraction says), reset training and fit the
        view to them (asking first when points were placed by hand).

        Returns
        -------
        bool
            Whether the points were replaced.
        """
        return self.points.replace(self._split(dataset), source, verb=verb)

    def generate_data(self, name):
        """Replace the points by generated ones (asking first when points were placed by hand).

        Returns
        -------
        bool
            True when the points were replaced.
        """
        value = self.controls.value
        return self.set_dataset(generate(name, value("n_samples"), value("noise"),
                                         value("random_state")), name, "Generating")

    def clear_points(self):
        """Remove every point (asking first when points were placed by hand)."""
        return self.points.clear()

    # -- sessions -------------------------------------------------------------------------------

    def session(self):
        """What a session file holds of the window now (:class:`SessionParts`)."""
        state = self._latest.state
        controls = {name: self.controls.value(name) for name in self.controls.fields
                    if name not in asdict(self._options)}
        (x0, x1), (y0, y1) = self.views.data_plot.getViewBox().viewRange()
        losses = self._timeline.losses
        return SessionParts(self.points.dataset, self._options, controls, (x0, x1, y0, y1),
                            state.theta, state.iteration, (losses.iterations, losses.losses))

    def save_session(self, path):
        """Write the session (points, options, θ, view, loss history) to `path`, atomically.

        Raises
        ------
        OSError
            If the file cannot be written (the previous file is left intact).
        """
        save_session(path, session_document(self.session()))

    def open_session(self, path):
        """Replace points, options, view, θ and loss history by a session file's (asking first
        when points were placed by hand); a damaged or newer file changes nothing and says why.

        Returns
        -------
        bool
            Whether the session was opened.
        """
        try:
            parts = session_parts(load_session(path), path)
        except DataError as error:
            dialogs.show_error(self, "Cannot open session", str(error))
            return False
        fraction = parts.controls.get("test_fraction", parts.dataset.test_fraction)
        if not self.points.replace(parts.dataset, Path(path).name, fraction):
            return False
        self._show_settings(parts)
        if parts.iteration or parts.theta.any():
            self._history_to_restore = (parts.iteration, parts.history)
            # The engine's TrainingController.start_from(theta, iteration): continue from θ
            # (trained units) at that iteration; its next snapshot starts a new loss history.
            self.controller.start_from(parts.theta, parts.iteration)
        return True

    def _show_settings(self, parts):
        self.controls.show_values({**asdict(parts.options), **parts.controls})
        self._view = ViewOptions(**{p.name: self.controls.value(p.name) for p in group("view")})
        self._configure(parts.options)
        self.controller.speed_change_requested.emit(self.controls.value("speed"))
        self.controller.side_by_side_requested.emit(self.controls.value("side_by_side"))
        if parts.data_range is not None:
            x0, x1, y0, y1 = parts.data_range
            self.views.data_plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self._redraw()

    def _restore_history(self, snapshot):
        """Put a session's loss curve back once the worker continues from its θ."""
        iteration, (iterations, losses) = self._history_to_restore
        if snapshot.new_history and snapshot.state.iteration == iteration:
            self._timeline.losses.restore(iterations, losses)
            self._history_to_restore = None

    # -- data changes ---------------------------------------------------------------------------

    def _split(self, dataset):
        return dataset.with_test_split(self.controls.value("test_fraction"),
                                       self.controls.value("random_state"))

    def _on_data_plot_point_requested(self, x1, x2, shift):
        self.points.add_point((x1, x2), self.selected_class ^ int(shift))

    def _on_points_points_changed(self, dataset, replaced):
        self.controls.show_values({"test_fraction": self.points.test_fraction})
        self.controller.set_data(dataset)
        if replaced:
            self.controller.reset()
            self.views.data_plot.fit_view(dataset)
        self._show_points()

    def _show_points(self):
        self.setWindowTitle(f"logreg-gui — {self.points.title}")
        for label, action in enumerate(self.window_actions.classes):
            name = html.unescape(label_text(self.points.dataset.class_names[label]))
            action.setText(class_text(label, name).replace("&", "&&"))  # '&': a mnemonic
        self._redraw()

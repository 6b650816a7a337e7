"""Saving and restoring the window's layout and view options through :mod:`settings`."""

VIEW_BOXES = ("weight_vector", "contours", "trail", "fill_by_prediction", "size_by_loss")


def _checkboxes(window):
    controls = window.controls
    boxes = {"step_function": controls.step_box, "log_scale": controls.log_box,
             "gap": controls.gap_box}
    boxes.update({name: controls.view_boxes[name] for name in VIEW_BOXES})
    return boxes


def save_window(window, settings):
    """Store the geometry, dock layout, loss choice and view options of `window`."""
    settings.set_value("window/geometry", window.saveGeometry())
    settings.set_value("window/state", window.saveState())
    settings.set_value("training/loss", window.controls.loss.currentData())
    settings.set_value("view/threshold", window.controls.threshold.value())
    for name, box in _checkboxes(window).items():
        settings.set_value(f"view/{name}", box.isChecked())
    settings.sync()


def restore_window(window, settings):
    """Apply stored geometry, dock layout and view options (the checkboxes emit as usual)."""
    geometry = settings.value("window/geometry")
    if not geometry.isEmpty():
        window.restoreGeometry(geometry)
    state = settings.value("window/state")
    if not state.isEmpty():
        window.restoreState(state)
    window.controls.threshold.setValue(settings.value("view/threshold"))
    for name, box in _checkboxes(window).items():
        box.setChecked(settings.value(f"view/{name}"))

"""Pointer and keyboard actions: clicks, hovering, keys, typing, options and sliders."""

from tests.fuzz.common import KEYS, MAX_DRAWN, pixels_to_nearest
from tests.fuzz.values import random_text, random_value


class PointerActions:
    """Clicks, keys and controls (a mixin of ActionFuzzer)."""

    def do_click(self, rng):
        return self._click_in_view(rng, shift=False)

    def do_shift_click(self, rng):
        return self._click_in_view(rng, shift=True)

    def _click_in_view(self, rng, shift):
        """A click at a random place of the visible data range (or a bit beyond it)."""
        view_box = self.window.views.data_plot.getViewBox()
        (x0, x1), (y0, y1) = view_box.viewRange()
        u, v = rng.uniform(-0.1, 1.1, size=2)
        return self._click_at_view(x0 + u * (x1 - x0), y0 + v * (y1 - y0), shift)

    def _click_at_view(self, x, y, shift):
        from PySide6.QtCore import QPointF

        plot = self.window.views.data_plot
        scene = plot.getViewBox().mapViewToScene(QPointF(x, y))
        return self._click_pixel(plot.mapFromScene(scene), shift)

    def do_click_anywhere(self, rng):
        from PySide6.QtCore import QPoint

        viewport = self.window.views.data_plot.viewport()
        pixel = QPoint(int(rng.integers(0, max(viewport.width(), 1))),
                       int(rng.integers(0, max(viewport.height(), 1))))
        return self._click_pixel(pixel, shift=bool(rng.integers(2)))

    def _click_pixel(self, pixel, shift):
        """Click `pixel` of the data plot; a click inside the view adds exactly one point of the
        chosen class there, a click outside none (checked when nothing else takes the click)."""
        from PySide6.QtCore import QPointF, Qt
        from PySide6.QtTest import QTest

        from logreg_gui.qt.plots.overlays import PICK_RADIUS_PX

        window = self.window
        plot = window.views.data_plot
        view_box = plot.getViewBox()
        scene = plot.mapToScene(pixel)
        inside = view_box.sceneBoundingRect().contains(scene)
        wanted = window.selected_class ^ int(shift)
        target = view_box.mapSceneToView(QPointF(scene))
        X, y = self._data()
        near = pixels_to_nearest(view_box, X, target)
        # A click within the pick radius of a drawn point selects it instead (a sample is
        # drawn above MAX_DRAWN points; a point just at the radius may go either way).
        on_a_point = near < PICK_RADIUS_PX - 1 and len(y) <= MAX_DRAWN
        strict = self._click_is_plain(plot, scene, pixel) and (
            on_a_point or near > PICK_RADIUS_PX + 1)
        if on_a_point:
            inside = False  # nothing is added
        modifier = (Qt.KeyboardModifier.ShiftModifier if shift
                    else Qt.KeyboardModifier.NoModifier)
        QTest.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, modifier, pixel)
        X2, y2 = self._data()
        added = len(y2) - len(y)
        description = (f"pixel ({pixel.x()}, {pixel.y()}) = ({target.x():.4g}, {target.y():.4g})"
                       f"{' shift' if shift else ''}, {'inside' if inside else 'outside'}")
        if strict:
            self._check_click(added, inside, wanted, (X2, y2), target, description)
        elif added not in (0, 1):
            self.fail(f"a click added {added} points")
        return description

    def _click_is_plain(self, plot, scene, pixel):
        """Whether a click there must reach the plot as it is: the window shown and active, no
        dialog or popup open, the pixel on the viewport and off the legend."""
        from PySide6.QtWidgets import QApplication

        window = self.window
        legend = plot.getPlotItem().legend
        return (window.isVisible() and not window.isMinimized() and window.isActiveWindow()
                and QApplication.activeModalWidget() is None
                and QApplication.activePopupWidget() is None
                and plot.viewport().rect().contains(pixel)
                and not (legend is not None and legend.isVisible()
                         and legend.sceneBoundingRect().contains(scene)))

    def _check_click(self, added, inside, wanted, data, target, description):
        X, y = data
        if added != int(inside):
            self.fail(f"click {description} added {added} points")
        if not inside:
            return
        view_box = self.window.views.data_plot.getViewBox()
        (x0, x1), (y0, y1) = view_box.viewRange()
        rect = view_box.sceneBoundingRect()
        dx, dy = (x1 - x0) / rect.width(), (y1 - y0) / rect.height()
        if y[-1] != wanted:
            self.fail(f"click {description} added class {y[-1]}, not {wanted}")
        if abs(X[-1, 0] - target.x()) > 2 * dx or abs(X[-1, 1] - target.y()) > 2 * dy:
            self.fail(f"click {description} added a point at {X[-1]}")

    def do_hover(self, rng):
        from PySide6.QtCore import QPoint
        from PySide6.QtTest import QTest

        viewport = self.window.views.data_plot.viewport()
        pixel = QPoint(int(rng.integers(0, max(viewport.width(), 1))),
                       int(rng.integers(0, max(viewport.height(), 1))))
        QTest.mouseMove(viewport, pixel)
        return f"pointer at ({pixel.x()}, {pixel.y()})"

    # -- keys and typing -------------------------------------------------------------------------

    def do_key(self, rng):
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        key, modifier = KEYS[rng.integers(len(KEYS))]
        target = QApplication.focusWidget() or self.window
        modifiers = getattr(Qt.KeyboardModifier, f"{modifier}Modifier", None) if modifier \
            else Qt.KeyboardModifier.NoModifier
        if (key, modifier) in (("O", "Control"), ("S", "Control")):
            self._expected_boxes |= {"Cannot open file", "Cannot save points"}
        QTest.keyClick(target, getattr(Qt.Key, f"Key_{key}"), modifiers)
        done = f"{modifier + '+' if modifier else ''}{key} to {type(target).__name__}"
        popup = QApplication.activePopupWidget()
        if popup is not None:  # Space opened a list: pick nothing, as Escape would
            popup.close()
            done += f", its {type(popup).__name__} closed"
        return done

    def do_type_number(self, rng):
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        from logreg_gui.qt.window.widgets import NumberField

        fields = [(name, f) for name, f in self.window.controls.fields.items()
                  if isinstance(f, NumberField) and f.isEnabled()]
        name, field_ = fields[rng.integers(len(fields))]
        box = field_.box
        box.setFocus()
        box.lineEdit().selectAll()
        text = random_text(rng)
        QTest.keyClicks(box.lineEdit(), text)
        end = [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape, Qt.Key.Key_Tab, None]
        key = end[rng.integers(len(end))]
        if key is not None:
            QTest.keyClick(box.lineEdit(), key)
        return f"typed {text!r} into {name} then {key.name if key else 'nothing'}"

    # -- options ---------------------------------------------------------------------------------

    def _enabled_fields(self):
        return [(name, f) for name, f in self.window.controls.fields.items() if f.isEnabled()]

    def do_option(self, rng):
        from logreg_gui.core.parameters import PARAMETERS
        from logreg_gui.qt.window.widgets import ChoiceField

        name, field_ = self._enabled_fields()[rng.integers(len(self._enabled_fields()))]
        allowed = None
        if isinstance(field_, ChoiceField) and field_.combo is not None:
            model = field_.combo.model()
            values = PARAMETERS[name].values
            allowed = lambda v: model.item(values.index(v)).isEnabled()  # noqa: E731
        value = random_value(PARAMETERS[name], rng, self.max_points, allowed)
        field_.edit(value)
        return f"{name} = {value!r}"

    def do_slider(self, rng):
        sliders = [(name, f.slider) for name, f in self._enabled_fields()
                   if getattr(f, "slider", None) is not None]
        name, slider = sliders[rng.integers(len(sliders))]
        position = int(rng.integers(slider.minimum(), slider.maximum() + 1))
        slider.setValue(position)
        return f"{name} slider to {position}"

    def do_restore_view(self, rng):
        return self._trigger("restore_default_view")

    # -- data sets and files -----------------------------------------------------------------------


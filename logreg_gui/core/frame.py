"""One frozen picture of everything the views show, built once per redraw."""

from dataclasses import dataclass, field, make_dataclass
from functools import cached_property

import numpy as np

from logreg_gui.core._math import expit
from logreg_gui.core.metrics import confusion_codes, metrics_from_counts
from logreg_gui.core.model import LogisticModel
from logreg_gui.core.parameters import group
from logreg_gui.core.timeline import TimelineEntry

ViewOptions = make_dataclass(
    "ViewOptions", [(p.name, p.kind, field(default=p.default)) for p in group("view")],
    frozen=True)
ViewOptions.__doc__ = """How the views draw, one field per view parameter of
:data:`~logreg_gui.core.parameters.PARAMETERS` (threshold τ, step function, log scale, gap view,
weight vector, contours, trail, fill by prediction, size by loss)."""


@dataclass(frozen=True)
class Frame:
    """What every view shows in one redraw: views read it and keep nothing the window reads back.

    Parameters
    ----------
    snapshot : logreg_gui.core.state.Snapshot
        The latest state of training.
    dataset : logreg_gui.core.data.Dataset
        The points on screen (the same object until they change).
    timeline : logreg_gui.core.timeline.Timeline
        The run so far (views only read it).
    view : ViewOptions
    entry : logreg_gui.core.timeline.TimelineEntry
        The parameters shown: the snapshot's when live, a recorded one when scrubbed.
    model : logreg_gui.core.model.LogisticModel
        The model of `entry`, original units.
    live : bool
        Whether `entry` is the latest state (not a scrubbed past one).
    selection : ndarray of int64, shape (k,)
        Indices (ascending) of the selected points of `dataset`.
    statistics : logreg_gui.core.diagnostics.Diagnostics or None
        Coefficient table, influence and least-squares fit of the problem shown (data,
        degree, λ, scaling, loss), or None while they are being computed.
    """

    snapshot: object
    dataset: object
    timeline: object
    view: object
    entry: TimelineEntry
    model: LogisticModel
    live: bool
    selection: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    statistics: object = None

    @property
    def options(self):
        """The :class:`~logreg_gui.core.state.TrainingOptions` of the snapshot."""
        return self.snapshot.options

    @property
    def optimum(self):
        """J* of the current problem (an ``Optimum``), or None while it is being computed."""
        return self.snapshot.optimum

    @property
    def gradient(self):
        """∇J at the shown θ (trained units, shape (n_parameters,))."""
        return self.entry.gradient

    @property
    def path(self):
        """θ (trained units) of every recorded entry up to the one shown, shape (k, p + 1)."""
        return self.timeline.path(self.entry.iteration)

    @cached_property
    def probabilities(self):
        """P(y = 1 | x) of the shown model at every point, shape (n_samples,), float64."""
        return expit(self.model.decision_function(self.dataset.X))

    @cached_property
    def metrics(self):
        """:class:`~logreg_gui.core.metrics.ThresholdMetrics` of the training points at τ."""
        return metrics_from_counts(*self._confusion[0])

    @cached_property
    def test_metrics(self):
        """The same for the test points, or None without a test split."""
        if not self.dataset.test_mask.any():
            return None
        return metrics_from_counts(*self._confusion[1])

    @cached_property
    def _confusion(self):
        """Confusion counts at τ (tn, fp, fn, tp) of the training points (row 0) and of the
        test points (row 1), shape (2, 4): one pass over every point, as a frame of a million
        points must stay cheap."""
        codes = confusion_codes(self.dataset.y, self.probabilities, self.view.threshold)
        codes |= self.dataset.test_mask.view(np.uint8) << 2
        return np.bincount(codes, minlength=8).reshape(2, 4)


def build_frame(snapshot, dataset, timeline, view, iteration=None, selection=None,
                statistics=None):
    """The :class:`Frame` showing `snapshot` live, or the recorded state at `iteration`.

    Parameters
    ----------
    snapshot : logreg_gui.core.state.Snapshot
    dataset : logreg_gui.core.data.Dataset
    timeline : logreg_gui.core.timeline.Timeline
        Must already hold `snapshot`.
    view : ViewOptions
    iteration : int, optional
        A past iteration to show (None, or at least the snapshot's: live).
    selection : array_like of int, optional
        Indices of the selected points (default: none).
    statistics : logreg_gui.core.diagnostics.Diagnostics, optional
        Of the problem shown (None: being computed).
    """
    state = snapshot.state
    live = iteration is None or iteration >= state.iteration
    if live:
        entry = TimelineEntry.of(state)
    else:
        entry = timeline.entry(iteration)
    model = LogisticModel(np.asarray(entry.coef_), entry.intercept_, snapshot.options.degree)
    selected = np.unique(np.asarray([] if selection is None else selection, dtype=np.int64))
    return Frame(snapshot, dataset, timeline, view, entry, model, live, selected, statistics)

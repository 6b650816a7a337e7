"""The coefficient table of the maximum-likelihood fit and the model's statistics, or why they
are not defined."""

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from logreg_gui.core.equation import MINUS, format_number
from logreg_gui.qt.plots.style import label_text

HEADERS = ("", "estimate", "std. error", "z", "p", "95 % CI", "odds ratio", "95 % CI of OR")
TINY_P = 2.2e-16  # below this a p-value is rounding: say "< 2.2e−16", as R does
COMPUTING = "Computing the maximum-likelihood fit…"
NOTE = ("Maximum-likelihood fit of the training points (λ = 0), original units.<br>"
        "Standard errors from the inverse Hessian at the optimum; Wald z, two-sided p.<br>"
        "The model on screen reaches these estimates once training has converged.")
CELL = "style='padding:1px 6px; border-bottom:1px solid #ccc'"


def _number(value, digits=4):
    return format_number(float(value), digits)


def _p_text(p):
    return "< 2.2e-16" if p < TINY_P else _number(p, 3)


def _cell(text):
    """A cell's text as rich text, with real minus signs."""
    return html.escape(text).replace("-", MINUS)


def _interval(low, high):
    return f"[{_number(low)}, {_number(high)}]"


def coefficient_rows(statistics):
    """The table's rows as shown: one list of str per coefficient (intercept first), in the
    columns of :data:`HEADERS`.

    Parameters
    ----------
    statistics : logreg_gui.core.statistics.FitStatistics
        A defined table.
    """
    s = statistics
    return [[name, _number(s.estimate[i]), _number(s.standard_error[i]), _number(s.z[i], 3),
             _p_text(s.p_value[i]), _interval(s.ci_low[i], s.ci_high[i]),
             _number(s.odds_ratio[i]), _interval(s.odds_ratio_low[i], s.odds_ratio_high[i])]
            for i, name in enumerate(s.names)]


def model_lines(statistics):
    """The model's statistics as short lines of text (list of str)."""
    s = statistics
    return [f"log-likelihood ℓ = {_number(s.log_likelihood)} (n = {s.n_samples:,} training "
            "points)",
            f"deviance −2ℓ = {_number(s.deviance)}, null deviance {_number(s.null_deviance)}",
            f"AIC = {_number(s.aic)}, BIC = {_number(s.bic)}",
            f"McFadden pseudo-R² = 1 − ℓ/ℓ₀ = {_number(s.pseudo_r2_mcfadden, 3)}"]


class StatisticsPanel(QLabel):
    """The coefficient table (estimate, standard error, z, p, 95 % interval, odds ratio and its
    interval for the intercept and every weight, original units) and the deviance, null
    deviance, AIC, BIC and McFadden pseudo-R² of the maximum-likelihood fit; where they are not
    defined (λ > 0, no finite optimum, squared error) the reason instead.

    Attributes
    ----------
    cells : list of list of str
        The rows shown (empty when there is no table), for tests and scripts.
    """

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("statistics_panel")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMargin(6)
        self.cells = []
        self._shown = False  # the Diagnostics shown (False: nothing yet)
        self.setText(COMPUTING)

    def show_frame(self, frame):
        """Show the table of a :class:`~logreg_gui.core.frame.Frame`'s problem (it changes
        only with the data, degree, λ, scaling or loss)."""
        if frame.statistics is self._shown:
            return
        self._shown = frame.statistics
        if frame.statistics is None:
            self.cells = []
            self.setText(COMPUTING)
            return
        statistics = frame.statistics.statistics
        self.setWordWrap(not statistics.defined)  # a sentence wraps; a table scrolls
        if not statistics.defined:
            self.cells = []
            self.setText(f"<b>No coefficient table</b>: {html.escape(statistics.reason)}.")
            return
        self.cells = coefficient_rows(statistics)
        self.setText(self._html(self.cells, model_lines(statistics)))

    @staticmethod
    def _html(cells, lines):
        head = "".join(f"<th {CELL}>{text}</th>" for text in HEADERS)
        body = "".join("<tr>" + f"<td {CELL}><b>{label_text(row[0])}</b></td>"
                       + "".join(f"<td {CELL} align=right>{_cell(text)}</td>"
                                 for text in row[1:]) + "</tr>"
                       for row in cells)
        return (f"<table cellspacing=0><tr>{head}</tr>{body}</table><br>"
                + "<br>".join(lines) + f"<br><span style='color:#555'>{NOTE}</span>")

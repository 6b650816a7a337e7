"""The three linked plots; each creates its items once and then updates them in place."""

import pyqtgraph as pg

# Set before any ImageItem exists, wherever the plots are used (app, tests, scripts): the
# probability grid is indexed [row = y, column = x].
pg.setConfigOptions(imageAxisOrder="row-major", antialias=True)

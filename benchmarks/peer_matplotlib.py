"""The peer: a tutorial-style matplotlib ``FuncAnimation`` of the same gradient descent.

Each frame does one update (the tutorial's w ← w − η·mean((ŷ − y)·x)) and redraws the points'
decision boundary, the sigmoid with every point at (z, y) and the loss curve, as the usual
classroom notebook does. Without a display matplotlib will not start its Qt backend, so the
frames are driven here exactly as ``FuncAnimation`` (``blit=False``) drives them: the update
function, then a full draw of the figure (Agg).

Run: ``python benchmarks/peer_matplotlib.py --n 10000 --seconds 4`` prints frames per second.
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from logreg_gui.core.generators import generate  # noqa: E402


def frames_per_second(n, seconds, learning_rate=1e-3):
    """Frames the animation draws per second on `n` blobs points."""
    data = generate("blobs", n)
    X, y = data.X, data.y
    w, b, losses = np.zeros(2), 0.0, []
    figure, (points, sigmoid, loss) = plt.subplots(1, 3, figsize=(15, 5))
    points.scatter(X[:, 0], X[:, 1], c=y, s=8, cmap="coolwarm")
    boundary, = points.plot([], [], "k-")
    dots = sigmoid.scatter(np.zeros(n), y, c=y, s=8, cmap="coolwarm")
    grid = np.linspace(-6, 6, 200)
    sigmoid.plot(grid, 1 / (1 + np.exp(-grid)), "k-")
    curve, = loss.plot([], [], "r-")
    x_span = np.array([X[:, 0].min(), X[:, 0].max()])

    def update(_frame):
        nonlocal w, b
        z = X @ w + b
        p = 1 / (1 + np.exp(-z))
        err = p - y
        w = w - learning_rate * (X.T @ err) / n
        b = b - learning_rate * err.mean()
        losses.append(float(np.mean(np.logaddexp(0, z) - y * z)))
        if abs(w[1]) > 1e-12:
            boundary.set_data(x_span, -(w[0] * x_span + b) / w[1])
        dots.set_offsets(np.column_stack([z, y]))
        curve.set_data(np.arange(len(losses)), losses)
        loss.relim()
        loss.autoscale_view()
        return boundary, dots, curve

    start = time.perf_counter()
    frames = 0
    while time.perf_counter() - start < seconds:
        update(frames)
        figure.canvas.draw()  # what FuncAnimation does after each update without blitting
        frames += 1
    elapsed = time.perf_counter() - start
    plt.close(figure)
    return frames / elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=4.0)
    args = parser.parse_args()
    print(f"{frames_per_second(args.n, args.seconds):.2f}")


if __name__ == "__main__":
    main()

"""Data sent to the training process through shared memory: exact, and silent.

Regression (found by the fuzzer's stand-alone run): on Python < 3.13 the training process
attached the block and then unregistered it from the resource tracker that it shares with the
window's process (spawned children inherit it), so the window's own unlink unregistered it a
second time and the tracker printed ``KeyError: '/psm_…'`` with a traceback on stderr after
every edit of the points.
"""

import subprocess
import sys
import textwrap

import numpy as np

from logreg_gui.core.data import Dataset
from logreg_gui.core.runner import receive_dataset, share_dataset
from tests.conftest import ROOT

# The window's side shares, a spawned process copies and says so, the window's side unlinks:
# what TrainingWorker.set_data and Runner._command_data do, run three times.
ROUND_TRIPS = textwrap.dedent("""
    import multiprocessing
    import numpy as np
    from logreg_gui.core.data import Dataset
    from logreg_gui.core.runner import receive_dataset, share_dataset

    def copy(connection, meta):
        dataset = receive_dataset(meta)
        connection.send(("released", meta["name"], dataset.n_samples))

    if __name__ == "__main__":
        context = multiprocessing.get_context("spawn")
        for n in (3, 10, 0):
            shared, meta = share_dataset(Dataset(np.ones((n, 2)), np.arange(n) % 2))
            here, there = context.Pipe()
            child = context.Process(target=copy, args=(there, meta))
            child.start()
            print(here.recv())
            child.join()
            shared.close()
            shared.unlink()
""")


def test_a_shared_dataset_arrives_exactly():
    X = np.array([[0.1, -2.5], [1e300, 3.0], [-0.0, 7.0]])
    dataset = Dataset(X, np.array([0, 1, 1]), ("a", "b"), ("no", "yes"),
                      np.array([False, True, False]))
    shared, meta = share_dataset(dataset)
    try:
        copied = receive_dataset(meta)
    finally:
        shared.close()
        shared.unlink()
    np.testing.assert_array_equal(copied.X, X)
    np.testing.assert_array_equal(copied.y, dataset.y)
    np.testing.assert_array_equal(copied.test_mask, dataset.test_mask)
    assert (copied.feature_names, copied.class_names) == (("a", "b"), ("no", "yes"))


def test_sharing_with_a_training_process_prints_nothing(tmp_path):
    script = tmp_path / "round_trips.py"  # a file: spawned children import their main module
    script.write_text(ROUND_TRIPS, encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True,
                            text=True, timeout=100)
    assert result.returncode == 0, result.stderr
    assert [line.split(", ")[-1] for line in result.stdout.splitlines()] == ["3)", "10)", "0)"]
    assert result.stderr == ""

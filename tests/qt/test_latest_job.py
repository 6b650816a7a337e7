import threading

from logreg_gui.qt.window.latest_job import LatestJob


def test_the_newest_request_wins_and_stop_waits_for_the_running_one(qtbot):
    job = LatestJob()
    release = threading.Event()
    results = []
    job.finished.connect(lambda key, result: results.append((key, result)))
    job.request("first", lambda: release.wait(5) and "first done")
    job.request("second", lambda: "second done")  # replaced by the third while the first runs
    job.request("third", lambda: "third done")
    release.set()
    qtbot.waitUntil(lambda: len(results) == 2, timeout=5000)
    assert results == [("first", "first done"), ("third", "third done")]


def test_after_stop_no_request_starts(qtbot):
    """Cycle 41 of the close cycles: a frame shown while the window closed started a job that
    emitted after the window was deleted (a traceback on stderr)."""
    job = LatestJob()
    ran = threading.Event()
    job.stop()
    job.request("late", ran.set)
    qtbot.wait(200)
    assert not ran.is_set() and not job.busy

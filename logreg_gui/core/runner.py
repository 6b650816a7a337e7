"""Training in a child process: commands in, snapshots out, over a pipe (no Qt).

Python threads share one interpreter lock, so training beside the window's painting made each
wait for the other. In a process of its own, the session trains at full speed while the window
paints; it sends a snapshot at most every 1/60 s (with every loss since the one before), and the
window's side keeps only the newest when it cannot show them all.
"""

import math
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import resource_tracker, shared_memory

import numpy as np
from threadpoolctl import threadpool_limits

from logreg_gui.core.data import Dataset
from logreg_gui.core.optimum import Optimum
from logreg_gui.core.pacer import Pacer
from logreg_gui.core.session import TrainingSession
from logreg_gui.core.state import READY
from logreg_gui.core.training import RESUMABLE

FRAME_INTERVAL = 1 / 60  # s between snapshots while running
CHUNK_SECONDS = 0.005  # training between looks at the pipe: commands wait at most this long
JOB_POLL = 0.02  # s between looks at background jobs while idle
TRAINABLE = {READY, *RESUMABLE}  # Play trains from these


def serve(connection, dataset, options):
    """Entry point of the child process: train `dataset` under `options` as commanded."""
    threadpool_limits(limits=1, user_api="blas")  # one core each: the window has the other
    Runner(connection, dataset, options).run()


class Runner:
    """Runs a :class:`TrainingSession` as the commands on `connection` say.

    Commands are tuples ``(name, *arguments)``: ``play``, ``pause``, ``toggle``,
    ``step n``, ``reset``, ``configure options``, ``start_from theta iteration``,
    ``speed iterations_per_second``, ``data meta`` (a dataset in shared memory, see
    :func:`share_dataset`), ``side_by_side enabled``, ``runs runs`` (comparison runs),
    ``landscape request`` and ``stop``. Messages sent back: ``("snapshot", Snapshot)``,
    ``("landscape", (request, grid))``, ``("released", name)`` when a shared dataset has been
    copied, and ``("failed", message)``.
    """

    def __init__(self, connection, dataset, options, clock=time.perf_counter):
        self._connection = connection
        self._clock = clock
        self._session = TrainingSession(dataset, options)
        self._pacer = Pacer()
        self._pool = ThreadPoolExecutor(max_workers=2)  # J* and a landscape grid at once
        self._stopping = threading.Event()
        self._jobs = []  # (kind, future)
        self._running = self._stopped = False
        self._sent_at = -math.inf
        self._optimum_key = None

    def run(self):
        """Serve until ``stop`` (or until the other end closes)."""
        self._send_snapshot()
        try:
            while not self._stopped:
                self._connection.poll(self._wait())
                self._handle_commands()
                self._collect_jobs()
                if self._running:
                    self._train()
        except (EOFError, OSError):
            pass  # the window went away
        finally:
            self._stopping.set()
            self._pool.shutdown(wait=True, cancel_futures=True)

    def _wait(self):
        """How long to wait for a command: not at all while training is due."""
        if self._running:
            return 0 if self._pacer.allowance() else self._pacer.delay_ms() / 1000
        return JOB_POLL if self._jobs else None

    def _handle_commands(self):
        while not self._stopped and self._connection.poll(0):
            name, *arguments = self._connection.recv()
            try:
                getattr(self, f"_command_{name}")(*arguments)
            except Exception as error:  # stay usable whatever fails
                self._running = False
                self._connection.send(("failed", f"{type(error).__name__}: {error}"))
                self._send_snapshot()

    def _train(self):
        done = self._session.advance_for(CHUNK_SECONDS, self._pacer.allowance())
        self._pacer.record(done)
        if self._session.status != READY:
            self._running = False
            self._send_snapshot()
        elif self._session.has_pending and self._clock() - self._sent_at >= FRAME_INTERVAL:
            self._send_snapshot()

    def _send_snapshot(self):
        self._sent_at = self._clock()
        # The window shows its own metrics at τ: no pass over every point for statistics.
        self._connection.send(("snapshot", self._session.snapshot(self._running, False)))
        self._request_optimum()

    # -- commands -----------------------------------------------------------------------------

    def _command_play(self):
        # Nothing to train (no points, diverged): say so at once rather than 'running'.
        self._running = self._session.status in TRAINABLE
        self._pacer.restart(self._pacer.speed)
        self._send_snapshot()

    def _command_pause(self):
        self._running = False
        self._send_snapshot()

    def _command_toggle(self):
        self._command_pause() if self._running else self._command_play()

    def _command_step(self, n_iterations):
        self._running = False
        self._session.advance(n_iterations)
        self._send_snapshot()

    def _command_reset(self):
        self._running = False
        self._session.reset()
        self._send_snapshot()

    def _command_configure(self, options):
        self._session.configure(options)
        self._send_snapshot()

    def _command_start_from(self, theta, iteration):
        self._running = False
        self._session.start_from(theta, iteration)
        self._send_snapshot()

    def _command_speed(self, iterations_per_second):
        self._pacer.restart(iterations_per_second)

    def _command_data(self, meta):
        dataset = receive_dataset(meta)
        self._connection.send(("released", meta["name"]))
        self._session.set_data(dataset)
        self._send_snapshot()

    def _command_side_by_side(self, enabled):
        self._session.set_side_by_side(enabled)
        self._send_snapshot()

    def _command_runs(self, runs):
        self._running = False
        self._session.set_runs(runs)
        self._send_snapshot()

    def _command_landscape(self, request):
        try:
            job = self._session.landscape_job(request)
        except ValueError:
            return  # the degree changed since the request: nothing to draw
        self._start("landscape", lambda: (request, job(should_stop=self._stopping.is_set)))

    def _command_stop(self):
        self._running = False
        self._stopped = True

    # -- background jobs ----------------------------------------------------------------------

    def _start(self, kind, job):
        self._jobs.append((kind, self._pool.submit(job)))

    def _request_optimum(self):
        """Compute J* in the pool unless it is known or already being computed."""
        trainer = self._session.trainer
        key, job = trainer.optimum_job()
        if trainer.optima.known is not None or key == self._optimum_key:
            return
        self._optimum_key = key
        self._start("optimum", lambda: (key, job(self._stopping.is_set)))

    def _collect_jobs(self):
        finished = [(kind, future) for kind, future in self._jobs if future.done()]
        for kind, future in finished:
            self._jobs.remove((kind, future))
            self._deliver(kind, future)

    def _deliver(self, kind, future):
        error = future.exception()
        if kind == "landscape":
            if error is None:
                self._connection.send(("landscape", future.result()))
            return
        key, optimum = future.result() if error is None else (
            self._optimum_key, Optimum(None, None, f"J* could not be computed ({error})"))
        if self._session.trainer.optima.store(key, optimum):
            self._send_snapshot()


def share_dataset(dataset):
    """Copy a dataset's arrays into one shared-memory block for another process.

    Returns
    -------
    shared : multiprocessing.shared_memory.SharedMemory
        The block; close and unlink it once the other side has copied it ("released").
    meta : dict
        What :func:`receive_dataset` needs (picklable, small).
    """
    n = dataset.n_samples
    sizes = (n * 2 * 8, n * 8, n)
    shared = shared_memory.SharedMemory(create=True, size=max(1, sum(sizes)))
    for array, offset in zip((dataset.X, dataset.y, dataset.test_mask), (0, sizes[0],
                             sizes[0] + sizes[1]), strict=True):
        view = np.ndarray(array.shape, array.dtype, buffer=shared.buf, offset=offset)
        view[...] = array
        del view  # no view may outlive the block
    meta = {"name": shared.name, "n_samples": n, "feature_names": dataset.feature_names,
            "class_names": dataset.class_names}
    return shared, meta


def receive_dataset(meta):
    """The :class:`Dataset` a :func:`share_dataset` block holds (copied out of it)."""
    n = meta["n_samples"]
    shared = _attach(meta["name"])
    try:
        X = np.ndarray((n, 2), np.float64, buffer=shared.buf).copy()
        y = np.ndarray((n,), np.int64, buffer=shared.buf, offset=n * 16).copy()
        mask = np.ndarray((n,), np.bool_, buffer=shared.buf, offset=n * 24).copy()
    finally:
        shared.close()
    return Dataset(X, y, meta["feature_names"], meta["class_names"], mask)


def _attach(name):
    """Open a block another process created, without adopting it: only its creator unlinks
    it. Python < 3.13 registers every attachment with the resource tracker; unregistering it
    afterwards is no cure, because a spawned process shares its parent's tracker: that
    withdrew the creator's own registration, and the creator's unlink then made the tracker
    print a KeyError traceback. So the attachment is never registered."""
    try:
        return shared_memory.SharedMemory(name=name, track=False)
    except TypeError:  # Python < 3.13: no `track`
        register = resource_tracker.register
        resource_tracker.register = _not_registered  # only this thread attaches blocks
        try:
            return shared_memory.SharedMemory(name=name)
        finally:
            resource_tracker.register = register


def _not_registered(name, rtype):
    """Stands in for ``resource_tracker.register`` while a block is attached."""

"""Closing while training is always clean: eleven close cycles, each in a fresh process (the
100-cycle run is ``python -m tests.close_cycles --cycles 100``)."""

import pytest

from tests.close_cycles import CI_CONFIGS, CycleConfig, CycleResult, run_cycle


@pytest.mark.timeout(900)
@pytest.mark.parametrize("config", CI_CONFIGS, ids=lambda c: f"{c.n_samples}-d{c.degree}-"
                         f"{c.optimizer}-{c.loss}-{c.snapshots}")
def test_closing_while_training_exits_0_silently_leaving_nothing(config):
    result = run_cycle(config)
    assert result.clean, result.describe()
    assert len(result.report["descendants"]) >= 1  # the training process was seen, then gone


@pytest.mark.parametrize("returncode, stderr, leftovers, survivors", [
    (1, "", [], []), (0, "QPainter::begin: Paint device returned engine == 0\n", [], []),
    (0, "", ["thread 'training messages' still runs"], []), (0, "", [], [4242])])
def test_an_unclean_cycle_is_seen(returncode, stderr, leftovers, survivors):
    result = CycleResult(CycleConfig(), returncode, stderr, {"leftovers": leftovers}, survivors,
                         1.0)
    assert not result.clean

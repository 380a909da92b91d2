"""The queueing model behind docs/rounds/incident-debugging.md, checked against a
simulated single-server queue, not against its own formula."""
import contextlib
import io
import random
import runpy

import pytest

from hooks.lib.definitions import ROOT
from snippets.rounds.incident_debugging.queueing import (
    hours_to_exhaust, p95_ms, report, utilisation_for_p95)

MODULE = ROOT / "snippets/rounds/incident_debugging/queueing.py"


def simulated_p95(service_ms: float, utilisation: float, customers: int, seed: int) -> float:
    """Lindley's recursion for a FIFO queue with exponential gaps and service times."""
    rng = random.Random(seed)
    arrival_rate = utilisation / service_ms
    wait, times = 0.0, []
    for _ in range(customers):
        service = rng.expovariate(1 / service_ms)
        times.append(wait + service)
        wait = max(0.0, wait + service - rng.expovariate(arrival_rate))
    times = sorted(times[customers // 10:])  # drop the warm-up
    return times[int(0.95 * len(times))]


@pytest.mark.parametrize("utilisation, tolerance", [(0.4, 0.03), (0.8, 0.06)])
def test_the_formula_matches_a_simulated_queue(utilisation, tolerance):
    simulated = simulated_p95(20, utilisation, 200_000, seed=7)
    assert simulated == pytest.approx(p95_ms(20, utilisation), rel=tolerance)


def test_latency_climbs_steeply_near_saturation():
    steps = [p95_ms(20, u) for u in (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)]
    growth = [b - a for a, b in zip(steps, steps[1:])]
    assert all(g > 0 for g in growth)
    assert growth == sorted(growth)  # each step of load costs more than the last


@pytest.mark.parametrize("utilisation", [1.0, 1.5, -0.1])
def test_a_saturated_queue_has_no_steady_p95(utilisation):
    with pytest.raises(ValueError, match="without bound"):
        p95_ms(20, utilisation)


@pytest.mark.parametrize("service, target", [(20, 100), (20, 2000), (5, 50), (1, 1000)])
def test_utilisation_for_a_p95_inverts_the_p95(service, target):
    assert p95_ms(service, utilisation_for_p95(service, target)) == pytest.approx(target)


def test_a_leak_twice_as_fast_kills_twice_as_soon():
    slow = hours_to_exhaust(4e9, 1e3, 500)
    assert hours_to_exhaust(4e9, 2e3, 500) == pytest.approx(slow / 2)
    assert hours_to_exhaust(4e9, 1e3, 1000) == pytest.approx(slow / 2)
    assert slow * 3600 * 500 * 1e3 == pytest.approx(4e9)


def test_the_module_runs_as_a_script():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(MODULE), run_name="__main__")
    assert out.getvalue().strip() == report()

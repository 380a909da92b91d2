"""The conversions behind docs/rounds/system-design.md, checked against the
definitions they stand for rather than against their own outputs."""
import contextlib
import io
import runpy

import pytest

from hooks.lib.definitions import ROOT
from snippets.rounds.system_design.numbers import (
    SECONDS_PER_DAY, bytes_per_second, in_flight, per_second, report, storage_bytes, transfer_seconds)

MODULE = ROOT / "snippets/rounds/system_design/numbers.py"


@pytest.mark.parametrize("per_day", [1, 86_400, 1e6, 3.7e9])
def test_a_days_events_at_the_average_rate_take_a_day(per_day):
    assert per_second(per_day) * SECONDS_PER_DAY == pytest.approx(per_day)


@pytest.mark.parametrize("nbytes, bps", [(125e6, 1e9), (1e12, 1e9), (3e9, 10e9), (1, 8)])
def test_transfer_time_times_the_byte_rate_is_the_size(nbytes, bps):
    assert transfer_seconds(nbytes, bps) * bytes_per_second(bps) == pytest.approx(nbytes)
    assert transfer_seconds(nbytes, 2 * bps) == pytest.approx(transfer_seconds(nbytes, bps) / 2)


@pytest.mark.parametrize("rate, latency", [(10, 0.5), (10_000, 0.2), (40, 3.0)])
def test_littles_law_matches_a_simulated_steady_state(rate, latency):
    """Requests arrive every 1/rate s and each stays `latency` s; count those present."""
    gap = 1 / rate
    arrivals = [i * gap for i in range(int(rate * latency * 20))]
    t = arrivals[-1]  # long after the start, so the system is full
    present = sum(1 for a in arrivals if a <= t < a + latency)
    assert present == pytest.approx(in_flight(rate, latency), abs=1)


def test_storage_grows_with_items_size_and_copies():
    base = storage_bytes(1e9, 1e3)
    assert storage_bytes(2e9, 1e3) == 2 * base
    assert storage_bytes(1e9, 4e3) == 4 * base
    assert storage_bytes(1e9, 1e3, copies=3) == 3 * base


def test_the_peak_row_follows_the_assumption():
    assert report(peak_over_average=5).splitlines()[1].split()[-3] == f"{per_second(1e6) * 5:.1f}"


def test_the_module_runs_as_a_script():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(MODULE), run_name="__main__")
    assert out.getvalue().strip() == report()

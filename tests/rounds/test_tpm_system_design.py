"""The audit-prompt numbers behind docs/rounds/tpm-system-design.md, checked against
a simulated stream of outputs and against the definitions, not against their own outputs."""
import contextlib
import io
import random
import runpy

import pytest

from hooks.lib.definitions import ROOT
from snippets.rounds.tpm_system_design.numbers import (
    SECONDS_PER_DAY, added_ms, flags_per_day, per_second, precision, report, reviewers, terabytes_a_year)

MODULE = ROOT / "snippets/rounds/tpm_system_design/numbers.py"


def simulated_flags(outputs: int, prevalence: float, recall: float, false_alarm_rate: float, seed: int):
    """Label each output bad or good, then flag it as an imperfect check would."""
    rng = random.Random(seed)
    real = false = 0
    for _ in range(outputs):
        if rng.random() < prevalence:
            real += rng.random() < recall
        else:
            false += rng.random() < false_alarm_rate
    return real, false


@pytest.mark.parametrize("prevalence, recall, false_alarm_rate", [(0.01, 0.95, 0.01), (0.05, 0.8, 0.1), (0.5, 0.9, 0.2)])
def test_flag_counts_and_precision_match_a_simulated_check(prevalence, recall, false_alarm_rate):
    outputs = 200_000
    real, false = simulated_flags(outputs, prevalence, recall, false_alarm_rate, seed=11)
    expected_real, expected_false = flags_per_day(outputs, prevalence, recall, false_alarm_rate)
    assert real == pytest.approx(expected_real, rel=0.08)
    assert false == pytest.approx(expected_false, rel=0.08)
    assert real / (real + false) == pytest.approx(precision(prevalence, recall, false_alarm_rate), rel=0.08)


def test_rarer_violations_make_most_flags_false_alarms():
    shares = [precision(p, 0.95, 0.01) for p in (0.1, 0.01, 0.001, 0.0001)]
    assert shares == sorted(shares, reverse=True)
    assert shares[0] > 0.9 and shares[-1] < 0.01


def test_fewer_false_alarms_raise_precision_and_cut_the_flags():
    loose, tight = precision(0.001, 0.95, 0.01), precision(0.001, 0.95, 0.001)
    assert tight > loose
    assert sum(flags_per_day(1e6, 0.001, 0.95, 0.001)) < sum(flags_per_day(1e6, 0.001, 0.95, 0.01))


@pytest.mark.parametrize("flags, seconds", [(109_400, 30), (1, 1), (960, 30), (961, 30)])
def test_reviewers_are_the_fewest_shifts_that_cover_the_work(flags, seconds):
    n = reviewers(flags, seconds)
    assert n * 8 * 3600 >= flags * seconds
    assert (n - 1) * 8 * 3600 < flags * seconds


@pytest.mark.parametrize("checks", [[30, 45, 40], [5], [10, 10, 10, 10]])
def test_parallel_checks_never_add_more_than_series(checks):
    assert added_ms(checks, parallel=True) == max(checks)
    assert added_ms(checks, parallel=False) == sum(checks)
    assert added_ms(checks, parallel=True) <= added_ms(checks, parallel=False)


def test_rates_and_storage_follow_their_definitions():
    assert per_second(10e6) * SECONDS_PER_DAY == pytest.approx(10e6)
    assert terabytes_a_year(10e6, 4e3) == pytest.approx(20 * terabytes_a_year(10e6, 200))
    assert terabytes_a_year(1e12 / 365, 1) == pytest.approx(1)


def test_the_report_follows_its_assumptions():
    lines = report(false_alarm_rate=0.001).splitlines()
    real, false = flags_per_day(10e6, 0.001, 0.95, 0.001)
    assert lines[1].split()[-1] == f"{real + false:,.0f}"
    assert lines[2].split()[-1] == f"{precision(0.001, 0.95, 0.001):.1%}"


def test_the_module_runs_as_a_script():
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        runpy.run_path(str(MODULE), run_name="__main__")
    assert out.getvalue().strip() == report()

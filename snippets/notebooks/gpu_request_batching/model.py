"""The simulator behind docs/notebooks/gpu-request-batching.py.

One GPU, requests arriving at random, and a step-cost model: one step of the model on
a batch of b sequences takes `fixed_ms + per_item_ms * b` and gives every sequence in
the batch one unit of output. A request needs `length` steps: 1 for a model that
answers in one forward pass (a classifier, an embedding), the number of output tokens
for generation. Three policies are simulated:

- no batching: one request per step, first come first served;
- static batching: when the GPU is free, the batcher starts a batch as soon as
  `max_batch` requests are waiting or the oldest has waited `max_wait_ms`, whichever
  comes first (at once if the GPU was busy past that moment), taking every waiting
  request up to `max_batch`; the GPU runs each batch until its longest member is done;
- continuous (iteration-level) batching: before every step the scheduler fills the free
  slots, up to `max_batch`, from the waiting requests; a sequence leaves the moment its
  last token is out, and its slot is refilled at the next step.

Two assumptions flatter static batching, so any gap it shows is a lower bound: a
finished sequence costs nothing in the steps its batch still runs, and each request's
latency ends at its own last token, not at the end of its batch. Prefill is not
modelled apart: the first token costs one ordinary step.

All times are in milliseconds; rates are per second.
"""
from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass

import numpy as np

EPS_MS = 1e-9  # arrivals this close to a step boundary count as on time


# --8<-- [start:cost]
@dataclass(frozen=True)
class StepCost:
    """What one model step costs on one GPU: a fixed part (launching kernels, reading
    the weights from memory) and a part per sequence in the batch.

    >>> cost = StepCost(fixed_ms=10, per_item_ms=1)
    >>> cost.step_ms(1), cost.step_ms(32)
    (11.0, 42.0)
    >>> round(cost.ceiling_per_s(1), 1), round(cost.ceiling_per_s(32), 1)
    (90.9, 761.9)
    """
    fixed_ms: float
    per_item_ms: float

    def step_ms(self, batch: int) -> float:
        return float(self.fixed_ms + self.per_item_ms * batch)

    def ceiling_per_s(self, max_batch: int) -> float:
        """Most units of output per second: full batches back to back. b / step_ms(b)
        grows with b, so no schedule with batches of at most max_batch beats it."""
        return 1000.0 * max_batch / self.step_ms(max_batch)


def max_wait_for_budget(budget_ms: float, cost: StepCost, max_batch: int) -> float:
    """The longest the batcher may hold a request if a full batch may be running when
    its own batch closes: budget = wait + one full step ahead + its own full step.

    >>> max_wait_for_budget(150, StepCost(10, 1), 32)
    66.0
    >>> max_wait_for_budget(80, StepCost(10, 1), 32)
    Traceback (most recent call last):
    ...
    ValueError: two full steps (84.0 ms) already exceed the 80 ms budget
    """
    spare = budget_ms - 2 * cost.step_ms(max_batch)
    if spare < 0:
        raise ValueError(f"two full steps ({2 * cost.step_ms(max_batch)} ms) already exceed"
                         f" the {budget_ms:g} ms budget")
    return spare
# --8<-- [end:cost]


# --8<-- [start:workload]
def poisson_arrivals(rate_per_s: float, n: int, seed: int) -> np.ndarray:
    """Arrival times (ms) of `n` requests of a Poisson process at `rate_per_s`.

    >>> gaps = np.diff(poisson_arrivals(100, 100_000, seed=0))
    >>> round(float(gaps.mean()), 1), round(float(gaps.std()), 1)  # exponential: equal
    (10.0, 10.0)
    """
    gaps = np.random.default_rng(seed).exponential(1000.0 / rate_per_s, n)
    return np.cumsum(gaps)


def generation_lengths(n: int, seed: int, long_share: float = 0.2,
                       short: tuple[int, int] = (4, 16),
                       long: tuple[int, int] = (100, 200)) -> np.ndarray:
    """Output tokens per request: most replies short, `long_share` of them long,
    each drawn uniformly from its (inclusive) range.

    >>> lengths = generation_lengths(100_000, seed=0)
    >>> round(float(lengths.mean())), round(float((lengths >= 100).mean()), 2)
    (38, 0.2)
    """
    rng = np.random.default_rng(seed)
    is_long = rng.random(n) < long_share
    return np.where(is_long, rng.integers(long[0], long[1] + 1, n),
                    rng.integers(short[0], short[1] + 1, n))
# --8<-- [end:workload]


@dataclass(frozen=True)
class Run:
    """What one simulation recorded, per request (times in ms) and per GPU step."""
    arrival_ms: np.ndarray
    dispatch_ms: np.ndarray  # static: the batch closed; continuous: admitted to a slot
    finish_ms: np.ndarray    # the request's last unit of output
    length: np.ndarray
    step_sizes: np.ndarray   # sequences in each GPU step
    busy_ms: float           # total GPU time spent on steps

    @property
    def latency_ms(self) -> np.ndarray:
        return self.finish_ms - self.arrival_ms

    def percentile_ms(self, q: float, mask: np.ndarray | None = None) -> float:
        lat = self.latency_ms if mask is None else self.latency_ms[mask]
        return float(np.percentile(lat, q))

    def throughput_per_s(self, tokens: bool = False) -> float:
        """Requests (or output tokens) completed per second, over the whole run: from
        the first arrival to the last completion."""
        done = self.length.sum() if tokens else len(self.length)
        return 1000.0 * float(done) / float(self.finish_ms.max() - self.arrival_ms.min())

    def mean_batch(self) -> float:
        return float(self.step_sizes.mean())

    def busy_share(self) -> float:
        """Share of the run (first arrival to last completion) the GPU spent on steps:
        its "utilisation", which says how busy it was, not how close to its ceiling."""
        return self.busy_ms / float(self.finish_ms.max() - self.arrival_ms.min())


# --8<-- [start:static]
def simulate_static(arrivals: np.ndarray, lengths: np.ndarray, cost: StepCost,
                    max_batch: int, max_wait_ms: float) -> Run:
    """Static batching. No batching is max_batch=1, max_wait_ms=0.

    >>> arrivals, ones = np.arange(4) * 10.0, np.ones(4, dtype=int)
    >>> run = simulate_static(arrivals, ones, StepCost(10, 1), max_batch=4, max_wait_ms=25)
    >>> run.dispatch_ms, run.finish_ms, run.step_sizes
    (array([25., 25., 25., 55.]), array([38., 38., 38., 66.]), array([3, 1]))
    """
    n = len(arrivals)
    dispatch, finish = np.empty(n), np.empty(n)
    sizes: list[np.ndarray] = []
    busy = gpu_free = 0.0
    first = 0  # the oldest request not yet dispatched
    while first < n:
        full_at = arrivals[first + max_batch - 1] if first + max_batch <= n else math.inf
        start = max(gpu_free, min(arrivals[first] + max_wait_ms, full_at))
        last = first + 1  # members are first .. last-1: all that have arrived, up to max_batch
        while last < n and last - first < max_batch and arrivals[last] <= start + EPS_MS:
            last += 1
        dispatch[first:last] = start
        members = lengths[first:last]  # step i serves every member at least i long
        active = (members[None, :] >= np.arange(1, members.max() + 1)[:, None]).sum(axis=1)
        ends = start + np.cumsum(cost.fixed_ms + cost.per_item_ms * active)
        finish[first:last] = ends[members - 1]
        busy += float(ends[-1] - start)
        gpu_free = float(ends[-1])  # the next batch cannot start before this one ends
        sizes.append(active)
        first = last
    return Run(arrivals, dispatch, finish, lengths, np.concatenate(sizes), busy)
# --8<-- [end:static]


# --8<-- [start:continuous]
def simulate_continuous(arrivals: np.ndarray, lengths: np.ndarray, cost: StepCost,
                        max_batch: int) -> Run:
    """Continuous batching: free slots are refilled before every step.

    >>> arrivals, lengths = np.array([0.0, 0.0, 5.0]), np.array([3, 1, 1])
    >>> run = simulate_continuous(arrivals, lengths, StepCost(10, 1), max_batch=2)
    >>> run.dispatch_ms, run.finish_ms, run.step_sizes
    (array([ 0.,  0., 12.]), array([35., 12., 24.]), array([2, 2, 1]))
    """
    n = len(arrivals)
    dispatch, finish = np.empty(n), np.empty(n)
    sizes: list[tuple[int, int]] = []  # (sequences per step, how many such steps)
    waiting: deque[int] = deque()
    active: dict[int, int] = {}  # request -> steps still to run
    t = busy = 0.0
    arrived = 0
    while arrived < n or waiting or active:
        while arrived < n and arrivals[arrived] <= t + EPS_MS:
            waiting.append(arrived)
            arrived += 1
        while waiting and len(active) < max_batch:
            i = waiting.popleft()
            active[i], dispatch[i] = int(lengths[i]), t
        if not active:  # idle until the next arrival
            t = float(arrivals[arrived])
            continue
        step = cost.step_ms(len(active))
        steps = min(active.values())  # the batch is unchanged until someone finishes ...
        if len(active) < max_batch and arrived < n:  # ... or a newcomer can take a free slot
            steps = min(steps, max(1, math.ceil((arrivals[arrived] - t) / step - EPS_MS)))
        t += steps * step
        busy += steps * step
        sizes.append((len(active), steps))
        for i in list(active):
            active[i] -= steps
            if active[i] == 0:
                finish[i] = t
                del active[i]
    step_sizes = np.repeat([s for s, _ in sizes], [k for _, k in sizes])
    return Run(arrivals, dispatch, finish, lengths, step_sizes, busy)
# --8<-- [end:continuous]

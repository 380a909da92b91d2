"""A second, deliberately naive model of both levels, for the randomized tests.

It shares no code or structure with the reference. It first names every frame
of every sample by an identity, (the index of the sample where it began, its
depth): a frame at depth d in sample i is the one in sample i - 1 exactly when
the two stacks agree on their first d + 1 names, and it is found by walking
back one sample at a time. Then it diffs the sets of identities of consecutive
samples, ends deepest first and starts shallowest first, and drops the frames
present in fewer than `min_run` samples. Quadratic, obvious and independent,
which is what an oracle should be.
"""
from __future__ import annotations

import random
from collections import Counter


def naive_trace(samples, min_run: int = 1) -> list[tuple[str, object, str]]:
    samples = [(ts, list(stack)) for ts, stack in samples]
    stacks = [stack for _, stack in samples]
    identities = []
    for i, stack in enumerate(stacks):
        here = set()
        for depth in range(len(stack)):
            began = i
            while began > 0 and stacks[began - 1][:depth + 1] == stack[:depth + 1]:
                began -= 1
            here.add((began, depth))
        identities.append(here)
    lifetime = Counter(frame for here in identities for frame in here)

    def name(frame):
        began, depth = frame
        return stacks[began][depth]

    events = []
    for i, (ts, _) in enumerate(samples):
        before = identities[i - 1] if i else set()
        ended = sorted(before - identities[i], key=lambda frame: -frame[1])
        started = sorted(identities[i] - before, key=lambda frame: frame[1])
        events += [("end", ts, name(f)) for f in ended if lifetime[f] >= min_run]
        events += [("start", ts, name(f)) for f in started if lifetime[f] >= min_run]
    return events


def random_samples(seed: int, names: str = "abc", max_depth: int = 6) -> list:
    """Up to 40 samples in strictly increasing time. Few names, so that recursion
    and the same name at another depth or under another parent come up often."""
    rng = random.Random(seed)
    stack: list[str] = []
    samples, ts = [], rng.randint(0, 5)
    for _ in range(rng.randint(0, 40)):
        roll = rng.random()
        if roll < 0.25:
            pass  # the same stack again
        elif roll < 0.35:
            stack = [rng.choice(names) for _ in range(rng.randint(0, max_depth))]
        else:
            del stack[len(stack) - rng.randint(0, len(stack)):]
            stack += [rng.choice(names) for _ in range(rng.randint(0, max_depth - len(stack)))]
        samples.append((ts, list(stack)))
        ts += rng.randint(1, 10)
    return samples

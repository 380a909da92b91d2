"""What the persistent-LRU tests memoize, and a model of what the cache must hold.

The functions are pure and defined at module level, so the parent test process
and the child processes it kills name them alike
("tests.coding.persistent_lru.workload:square"). `CALLS` counts how often each
really ran in this process: a call that does not move it was a hit.

A call is written as a tuple (function name, positional args, keyword pairs),
so that it can be compared, stored in the model and rebuilt in any process.
"""
from __future__ import annotations

import random
from collections import Counter, OrderedDict

CALLS: Counter[str] = Counter()
CACHE = None  # the LRU that `fib` memoizes its own recursion through


def square(x):
    CALLS["square"] += 1
    return x * x


def power(base, exp=2):
    CALLS["power"] += 1
    return base ** exp


def describe(n):
    """A value with every persistable type in it, nested."""
    CALLS["describe"] += 1
    return {"n": n, "pair": (n, -n), "digits": [int(d) for d in str(abs(n))],
            "half": n / 2, (n, "key"): None, "even": n % 2 == 0, "name": f"n{n}é"}


def show(x):
    """repr(x): 1, 1.0 and True give three different answers."""
    CALLS["show"] += 1
    return repr(x)


def identity(value):
    """Returns its argument: any persistable value, as argument and as result."""
    CALLS["identity"] += 1
    return value


def total(items):
    """Takes a list (unhashable) argument."""
    CALLS["total"] += 1
    return sum(items)


def root(x):
    CALLS["root"] += 1
    if x < 0:
        raise ValueError("negative")
    return x ** 0.5


def fib(n):
    """Recursion through the cache: calls CACHE.call(fib, ...) from inside a call."""
    CALLS["fib"] += 1
    return n if n < 2 else CACHE.call(fib, n - 1) + CACHE.call(fib, n - 2)


# Different functions with the same qualified name, "<lambda>" and
# "make_adder.<locals>.add": a cache that keys by name alone mixes them up.
add_one = lambda x: x + 1  # noqa: E731
double = lambda x: 2 * x  # noqa: E731


def make_adder(n):
    def add(x):
        return x + n
    return add


class Scaler:
    def __init__(self, k):
        self.k = k

    def scale(self, x):
        return self.k * x


FUNCTIONS = {"square": square, "power": power, "describe": describe}


def invoke(lru, call):
    """Run one call through the cache under test."""
    name, args, kwargs = call
    return lru.call(FUNCTIONS[name], *args, **dict(kwargs))


def truth(call):
    """What the call must return, computed without any cache."""
    name, args, kwargs = call
    before = CALLS[name]
    value = FUNCTIONS[name](*args, **dict(kwargs))
    CALLS[name] = before  # computing the truth is not a miss
    return value


def canonical(value):
    """Text that equals another's only for the same types and values; dicts in any order.

    >>> canonical({"b": (1, 2.0), "a": [True]}) == canonical({"a": [True], "b": (1, 2.0)})
    True
    >>> canonical((1,)) == canonical([1]), canonical(1) == canonical(True)
    (False, False)
    """
    kind = type(value)
    if kind is dict:
        return "{" + ",".join(sorted(f"{canonical(k)}:{canonical(v)}" for k, v in value.items())) + "}"
    if kind in (list, tuple):
        inside = ",".join(canonical(item) for item in value)
        return f"[{inside}]" if kind is list else f"({inside},)"
    return f"{kind.__name__}:{value!a}"


def ran():
    """How many real computations this process has made so far."""
    return sum(CALLS.values())


def random_calls(seed, count):
    """A seeded mix of calls over a small domain: hits, misses and evictions."""
    rng = random.Random(seed)
    calls = []
    for _ in range(count):
        kind = rng.random()
        if kind < 0.5:
            calls.append(("square", (rng.randrange(8),), ()))
        elif kind < 0.8:
            calls.append(("power", (rng.randrange(4),), (("exp", rng.randrange(1, 4)),)))
        else:
            calls.append(("describe", (rng.randrange(-3, 4),), ()))
    return calls


def fresh(i):
    """A call outside `random_calls`'s domain, never cached before."""
    return ("square", (10_000 + i,), ())


class Model:
    """The cache as it must be: calls, least recently used first."""

    def __init__(self, capacity, calls=()):
        self.capacity = capacity
        self.entries = OrderedDict()
        for call in calls:
            self.apply(call)

    def apply(self, call):
        self.entries[call] = True
        self.entries.move_to_end(call)
        if len(self.entries) > self.capacity:
            self.entries.popitem(last=False)

    def state(self):
        return list(self.entries)

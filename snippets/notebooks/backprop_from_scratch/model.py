"""The network behind docs/notebooks/backprop-from-scratch.py.

A binary classifier with one hidden layer, written in NumPy with every gradient
derived by hand (no autograd). Shapes, for N examples with D features and H
hidden units:

    X   (N, D)     W1  (D, H)    b1  (H,)     W2  (H, 1)    b2  (1,)
    z1  (N, H)     a1  (N, H)    z2  (N, 1)   p   (N, 1)    y   (N, 1)

The bias vectors broadcast across the N rows. Everything is float64. The loss is
the mean binary cross-entropy, computed from the logit z2, never from p.
"""
from __future__ import annotations

import numpy as np

ACTIVATIONS = ("tanh", "relu")


# --8<-- [start:stable]
def sigmoid(z: np.ndarray) -> np.ndarray:
    """The logistic function without overflow: exp only ever sees -|z| <= 0.

    For z >= 0 it is 1 / (1 + e^-z); for z < 0 the same value written as
    e^z / (1 + e^z). Both forms are exact, so nothing is clipped.

    >>> sigmoid(np.array([-1000.0, -1.0, 0.0, 1.0, 1000.0])).round(4)
    array([0.    , 0.2689, 0.5   , 0.7311, 1.    ])
    """
    e = np.exp(-np.abs(z))  # in (0, 1]: cannot overflow
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def softplus(z: np.ndarray) -> np.ndarray:
    """log(1 + e^z) as a log-sum-exp of (0, z): max(0, z) + log1p(e^-|z|).

    >>> softplus(np.array([-1000.0, 0.0, 1000.0])).round(6).tolist()
    [0.0, 0.693147, 1000.0]
    """
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def bce_from_logits(z2: np.ndarray, y: np.ndarray) -> float:
    """Mean binary cross-entropy from logits: mean of softplus(z) - y * z.

    Finite for any finite logit; a confident wrong answer costs about |z|.

    >>> y = np.array([[1.0], [0.0], [1.0], [0.0]])
    >>> bce_from_logits(np.array([[1000.0], [-1000.0], [-1000.0], [1000.0]]), y)
    500.0
    """
    return float(np.mean(softplus(z2) - y * z2))
# --8<-- [end:stable]


# --8<-- [start:init]
def init_params(d: int, h: int, activation: str, seed: int) -> dict[str, np.ndarray]:
    """Random weights scaled by fan-in, zero biases.

    ReLU gets He scaling (variance 2 / fan-in: half the units are off, so twice
    the variance keeps the signal's size); tanh gets variance 1 / fan-in, which
    keeps it in its linear middle at the start. The output layer's fan-in is h.

    >>> params = init_params(2, 16, "relu", seed=0)
    >>> {name: value.shape for name, value in params.items()}
    {'W1': (2, 16), 'b1': (16,), 'W2': (16, 1), 'b2': (1,)}
    """
    if activation not in ACTIVATIONS:
        raise ValueError(f"activation must be one of {ACTIVATIONS}, not {activation!r}")
    gain = 2.0 if activation == "relu" else 1.0
    rng = np.random.default_rng(seed)
    return {
        "W1": rng.standard_normal((d, h)) * np.sqrt(gain / d),
        "b1": np.zeros(h),
        "W2": rng.standard_normal((h, 1)) * np.sqrt(1.0 / h),
        "b2": np.zeros(1),
    }
# --8<-- [end:init]


# --8<-- [start:forward]
def activate(z1: np.ndarray, activation: str) -> np.ndarray:
    """f(z1) for the hidden layer."""
    return np.tanh(z1) if activation == "tanh" else np.maximum(z1, 0.0)


def activation_slope(z1: np.ndarray, a1: np.ndarray, activation: str) -> np.ndarray:
    """f'(z1), reusing a1 = f(z1): 1 - a1^2 for tanh, [z1 > 0] for ReLU."""
    return 1.0 - a1 ** 2 if activation == "tanh" else (z1 > 0).astype(np.float64)


def forward(params: dict[str, np.ndarray], X: np.ndarray, activation: str) -> dict[str, np.ndarray]:
    """The forward pass; returns the intermediates the backward pass reuses.

    >>> params = init_params(2, 16, "tanh", seed=0)
    >>> cache = forward(params, np.zeros((5, 2)), "tanh")
    >>> {name: value.shape for name, value in cache.items()}
    {'z1': (5, 16), 'a1': (5, 16), 'z2': (5, 1), 'p': (5, 1)}
    """
    z1 = X @ params["W1"] + params["b1"]        # (N, D) @ (D, H) + (H,) -> (N, H)
    a1 = activate(z1, activation)               # (N, H)
    z2 = a1 @ params["W2"] + params["b2"]       # (N, H) @ (H, 1) + (1,) -> (N, 1)
    return {"z1": z1, "a1": a1, "z2": z2, "p": sigmoid(z2)}  # p: (N, 1)


def loss(params: dict[str, np.ndarray], X: np.ndarray, y: np.ndarray, activation: str) -> float:
    """Mean binary cross-entropy of the network on (X, y)."""
    return bce_from_logits(forward(params, X, activation)["z2"], y)
# --8<-- [end:forward]


# --8<-- [start:backward]
def backward(params: dict[str, np.ndarray], X: np.ndarray, y: np.ndarray,
             cache: dict[str, np.ndarray], activation: str) -> dict[str, np.ndarray]:
    """Gradients of the mean loss, each the shape of its parameter.

    >>> X, y = np.ones((3, 2)), np.array([[1.0], [0.0], [1.0]])
    >>> params = init_params(2, 4, "relu", seed=1)
    >>> grads = backward(params, X, y, forward(params, X, "relu"), "relu")
    >>> all(grads[k].shape == params[k].shape for k in params)
    True
    """
    n = X.shape[0]
    dz2 = (cache["p"] - y) / n                           # (N, 1): sigmoid and BCE together
    dW2 = cache["a1"].T @ dz2                            # (H, N) @ (N, 1) -> (H, 1)
    db2 = dz2.sum(axis=0)                                # (1,): b2 was broadcast over N rows
    da1 = dz2 @ params["W2"].T                           # (N, 1) @ (1, H) -> (N, H)
    dz1 = da1 * activation_slope(cache["z1"], cache["a1"], activation)  # (N, H)
    dW1 = X.T @ dz1                                      # (D, N) @ (N, H) -> (D, H)
    db1 = dz1.sum(axis=0)                                # (H,)
    return {"W1": dW1, "b1": db1, "W2": dW2, "b2": db2}
# --8<-- [end:backward]


# --8<-- [start:gradcheck]
def numerical_gradient(params: dict[str, np.ndarray], X: np.ndarray, y: np.ndarray,
                       activation: str, eps: float = 1e-6) -> dict[str, np.ndarray]:
    """Central differences of the loss, one parameter entry at a time (test use only)."""
    grads = {}
    for name, value in params.items():
        grad = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            saved = value[index]
            value[index] = saved + eps
            up = loss(params, X, y, activation)
            value[index] = saved - eps
            down = loss(params, X, y, activation)
            value[index] = saved  # restore exactly
            grad[index] = (up - down) / (2 * eps)
        grads[name] = grad
    return grads


def near_kink(params: dict[str, np.ndarray], X: np.ndarray, eps: float = 1e-6) -> np.ndarray:
    """Rows of X with a hidden pre-activation within `eps` of 0: for ReLU, the
    central difference there straddles the kink and disagrees with a correct
    gradient, so those rows are left out of a ReLU check. Shape (N,).

    >>> params = {"W1": np.array([[1.0]]), "b1": np.zeros(1), "W2": np.ones((1, 1)), "b2": np.zeros(1)}
    >>> near_kink(params, np.array([[0.5], [3e-7], [-2.0]])).tolist()
    [False, True, False]
    """
    return (np.abs(X @ params["W1"] + params["b1"]) < eps).any(axis=1)


def relative_error(a: dict[str, np.ndarray], b: dict[str, np.ndarray]) -> float:
    """||a - b|| / (||a|| + ||b||) over all parameters stacked into one vector.

    >>> g = {"W": np.array([3.0, 4.0])}
    >>> relative_error(g, {"W": np.array([3.0, 4.0])}), relative_error(g, {"W": -g["W"]})
    (0.0, 1.0)
    """
    flat_a = np.concatenate([a[k].ravel() for k in sorted(a)])
    flat_b = np.concatenate([b[k].ravel() for k in sorted(a)])
    scale = np.linalg.norm(flat_a) + np.linalg.norm(flat_b)
    return float(np.linalg.norm(flat_a - flat_b) / scale) if scale > 0 else 0.0
# --8<-- [end:gradcheck]


# --8<-- [start:train]
def train(X: np.ndarray, y: np.ndarray, hidden: int, activation: str, lr: float, steps: int,
          seed: int, params: dict[str, np.ndarray] | None = None
          ) -> tuple[dict[str, np.ndarray], list[float]]:
    """Full-batch gradient descent; returns the parameters and the loss before each step
    and after the last (steps + 1 values). `params` overrides the random start.

    >>> X, y = two_moons(200, noise=0.1, seed=0)
    >>> _, history = train(X, y, hidden=16, activation="tanh", lr=1.0, steps=300, seed=0)
    >>> round(history[0], 3), round(history[-1], 3)
    (0.697, 0.064)
    """
    params = init_params(X.shape[1], hidden, activation, seed) if params is None else params
    params = {name: value.copy() for name, value in params.items()}
    history = []
    for _ in range(steps):
        cache = forward(params, X, activation)
        history.append(bce_from_logits(cache["z2"], y))
        for name, grad in backward(params, X, y, cache, activation).items():
            params[name] -= lr * grad
    history.append(loss(params, X, y, activation))
    return params, history
# --8<-- [end:train]


# --8<-- [start:data]
def two_moons(n: int, noise: float, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """n points on two interleaved half circles (n // 2 per class, labels 0 and 1),
    with Gaussian noise of standard deviation `noise`; y has shape (n, 1).

    >>> X, y = two_moons(6, noise=0.0, seed=0)
    >>> X.shape, y.ravel().tolist()
    ((6, 2), [0.0, 0.0, 0.0, 1.0, 1.0, 1.0])
    """
    rng = np.random.default_rng(seed)
    half = n // 2
    angle = rng.uniform(0.0, np.pi, size=(2, half))
    upper = np.column_stack([np.cos(angle[0]), np.sin(angle[0])])
    lower = np.column_stack([1.0 - np.cos(angle[1]), 0.5 - np.sin(angle[1])])
    X = np.vstack([upper, lower]) + noise * rng.standard_normal((2 * half, 2))
    y = np.repeat([0.0, 1.0], half).reshape(-1, 1)
    return X, y
# --8<-- [end:data]


def accuracy(params: dict[str, np.ndarray], X: np.ndarray, y: np.ndarray, activation: str) -> float:
    """Share of examples on the right side of p = 0.5 (z2 = 0)."""
    return float(np.mean((forward(params, X, activation)["z2"] > 0) == (y > 0.5)))

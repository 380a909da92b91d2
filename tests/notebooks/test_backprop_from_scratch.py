"""Tests for snippets/notebooks/backprop_from_scratch/ (notebook: docs/notebooks/backprop-from-scratch.py).

The hand-derived gradients are checked against central finite differences of
the loss (a computation that shares nothing with `backward` but the forward
pass); the stable sigmoid and loss against the textbook formulas where those
are safe, and against exact values where they overflow; training against the
loss it started from. Every test runs with floating-point warnings turned into
errors (underflow to zero excepted: that is the right answer), so an overflow
or a NaN inside the stable functions would fail it.
"""
import math

import numpy as np
import pytest

from snippets.notebooks.backprop_from_scratch.model import (
    ACTIVATIONS, accuracy, backward, bce_from_logits, forward, init_params, loss,
    near_kink, numerical_gradient, relative_error, sigmoid, softplus, train, two_moons)

GRADCHECK_TOLERANCE = 1e-7  # the notebook states it; correct float64 checks land at 1e-10 to 1e-8


@pytest.fixture(autouse=True)
def no_floating_point_warnings():
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        yield


def small_batch(seed):
    X, y = two_moons(24, noise=0.2, seed=seed)
    return X, y


@pytest.mark.parametrize("activation", ACTIVATIONS)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_hand_derived_gradients_match_finite_differences(activation, seed):
    X, y = small_batch(seed)
    params = init_params(2, 6, activation, seed=seed)
    analytic = backward(params, X, y, forward(params, X, activation), activation)
    numeric = numerical_gradient(params, X, y, activation)
    assert relative_error(analytic, numeric) < GRADCHECK_TOLERANCE


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_gradients_still_match_after_training_when_they_are_small(activation):
    X, y = two_moons(200, noise=0.1, seed=3)
    params, _ = train(X, y, hidden=8, activation=activation, lr=1.0, steps=500, seed=3)
    Xs, ys = X[::8], y[::8]  # 25 points, both classes
    analytic = backward(params, Xs, ys, forward(params, Xs, activation), activation)
    assert relative_error(analytic, numerical_gradient(params, Xs, ys, activation)) < GRADCHECK_TOLERANCE


def test_a_relu_check_across_a_kink_fails_and_passes_without_that_row():
    """Training pushed one ReLU pre-activation to about 4e-7 from 0 (found with
    these seeds): the central difference straddles the kink there."""
    X, y = small_batch(3)
    params, _ = train(X, y, hidden=6, activation="relu", lr=1.0, steps=500, seed=3)
    close = near_kink(params, X)
    assert close.sum() == 1
    analytic = backward(params, X, y, forward(params, X, "relu"), "relu")
    assert relative_error(analytic, numerical_gradient(params, X, y, "relu")) > 1e-3
    Xk, yk = X[~close], y[~close]
    analytic = backward(params, Xk, yk, forward(params, Xk, "relu"), "relu")
    assert relative_error(analytic, numerical_gradient(params, Xk, yk, "relu")) < GRADCHECK_TOLERANCE


def test_the_gradient_check_catches_a_missing_one_over_n():
    X, y = small_batch(4)
    params = init_params(2, 6, "tanh", seed=4)
    analytic = backward(params, X, y, forward(params, X, "tanh"), "tanh")
    summed = {name: grad * len(X) for name, grad in analytic.items()}  # the gradient of the sum
    error = relative_error(summed, numerical_gradient(params, X, y, "tanh"))
    assert error == pytest.approx((len(X) - 1) / (len(X) + 1), rel=1e-5)


def test_numerical_gradient_leaves_the_parameters_as_it_found_them():
    X, y = small_batch(5)
    params = init_params(2, 3, "relu", seed=5)
    before = {name: value.copy() for name, value in params.items()}
    numerical_gradient(params, X, y, "relu")
    assert all(np.array_equal(before[name], params[name]) for name in params)


def test_sigmoid_matches_the_textbook_form_where_that_is_safe():
    z = np.linspace(-30, 30, 601)
    textbook = np.array([1 / (1 + math.exp(-v)) for v in z])
    np.testing.assert_allclose(sigmoid(z), textbook, rtol=1e-14)
    np.testing.assert_allclose(sigmoid(-z), 1 - sigmoid(z), atol=1e-15)


def test_sigmoid_at_huge_logits_is_exact_and_raises_nothing():
    z = np.array([-1e300, -1000.0, -745.0, 745.0, 1000.0, 1e300])
    p = sigmoid(z)
    assert p.tolist()[0:2] == [0.0, 0.0] and p.tolist()[-3:] == [1.0, 1.0, 1.0]
    assert 0 < p[2] < 1e-320  # e^-745 is a subnormal, not rounded to 0 by a clip


@pytest.mark.parametrize("logit", [1000.0, -1000.0])
@pytest.mark.parametrize("label", [0.0, 1.0])
def test_loss_is_finite_and_exact_for_logits_of_plus_or_minus_1000(logit, label):
    value = bce_from_logits(np.array([[logit]]), np.array([[label]]))
    wrong = (logit > 0) != (label == 1.0)
    assert math.isfinite(value)
    assert value == (abs(logit) if wrong else 0.0)  # log(1 + e^-1000) is 0 in float64


def test_loss_matches_the_probability_form_where_that_is_safe():
    rng = np.random.default_rng(6)
    z = rng.uniform(-10, 10, size=(50, 1))  # beyond this, 1 - p itself loses digits
    y = rng.integers(0, 2, size=(50, 1)).astype(float)
    p = np.array([[1 / (1 + math.exp(-v))] for v in z[:, 0]])
    textbook = -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))
    assert bce_from_logits(z, y) == pytest.approx(textbook, rel=1e-9)
    np.testing.assert_allclose(softplus(z), np.log1p(np.exp(z)), rtol=1e-12)


def test_a_network_with_huge_weights_still_has_a_finite_loss_and_gradient():
    X, y = small_batch(7)
    params = {name: value * 1e4 for name, value in init_params(2, 6, "relu", seed=7).items()}
    cache = forward(params, X, "relu")
    assert np.abs(cache["z2"]).max() > 1000
    assert math.isfinite(loss(params, X, y, "relu"))
    assert all(np.isfinite(g).all() for g in backward(params, X, y, cache, "relu").values())


@pytest.mark.parametrize("activation", ACTIVATIONS)
def test_training_lowers_the_loss_on_the_toy_set(activation):
    X, y = two_moons(200, noise=0.1, seed=8)
    params, history = train(X, y, hidden=16, activation=activation, lr=1.0, steps=1000, seed=8)
    assert history[-1] < 0.2 * history[0]
    assert loss(params, X, y, activation) == history[-1]
    X_new, y_new = two_moons(400, noise=0.1, seed=9)  # fresh points from the same moons
    assert accuracy(params, X_new, y_new, activation) > 0.95


def test_a_symmetric_start_keeps_every_hidden_unit_identical():
    X, y = two_moons(200, noise=0.1, seed=10)
    start = {"W1": np.full((2, 8), 0.5), "b1": np.zeros(8), "W2": np.full((8, 1), 0.5), "b2": np.zeros(1)}
    params, history = train(X, y, hidden=8, activation="tanh", lr=1.0, steps=200, seed=0, params=start)
    assert history[-1] < history[0]  # it learns, but as a one-unit network
    assert np.ptp(params["W1"], axis=1).max() == 0 and np.ptp(params["W2"]) == 0
    assert start["W1"][0, 0] == 0.5  # the caller's start is not trained in place


def test_mean_loss_gradients_do_not_grow_with_the_batch():
    params = init_params(2, 8, "tanh", seed=11)
    norms = []
    for n in (100, 400, 1600):
        X, y = two_moons(n, noise=0.1, seed=11)
        grads = backward(params, X, y, forward(params, X, "tanh"), "tanh")
        norms.append(math.sqrt(sum(float(np.sum(g ** 2)) for g in grads.values())))
    assert max(norms) < 1.5 * min(norms)


def test_two_moons_is_balanced_and_the_noise_is_seeded():
    X, y = two_moons(101, noise=0.1, seed=12)
    assert X.shape == (100, 2) and y.shape == (100, 1) and y.sum() == 50
    assert np.array_equal(X, two_moons(101, noise=0.1, seed=12)[0])
    clean, _ = two_moons(100, noise=0.0, seed=12)
    assert np.allclose(np.hypot(clean[:50, 0], clean[:50, 1]), 1.0)
    assert np.allclose(np.hypot(clean[50:, 0] - 1.0, clean[50:, 1] - 0.5), 1.0)


def test_unknown_activation_is_refused():
    with pytest.raises(ValueError, match="activation"):
        init_params(2, 4, "sigmoid", seed=0)


def test_relative_error_of_two_zero_gradients_is_zero():
    zero = {"W": np.zeros(3)}
    assert relative_error(zero, zero) == 0.0

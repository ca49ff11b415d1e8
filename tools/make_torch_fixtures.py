#!/usr/bin/python3
"""Reference values for the network library (//lib:nn) from Debian's PyTorch.

    tools/make_torch_fixtures.py     # writes lib/testdata/torch_reference.json

PyTorch here is a calculator, not a model of Keras: every formula below is written out so
that it is Keras's (kernels W of shape (in, out), biases b of shape (out,), Keras's loss
reductions and clipping), and torch.autograd supplies the derivatives. Everything is
float32. Recorded:

  activations  y = f(z) and the gradient of sum(w * f(z)) with respect to z;
  losses       the value and the gradient with respect to y_pred, on probabilities
               (Keras's clipping at 1e-7) and on logits;
  networks     small MLPs: the output, the loss, the gradient of every weight, and the
               weights after one SGD step on the whole batch;
  optimizers   the weights after three steps of SGD with momentum, with Nesterov momentum,
               and of Adam. Keras's momentum v = m*v - lr*g; w += v is PyTorch's
               b = m*b + g; w -= lr*b with a constant learning rate. Keras's Adam adds
               epsilon to sqrt(v) where PyTorch adds it to sqrt(v)/sqrt(1 - beta2^t), so
               each step runs with PyTorch's eps = epsilon / sqrt(1 - beta2^t).
"""

import datetime
import json
import platform
import re

import numpy as np
import torch
import torch.nn.functional as F

OUT = "lib/testdata/torch_reference.json"
EPS = 1e-7  # Keras's backend epsilon
rng = np.random.RandomState(20240521)


def tensor(shape, low=-1.0, high=1.0):
    return torch.tensor(rng.uniform(low, high, size=shape).astype(np.float32))


def as_list(t):
    return t.detach().to(torch.float32).tolist()


# ---- activations ----------------------------------------------------------------------

ACTIVATIONS = {
    "relu": torch.relu,
    "sigmoid": torch.sigmoid,
    "tanh": torch.tanh,
    "softplus": F.softplus,
    "softmax": lambda z: torch.softmax(z, dim=1),
    "linear": lambda z: z,
}


def activation_cases():
    z0 = tensor((4, 5), -3.0, 3.0)
    z0[0, :] = torch.tensor([30.0, -30.0, 0.5, 80.0, -80.0])  # large logits: stability
    z0[1, 1] = 0.25
    w = tensor((4, 5))
    cases = []
    for name in ["relu", "sigmoid", "tanh", "softplus", "softmax"]:
        z = z0.clone().requires_grad_(True)
        y = ACTIVATIONS[name](z)
        (w * y).sum().backward()
        cases.append({"name": name, "z": as_list(z0), "w": as_list(w), "y": as_list(y),
                      "dz": as_list(z.grad)})
    return cases


# ---- losses ---------------------------------------------------------------------------

def keras_bce_probs(t, p):
    pc = p.clamp(EPS, 1 - EPS)
    return -(t * torch.log(pc + EPS) + (1 - t) * torch.log(1 - pc + EPS)).mean()


def keras_cce_probs(t, p):
    q = (p / p.sum(dim=1, keepdim=True)).clamp(EPS, 1 - EPS)
    return -(t * torch.log(q)).sum(dim=1).mean()


def keras_scce_probs(labels, p):
    c = p.clamp(EPS, 1 - EPS)
    return F.cross_entropy(torch.log(c), labels)


def loss_case(name, from_logits, y_true, y_pred, fn, extra=None):
    p = y_pred.clone().requires_grad_(True)
    value = fn(p)
    value.backward()
    case = {"loss": name, "from_logits": from_logits, "y_true": as_list(y_true),
            "y_pred": as_list(y_pred), "value": value.item(), "grad": as_list(p.grad)}
    case.update(extra or {})
    return case


def loss_cases():
    n, k = 5, 3
    y_reg = tensor((n, 2), -2.0, 2.0)
    p_reg = tensor((n, 2), -2.0, 2.0)
    p_reg[0, 0] = y_reg[0, 0] + 1.5  # beyond Huber's delta
    logits = tensor((n, k), -4.0, 4.0)
    logits[0] = torch.tensor([40.0, -40.0, 2.0])  # saturated: finite from logits
    probs = torch.softmax(logits, dim=1)
    labels = torch.tensor([0, 2, 1, 1, 0])
    one_hot = F.one_hot(labels, k).to(torch.float32)
    b_logits = tensor((n, 2), -4.0, 4.0)
    b_true = torch.tensor(rng.randint(0, 2, size=(n, 2)).astype(np.float32))
    b_probs = torch.sigmoid(b_logits)
    b_probs_clipped = b_probs.clone()
    b_probs_clipped[0, 0] = 0.0  # clipped: no gradient there
    return [
        loss_case("mean_squared_error", False, y_reg, p_reg, lambda p: F.mse_loss(p, y_reg)),
        loss_case("mean_absolute_error", False, y_reg, p_reg, lambda p: F.l1_loss(p, y_reg)),
        loss_case("huber", False, y_reg, p_reg, lambda p: F.huber_loss(p, y_reg, delta=1.0),
                  {"delta": 1.0}),
        loss_case("huber", False, y_reg, p_reg, lambda p: F.huber_loss(p, y_reg, delta=0.5),
                  {"delta": 0.5}),
        loss_case("binary_crossentropy", False, b_true, b_probs_clipped,
                  lambda p: keras_bce_probs(b_true, p)),
        loss_case("binary_crossentropy", True, b_true, b_logits,
                  lambda z: F.binary_cross_entropy_with_logits(z, b_true)),
        loss_case("categorical_crossentropy", False, one_hot, probs,
                  lambda p: keras_cce_probs(one_hot, p)),
        loss_case("categorical_crossentropy", True, one_hot, logits,
                  lambda z: -(one_hot * torch.log_softmax(z, dim=1)).sum(dim=1).mean()),
        loss_case("sparse_categorical_crossentropy", False, labels.to(torch.float32)[:, None],
                  probs, lambda p: keras_scce_probs(labels, p)),
        loss_case("sparse_categorical_crossentropy", True, labels.to(torch.float32)[:, None],
                  logits, lambda z: F.cross_entropy(z, labels)),
    ]


# ---- networks -------------------------------------------------------------------------

def make_loss(name, y, delta=None):
    """The loss of the network's pre-activation output z and activation, Keras's way."""
    if name == "sparse_categorical_crossentropy":
        return lambda z: F.cross_entropy(z, y)  # softmax output: fused on the logits
    if name == "categorical_crossentropy":
        return lambda z: -(y * torch.log_softmax(z, dim=1)).sum(dim=1).mean()
    if name == "binary_crossentropy":
        return lambda z: F.binary_cross_entropy_with_logits(z, y)  # sigmoid output: fused
    if name == "mean_squared_error":
        return lambda z: F.mse_loss(z, y)
    if name == "mean_absolute_error":
        return lambda z: F.l1_loss(z, y)
    if name == "huber":
        return lambda z: F.huber_loss(z, y, delta=delta)
    raise ValueError(name)


NETWORKS = [
    # name, input width, [(units, activation)], loss, targets, extra
    ("sparse_softmax", 4, [(5, "relu"), (3, "softmax")], "sparse_categorical_crossentropy",
     "labels", {}),
    ("categorical_softmax", 4, [(5, "tanh"), (3, "softmax")], "categorical_crossentropy",
     "one_hot", {}),
    ("binary_sigmoid", 3, [(4, "relu"), (1, "sigmoid")], "binary_crossentropy", "binary", {}),
    ("multilabel_sigmoid", 3, [(4, "softplus"), (2, "sigmoid")], "binary_crossentropy",
     "binary", {}),
    ("regression_mse", 3, [(4, "sigmoid"), (2, "linear")], "mean_squared_error", "real", {}),
    ("regression_mae", 3, [(4, "tanh"), (1, "linear")], "mean_absolute_error", "real", {}),
    ("regression_huber", 3, [(4, "relu"), (2, "linear")], "huber", "real", {"delta": 0.5}),
]
ROWS = 6


def targets(kind, units):
    if kind == "labels":
        return torch.tensor(rng.randint(0, units, size=ROWS))
    if kind == "one_hot":
        return F.one_hot(torch.tensor(rng.randint(0, units, size=ROWS)), units).to(torch.float32)
    if kind == "binary":
        return torch.tensor(rng.randint(0, 2, size=(ROWS, units)).astype(np.float32))
    return tensor((ROWS, units), -2.0, 2.0)


def forward(weights, activations, x):
    """Returns (output after the last activation, the last pre-activation z)."""
    h = x
    z = None
    for (W, b), act in zip(weights, activations):
        z = h @ W + b
        h = ACTIVATIONS[act](z)
    return h, z


def network_case(name, width, layers, loss, target_kind, extra):
    x = tensor((ROWS, width), -2.0, 2.0)
    weights, fan_in = [], width
    for units, _ in layers:
        limit = np.sqrt(6.0 / (fan_in + units))  # glorot_uniform's range
        weights.append((tensor((fan_in, units), -limit, limit), tensor((units,), -0.1, 0.1)))
        fan_in = units
    activations = [act for _, act in layers]
    y = targets(target_kind, layers[-1][0])
    params = [t.clone().requires_grad_(True) for pair in weights for t in pair]
    pairs = list(zip(params[0::2], params[1::2]))
    output, z = forward(pairs, activations, x)
    loss_fn = make_loss(loss, y, extra.get("delta"))
    value = loss_fn(z)
    value.backward()
    lr = 0.1
    stepped = [(W - lr * W.grad, b - lr * b.grad) for W, b in pairs]
    y_json = as_list(y.to(torch.float32)[:, None]) if target_kind == "labels" else as_list(y)
    return {
        "name": name, "x": as_list(x), "y": y_json, "loss": loss, "loss_args": extra,
        "layers": [{"units": u, "activation": a, "W": as_list(W), "b": as_list(b)}
                   for (u, a), (W, b) in zip(layers, weights)],
        "output": as_list(output), "loss_value": value.item(),
        "grads": [{"W": as_list(W.grad), "b": as_list(b.grad)} for W, b in pairs],
        "sgd": {"learning_rate": lr,
                "weights": [{"W": as_list(W), "b": as_list(b)} for W, b in stepped]},
    }, (x, y, weights, activations, loss_fn)


def optimizer_case(network, label, make, config, steps=3):
    x, y, weights, activations, loss_fn = network
    params = [t.clone().requires_grad_(True) for pair in weights for t in pair]
    pairs = list(zip(params[0::2], params[1::2]))
    optimizer = make(params)
    for t in range(1, steps + 1):
        if label == "adam":  # Keras's epsilon, converted to PyTorch's for step t
            optimizer.param_groups[0]["eps"] = config["epsilon"] / np.sqrt(
                1.0 - config["beta_2"] ** t)
        optimizer.zero_grad()
        _, z = forward(pairs, activations, x)
        loss_fn(z).backward()
        optimizer.step()
    return {"name": label, "network": "sparse_softmax", "config": config, "steps": steps,
            "weights": [{"W": as_list(W), "b": as_list(b)} for W, b in pairs]}


def main():
    networks, saved = [], {}
    for spec in NETWORKS:
        case, state = network_case(*spec)
        networks.append(case)
        saved[spec[0]] = state
    base = saved["sparse_softmax"]
    momentum = {"learning_rate": 0.05, "momentum": 0.9, "nesterov": False}
    nesterov = {"learning_rate": 0.05, "momentum": 0.9, "nesterov": True}
    adam = {"learning_rate": 0.01, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7}
    optimizers = [
        optimizer_case(base, "momentum", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9),
                       momentum),
        optimizer_case(base, "nesterov",
                       lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True),
                       nesterov),
        optimizer_case(base, "adam", lambda p: torch.optim.Adam(p, lr=0.01, betas=(0.9, 0.999)),
                       adam),
    ]
    fixture = {
        "provenance": {
            "script": "tools/make_torch_fixtures.py",
            "torch": torch.__version__,
            "numpy": np.__version__,
            "python": platform.python_version(),
            "date": datetime.date.today().isoformat(),
            "dtype": "float32",
            "layout": "Keras's: W (in, out), b (out,), y = x @ W + b",
        },
        "activations": activation_cases(),
        "losses": loss_cases(),
        "networks": networks,
        "optimizers": optimizers,
    }
    text = json.dumps(fixture, indent=1)
    # One line per innermost list of numbers: a matrix reads row by row.
    text = re.sub(r"\[\s+([-0-9.e,\s]+?)\s+\]",
                  lambda m: "[" + re.sub(r",\s+", ", ", m.group(1)) + "]", text)
    with open(OUT, "w", encoding="utf-8") as f:
        f.write(text + "\n")
    print(f"wrote {OUT}: {len(fixture['activations'])} activations, "
          f"{len(fixture['losses'])} losses, {len(networks)} networks, "
          f"{len(optimizers)} optimizer runs")


if __name__ == "__main__":
    main()

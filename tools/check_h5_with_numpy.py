#!/usr/bin/python3
"""Cross-checks model files saved by the book's C++ library with h5py and numpy alone.

  check_h5_with_numpy.py MODEL.h5 [MODEL.h5 ...] [--tolerance 1e-5]
  check_h5_with_numpy.py --self-test MODEL.h5

For each MODEL.h5, reads MODEL.predictions.json beside it ({"inputs": ..., "predictions":
...}, written by chapter 7 with the C++ predictions), then:

  1. checks the layout Keras 2 writes: root attributes keras_version, backend, model_config
     (JSON: class_name and config) and, if present, training_config (loss,
     optimizer_config); a group model_weights whose layer_names each have a group with
     weight_names, every name a dataset; Dense kernels 2-D (inputs, units) and biases 1-D
     (units,), float32; optimizer_weights, if present, with all its weight_names;
  2. recomputes the model's outputs for the inputs with numpy, from the file's own config
     and weights (Dense, Activation, Dropout, Flatten, InputLayer, Normalization,
     Concatenate; Sequential or functional), in float64;
  3. compares them with the C++ predictions: every difference must be at most the
     tolerance times max(1, |prediction|) (float32 keeps about 7 significant digits).

Prints one OK line per file; on any problem prints what and where and exits 1.
--self-test changes the output layer's first bias in a copy of MODEL.h5 and checks that
step 3 then fails.
"""

import argparse
import json
import pathlib
import shutil
import sys
import tempfile

import h5py
import numpy as np


class Mismatch(Exception):
    """A problem with a file: the message says what and where."""


def text(value):
    """An HDF5 string attribute (bytes or str, fixed or variable length) as str."""
    if isinstance(value, np.ndarray) and value.shape == ():
        value = value[()]
    return value.decode("utf-8") if isinstance(value, (bytes, np.bytes_)) else str(value)


def names(value):
    """A list-of-names attribute (an empty float array means no names, as Keras writes)."""
    return [text(v) for v in np.atleast_1d(value)] if np.asarray(value).size else []


def require(condition, message):
    if not condition:
        raise Mismatch(message)


def check_layout(f, path):
    """Checks the Keras layout; returns the model config and the weights by layer."""
    for key in ("keras_version", "backend", "model_config"):
        require(key in f.attrs, f"{path}: root attribute {key} is missing")
    config = json.loads(text(f.attrs["model_config"]))
    require("class_name" in config and "config" in config,
            f"{path}: model_config has no class_name/config: {list(config)}")
    if "training_config" in f.attrs:
        training = json.loads(text(f.attrs["training_config"]))
        for key in ("loss", "optimizer_config"):
            require(key in training, f"{path}: training_config has no {key}")
    require("model_weights" in f, f"{path}: no group model_weights")
    group = f["model_weights"]
    require("layer_names" in group.attrs, f"{path}: model_weights has no layer_names")
    weights = {}
    for layer in names(group.attrs["layer_names"]):
        require(layer in group, f"{path}: layer {layer} is named but has no group")
        layer_group = group[layer]
        require("weight_names" in layer_group.attrs,
                f"{path}: /model_weights/{layer} has no weight_names")
        arrays = {}
        for name in names(layer_group.attrs["weight_names"]):
            require(name in layer_group, f"{path}: /model_weights/{layer}/{name} is missing")
            data = layer_group[name]
            require(data.dtype in (np.float32, np.int64),
                    f"{path}: /model_weights/{layer}/{name} is {data.dtype}")
            short = name.split("/")[-1].split(":")[0]  # "dense/kernel:0" -> "kernel"
            arrays[short] = np.asarray(data[()], dtype=np.float64)
        if "kernel" in arrays:
            require(arrays["kernel"].ndim == 2, f"{path}: {layer}'s kernel is not 2-D")
        if "bias" in arrays:
            require(arrays["bias"].ndim == 1 and "kernel" in arrays and
                    arrays["bias"].shape[0] == arrays["kernel"].shape[1],
                    f"{path}: {layer}'s bias {arrays['bias'].shape} does not fit its kernel")
        weights[layer] = arrays
    if "optimizer_weights" in f:
        optimizer = f["optimizer_weights"]
        for name in names(optimizer.attrs.get("weight_names", [])):
            require(name in optimizer, f"{path}: /optimizer_weights/{name} is missing")
    return config, weights


ACTIVATIONS = {
    "linear": lambda z: z,
    "relu": lambda z: np.maximum(z, 0.0),
    "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
    "tanh": np.tanh,
    "softplus": lambda z: np.logaddexp(0.0, z),
    "softmax": lambda z: (lambda e: e / e.sum(axis=1, keepdims=True))(
        np.exp(z - z.max(axis=1, keepdims=True))),
}


def apply(class_name, config, arrays, inputs, path):
    """One layer's output, in numpy."""
    name = config.get("name", "?")
    if class_name in ("InputLayer", "Dropout", "Flatten"):
        return inputs[0].reshape(inputs[0].shape[0], -1)
    if class_name == "Concatenate":
        return np.concatenate(inputs, axis=1)
    if class_name == "Normalization":
        scale = np.maximum(np.sqrt(arrays["variance"]), 1e-7)
        return (inputs[0] - arrays["mean"]) / scale
    activation = config.get("activation") or "linear"
    require(activation in ACTIVATIONS, f"{path}: layer {name}: activation {activation}?")
    if class_name == "Activation":
        return ACTIVATIONS[activation](inputs[0])
    require(class_name == "Dense", f"{path}: layer {name}: no numpy version of {class_name}")
    z = inputs[0] @ arrays["kernel"] + arrays.get("bias", 0.0)
    return ACTIVATIONS[activation](z)


def predict(config, weights, inputs, path):
    """The model's outputs for `inputs` (a list, one array per model input)."""
    body = config["config"]
    if config["class_name"] == "Sequential":
        layers = body if isinstance(body, list) else body["layers"]
        x = inputs[0]
        for layer in layers:
            x = apply(layer["class_name"], layer["config"],
                      weights.get(layer["config"].get("name"), {}), [x], path)
        return [x]
    values = {}  # layer name -> its output (each layer called once)
    for name, x in zip([ref[0] for ref in body["input_layers"]], inputs):
        values[name] = x
    for layer in body["layers"]:
        if layer["class_name"] == "InputLayer":
            continue
        nodes = layer["inbound_nodes"]
        require(len(nodes) == 1, f"{path}: layer {layer['name']} is shared; not checked here")
        args = [values[ref[0]] for ref in nodes[0]]
        values[layer["name"]] = apply(layer["class_name"], layer["config"],
                                      weights.get(layer["name"], {}), args, path)
    return [values[ref[0]] for ref in body["output_layers"]]


def check(model_path, tolerance):
    """Checks one model file against its predictions JSON; returns a one-line summary."""
    path = pathlib.Path(model_path)
    beside = path.with_suffix(".predictions.json")
    require(path.is_file(), f"{path}: no such file")
    require(beside.is_file(), f"{beside}: no such file (the C++ predictions to compare with)")
    saved = json.loads(beside.read_text())
    with h5py.File(path, "r") as f:
        config, weights = check_layout(f, path)
    inputs = saved["inputs"]
    inputs = [np.asarray(x, dtype=np.float64) for x in
              (inputs if np.asarray(inputs[0]).ndim == 2 else [inputs])]
    expected = np.asarray(saved["predictions"], dtype=np.float64)
    got = predict(config, weights, inputs, path)[0]
    require(got.shape == expected.shape,
            f"{path}: numpy's predictions are {got.shape}, the C++ ones {expected.shape}")
    scaled = np.abs(got - expected) / np.maximum(1.0, np.abs(expected))
    where = np.unravel_index(np.argmax(scaled), got.shape)
    worst = float(np.abs(got - expected)[where])
    require(scaled[where] <= tolerance,
            f"{path}: numpy and C++ predictions differ by {worst:.3g} (tolerance {tolerance:g} "
            f"× max(1, |prediction|)) "
            f"at row {where[0]}, column {where[1]}: numpy {got[where]:.9g}, "
            f"C++ {expected[where]:.9g}")
    return (f"OK: {path}: Keras layout ({config['class_name']}, {len(weights)} layers), "
            f"numpy's {got.shape[0]}x{got.shape[1]} predictions within {worst:.2g} of C++'s")


def self_test(model_path, tolerance):
    """A changed weight of the output layer must make the check fail."""
    path = pathlib.Path(model_path)
    with tempfile.TemporaryDirectory() as folder:
        copy = pathlib.Path(folder) / path.name
        shutil.copy(path, copy)
        shutil.copy(path.with_suffix(".predictions.json"), copy.with_suffix(".predictions.json"))
        check(copy, tolerance)  # the copy passes as it is
        with h5py.File(copy, "r+") as f:
            group = f["model_weights"]
            dense = [layer for layer in names(group.attrs["layer_names"])
                     if any("kernel" in n for n in names(group[layer].attrs["weight_names"]))]
            weight_names = names(group[dense[-1]].attrs["weight_names"])
            biases = [n for n in weight_names if "bias" in n]
            if biases:
                group[dense[-1]][biases[0]][0] += 0.5
            else:
                group[dense[-1]][weight_names[0]][:, 0] += 0.5
        try:
            check(copy, tolerance)
        except Mismatch as e:
            return f"OK: self-test: a changed weight was caught ({e})"
    raise Mismatch(f"self-test: a changed weight in a copy of {path} was NOT caught")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("models", nargs="+", help="model files (.h5), each with .predictions.json")
    parser.add_argument("--tolerance", type=float, default=1e-5,
                        help="largest difference allowed, times max(1, |prediction|) "
                             "(default 1e-5)")
    parser.add_argument("--self-test", action="store_true",
                        help="check that a changed weight is caught")
    args = parser.parse_args()
    failed = False
    for model in args.models:
        try:
            print(self_test(model, args.tolerance) if args.self_test else
                  check(model, args.tolerance))
        except (Mismatch, OSError, KeyError, ValueError) as e:
            print(f"check_h5_with_numpy: FAILED: {e}", file=sys.stderr)
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

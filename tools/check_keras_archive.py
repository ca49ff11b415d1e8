#!/usr/bin/python3
"""Cross-checks the .keras archives chapter 7 saves, with zipfile, h5py and numpy alone.

  check_keras_archive.py MODEL.keras [MODEL.keras ...] [--tolerance 1e-5]
  check_keras_archive.py --self-test MODEL.keras

Written from Keras 3's rules, not from the C++ reader. For each MODEL.keras, reads
MODEL.keras.predictions.json beside it ({"inputs": ..., "predictions": ...}, the C++
predictions), then:
  1. checks the archive: a zip whose member names are safe, with metadata.json
     (keras_version), config.json ({module, class_name, config, registered_name}, every layer
     with module and class_name, InputLayer with batch_shape) and model.weights.h5;
  2. finds each layer's variables in model.weights.h5 as Keras 3 files them:
     layers/<snake_case(class)>[_N]/vars/0, 1, ... by class and order, not by name (a
     Sequential's InputLayer is not one of its layers; a functional model's is), and checks
     optimizer/vars (step count, learning rate, then slots: 2 + k·trainable variables);
  3. runs the forward pass in float64 (Dense, Activation, Dropout, Flatten, InputLayer,
     Normalization, Concatenate, ReLU, LeakyReLU, Softmax, BatchNormalization) and compares
     with the C++ predictions: |numpy − C++| <= tolerance · max(1, |C++|).
Prints one OK line per file; on a problem prints what and where and exits 1.
--self-test changes the last Dense layer's first bias in a copy of the archive and checks
that step 3 then fails.
"""
import argparse
import io
import json
import pathlib
import re
import shutil
import sys
import tempfile
import zipfile

import h5py
import numpy as np


class Mismatch(Exception):
    """A problem with a file: the message says what and where."""


def require(condition, message):
    if not condition:
        raise Mismatch(message)


def snake_case(name):
    """Keras's naming.to_snake_case: "LeakyReLU" -> "leaky_re_lu"."""
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    name = re.sub("([a-z])([A-Z])", r"\1_\2", name)
    return name.lower()


def read_archive(path):
    """The config and the weights file (an open h5py.File) of a .keras archive."""
    require(zipfile.is_zipfile(path), f"{path}: not a zip archive")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        for name in names:
            require(not name.startswith(("/", "\\")) and ".." not in re.split(r"[/\\]", name),
                    f"{path}: unsafe member name {name!r}")
        for member in ("metadata.json", "config.json", "model.weights.h5"):
            require(member in names, f"{path}: no member {member} (members: {names})")
        metadata = json.loads(archive.read("metadata.json"))
        require(isinstance(metadata.get("keras_version"), str),
                f"{path}: metadata.json has no keras_version")
        config = json.loads(archive.read("config.json"))
        weights = h5py.File(io.BytesIO(archive.read("model.weights.h5")), "r")
    for key in ("module", "class_name", "config", "registered_name"):
        require(key in config, f"{path}: config.json has no {key}")
    for layer in config["config"]["layers"]:
        require("module" in layer and "class_name" in layer,
                f"{path}: a layer without module/class_name: {layer.get('config', {}).get('name')}")
        if layer["class_name"] == "InputLayer":
            require("batch_shape" in layer["config"], f"{path}: InputLayer without batch_shape")
    return config, weights


def layer_variables(config, weights, path):
    """Each layer's variables by its name in the config, found by Keras 3's rule."""
    sequential = config["class_name"] == "Sequential"
    seen, found = {}, {}
    for layer in config["config"]["layers"]:
        if sequential and layer["class_name"] == "InputLayer":
            continue  # Sequential.layers leaves its InputLayer out
        base = snake_case(layer["class_name"])
        count = seen.get(base, 0)
        seen[base] = count + 1
        group = f"layers/{base}" + (f"_{count}" if count else "")
        name = layer["config"]["name"]
        if group not in weights or "vars" not in weights[group]:
            found[name] = []
            continue
        vars_ = weights[group]["vars"]
        found[name] = [np.asarray(vars_[str(i)][()], dtype=np.float64) for i in range(len(vars_))]
    return found


def check_optimizer(weights, variables, config, path):
    if "optimizer" not in weights:
        return
    vars_ = weights["optimizer/vars"]
    require("0" in vars_ and vars_["0"].shape == () and vars_["0"].dtype.kind == "i",
            f"{path}: optimizer/vars/0 is not the int step count")
    trainable = 0  # Dense: all its variables; BatchNormalization: gamma and beta
    for layer in config["config"]["layers"]:
        v = variables.get(layer["config"]["name"], [])
        trainable += {"Dense": len(v), "BatchNormalization": max(len(v) - 2, 0)}.get(
            layer["class_name"], 0)
    trainable = trainable or 1
    require((len(vars_) - 2) % trainable == 0,
            f"{path}: optimizer/vars has {len(vars_)} variables, not 2 + k·{trainable}")


ACTIVATIONS = {
    "linear": lambda z: z,
    "relu": lambda z: np.maximum(z, 0.0),
    "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
    "tanh": np.tanh,
    "softplus": lambda z: np.logaddexp(0.0, z),
    "softmax": lambda z: (lambda e: e / e.sum(axis=1, keepdims=True))(
        np.exp(z - z.max(axis=1, keepdims=True))),
}


def apply(class_name, config, v, inputs, path):
    """One layer's output, in numpy; v: its variables in Keras's order."""
    x = inputs[0]
    if class_name in ("InputLayer", "Dropout", "Flatten"):
        return x.reshape(x.shape[0], -1)
    if class_name == "Concatenate":
        return np.concatenate(inputs, axis=1)
    if class_name == "Normalization":  # mean, variance, count
        return (x - v[0]) / np.maximum(np.sqrt(v[1]), 1e-7)
    if class_name == "BatchNormalization":  # [gamma], [beta], moving_mean, moving_variance
        gamma = v.pop(0) if config.get("scale", True) else 1.0
        beta = v.pop(0) if config.get("center", True) else 0.0
        return gamma * (x - v[0]) / np.sqrt(v[1] + config.get("epsilon", 1e-3)) + beta
    if class_name == "Softmax":
        return ACTIVATIONS["softmax"](x)
    if class_name == "LeakyReLU":
        slope = config.get("negative_slope", config.get("alpha", 0.3))
        return np.where(x >= 0, x, slope * x)
    if class_name == "ReLU":
        cap, slope, threshold = (config.get("max_value"), config.get("negative_slope", 0.0),
                                 config.get("threshold", 0.0))
        y = np.where(x >= threshold, x, slope * (x - threshold))
        return np.minimum(y, cap) if cap is not None else y
    activation = config.get("activation") or "linear"
    require(activation in ACTIVATIONS, f"{path}: activation {activation}?")
    if class_name == "Activation":
        return ACTIVATIONS[activation](x)
    require(class_name == "Dense", f"{path}: no numpy version of {class_name}")
    z = x @ v[0] + (v[1] if config.get("use_bias", True) else 0.0)
    return ACTIVATIONS[activation](z)


def call_sources(node):
    """The layer names a call reads: Keras 2's [[name, node, tensor, kwargs], ...] or Keras
    3's {"args": [tensor or [tensors]], ...} with keras_history [name, node, tensor]."""
    if isinstance(node, list):
        return [ref[0] for ref in node]
    sources = []

    def collect(arg):
        if isinstance(arg, list):
            for item in arg:
                collect(item)
        elif isinstance(arg, dict) and arg.get("class_name") == "__keras_tensor__":
            sources.append(arg["config"]["keras_history"][0])
    collect(node["args"])
    return sources


def predict(config, variables, inputs, path):
    body = config["config"]
    if config["class_name"] == "Sequential":
        x = inputs[0]
        for layer in body["layers"]:
            x = apply(layer["class_name"], layer["config"],
                      list(variables.get(layer["config"]["name"], [])), [x], path)
        return x
    refs = body["input_layers"]
    refs = [refs] if refs and isinstance(refs[0], str) else refs
    values = {ref[0]: x for ref, x in zip(refs, inputs)}
    for layer in body["layers"]:
        name = layer["config"]["name"]
        if layer["class_name"] == "InputLayer":
            continue
        require(len(layer["inbound_nodes"]) == 1, f"{path}: {name} is shared; not checked")
        args = [values[source] for source in call_sources(layer["inbound_nodes"][0])]
        values[name] = apply(layer["class_name"], layer["config"],
                             list(variables.get(name, [])), args, path)
    outputs = body["output_layers"]
    outputs = [outputs] if outputs and isinstance(outputs[0], str) else outputs
    return values[outputs[0][0]]


def check(model_path, tolerance):
    path = pathlib.Path(model_path)
    beside = pathlib.Path(str(path) + ".predictions.json")
    require(path.is_file(), f"{path}: no such file")
    require(beside.is_file(), f"{beside}: no such file (the C++ predictions to compare with)")
    saved = json.loads(beside.read_text())
    config, weights = read_archive(path)
    with weights:
        variables = layer_variables(config, weights, path)
        check_optimizer(weights, variables, config, path)
    inputs = saved["inputs"]
    inputs = [np.asarray(x, dtype=np.float64) for x in
              (inputs if np.asarray(inputs[0]).ndim == 2 else [inputs])]
    expected = np.asarray(saved["predictions"], dtype=np.float64)
    got = predict(config, variables, inputs, path)
    require(got.shape == expected.shape,
            f"{path}: numpy's predictions are {got.shape}, the C++ ones {expected.shape}")
    scaled = np.abs(got - expected) / np.maximum(1.0, np.abs(expected))
    worst = float(scaled.max())
    require(worst <= tolerance,
            f"{path}: numpy and C++ predictions differ by {worst:.3g} (tolerance {tolerance:g})")
    return (f"OK {path.name}: {config['class_name']}, {len(variables)} layers found by Keras 3's "
            f"rule, {got.size} predictions agree within {worst:.1e}")


def self_test(model_path, tolerance):
    """A copy with the last Dense layer's first bias moved by 1 must fail."""
    path = pathlib.Path(model_path)
    config, weights = read_archive(path)
    weights.close()
    last = max(i for i, layer in enumerate(config["config"]["layers"])
               if layer["class_name"] == "Dense")
    count = sum(1 for layer in config["config"]["layers"][:last]
                if layer["class_name"] == "Dense")
    group = "layers/dense" + (f"_{count}" if count else "") + "/vars/1"
    with tempfile.TemporaryDirectory() as folder:
        copy = pathlib.Path(folder) / path.name
        with zipfile.ZipFile(path) as source, zipfile.ZipFile(copy, "w") as target:
            for member in source.namelist():
                data = source.read(member)
                if member == "model.weights.h5":
                    buffer = io.BytesIO(data)
                    with h5py.File(buffer, "r+") as f:
                        f[group][0] += 1.0
                    data = buffer.getvalue()
                target.writestr(member, data)
        shutil.copy(str(path) + ".predictions.json", str(copy) + ".predictions.json")
        try:
            check(copy, tolerance)
        except Mismatch as e:
            return f"OK self-test: a changed bias ({group}[0] + 1) is caught: {e}"
    raise Mismatch(f"{path}: self-test: a changed bias was NOT caught")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("models", nargs="+")
    parser.add_argument("--tolerance", type=float, default=1e-5)
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    failed = False
    for model in args.models:
        try:
            print(self_test(model, args.tolerance) if args.self_test else
                  check(model, args.tolerance))
        except (Mismatch, KeyError, OSError, ValueError) as e:
            print(f"FAILED {model}: {e}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

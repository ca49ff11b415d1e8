#!/usr/bin/python3
"""Reference values for exercise 7.5 (keras3_paths): how Keras 3 files a layer's weights.

    tools/keras3_names.py [fixtures folder]     # default ../shared/fixtures/keras3

Prints two things the exercise's test states as expected values:
1. Keras 3's snake case of some class names. The rule is keras/src/utils/naming.py's
   to_snake_case (Keras 3): drop non-word characters, put "_" before an upper-case letter
   that starts a capitalised word ("(.)([A-Z][a-z]+)"), then between a lower-case letter and
   an upper-case one ("([a-z])([A-Z])"), then lower the case.
2. For every .keras archive in the fixtures folder: the config's layers (class, name) and
   the datasets under layers/ in model.weights.h5, read with h5py.
"""

import io
import json
import pathlib
import re
import sys
import zipfile

import h5py

CLASSES = ["Dense", "Dropout", "LeakyReLU", "InputLayer", "BatchNormalization", "Conv2D",
           "GRU", "LSTM", "PReLU", "ReLU", "GlobalAveragePooling2D", "MultiHeadAttention",
           "Conv2DTranspose", "UnitNormalization", "Normalization", "TextVectorization"]


def snake_case(name):
    name = re.sub(r"\W+", "", name)
    name = re.sub("(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub("([a-z])([A-Z])", r"\1_\2", name).lower()


def main():
    folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/fixtures/keras3")
    for name in CLASSES:
        print(f"{name} -> {snake_case(name)}")
    for archive in sorted(folder.glob("*.keras")):
        with zipfile.ZipFile(archive) as z:
            config = json.loads(z.read("config.json"))
            weights = h5py.File(io.BytesIO(z.read("model.weights.h5")), "r")
            print(archive.name)
            print("  config:", [(layer["class_name"], layer["config"]["name"])
                                for layer in config["config"]["layers"]])
            weights["layers"].visititems(
                lambda path, item: print("  layers/" + path, item.shape)
                if isinstance(item, h5py.Dataset) else None)


if __name__ == "__main__":
    main()

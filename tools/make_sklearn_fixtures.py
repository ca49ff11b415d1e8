#!/usr/bin/python3
"""Reference values for nn::Perceptron and nn::SgdClassifier from Debian's scikit-learn.

    tools/make_sklearn_fixtures.py     # writes lib/linear/testdata/sklearn_perceptron.json

Fits scikit-learn's Perceptron and SGDClassifier with shuffle=False on iris, setosa (1)
against the rest (0), on petal length and width and on all four features, and records the
weights, the bias, the number of epochs, the training accuracy and, for the petal models,
the predictions for two flowers. The features are read from data/iris.csv and rounded to
float32, exactly as the C++ reader (nn::read_csv) holds them; scikit-learn then works in
float64, as nn::Perceptron does inside fit(). Needs python3-sklearn (tools/install-deps.sh).
"""

import csv
import datetime
import hashlib
import json
import os
import platform

import numpy as np
import sklearn
from sklearn.linear_model import Perceptron, SGDClassifier

IRIS = "data/iris.csv"
OUT = "lib/linear/testdata/sklearn_perceptron.json"
FEATURES = ["sepal_length", "sepal_width", "petal_length", "petal_width"]
PETALS = ["petal_length", "petal_width"]
FLOWERS = [[2.0, 0.5], [3.0, 1.0]]  # petal length, width in cm: setosa, not setosa


def load_iris():
    with open(IRIS, encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    x = {name: np.array([float(r[name]) for r in rows], dtype=np.float32) for name in FEATURES}
    y = np.array([1 if r["species"] == "setosa" else 0 for r in rows])
    return x, y


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


# Every case: a name, the estimator, the constructor arguments (None: scikit-learn's default
# for everything else), and the features it sees.
SGD = dict(eta0=1.0, learning_rate="constant", penalty=None, shuffle=False)
CASES = [
    ("perceptron_petal", Perceptron, dict(shuffle=False), PETALS),
    ("perceptron_all", Perceptron, dict(shuffle=False), FEATURES),
    ("sgd_perceptron_petal", SGDClassifier, dict(loss="perceptron", **SGD), PETALS),
    ("sgd_perceptron_all", SGDClassifier, dict(loss="perceptron", **SGD), FEATURES),
    ("sgd_hinge_petal", SGDClassifier, dict(loss="hinge", **SGD), PETALS),
    ("sgd_log_loss_petal", SGDClassifier, dict(loss="log_loss", **SGD), PETALS),
    ("sgd_hinge_l2_petal", SGDClassifier,
     dict(SGD, loss="hinge", penalty="l2", alpha=0.001), PETALS),
]


def fit_case(name, estimator, params, features, columns, y):
    x = np.stack([columns[f] for f in features], axis=1).astype(np.float64)  # (150, k)
    model = estimator(**params).fit(x, y)
    case = {
        "name": name,
        "estimator": estimator.__name__,
        "params": {k: v for k, v in sorted(model.get_params().items())},
        "features": features,
        "coef": [float(c) for c in model.coef_.ravel()],
        "intercept": float(model.intercept_[0]),
        "n_iter": int(model.n_iter_),
        "train_accuracy": float(model.score(x, y)),
    }
    if features == PETALS:
        case["flowers"] = FLOWERS
        case["predictions"] = [int(p) for p in model.predict(np.array(FLOWERS))]
    return case


def main():
    columns, y = load_iris()
    cases = [fit_case(*case, columns, y) for case in CASES]
    fixture = {
        "provenance": {
            "script": "tools/make_sklearn_fixtures.py",
            "sklearn": sklearn.__version__,
            "numpy": np.__version__,
            "python": platform.python_version(),
            "date": datetime.date.today().isoformat(),
            "data": f"{IRIS} (sha256 {sha256(IRIS)}), features rounded to float32",
            "labels": "1 = setosa, 0 = versicolor or virginica",
        },
        "cases": cases,
    }
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(fixture, f, indent=2)
        f.write("\n")
    os.replace(tmp, OUT)
    for c in cases:
        print(f"{c['name']:22s} n_iter={c['n_iter']:4d} acc={c['train_accuracy']:.4f} "
              f"coef={c['coef']} intercept={c['intercept']} {c.get('predictions', '')}")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Reference values for exercise 1.6 (logistic_regression) from Debian's scikit-learn.

    tools/make_logistic_fixture.py   # writes exercises/01_perceptron/testdata/sklearn_logistic.json

Iris, versicolor (0) against virginica (1): the two classes overlap, so the log loss has a
finite minimum (on setosa against the rest it has none: the weights would grow for ever).
The features are petal length and width read from data/iris.csv, rounded to float32 as the
C++ reader holds them, then standardized (mean 0, population standard deviation 1) in
float64. scikit-learn's LogisticRegression without penalty (penalty=None, lbfgs, tol 1e-12)
gives the minimum; the fixture records the standardized rows, the labels, the coefficients,
the intercept, the mean log loss and the probability of class 1 for every row.
"""

import csv
import datetime
import hashlib
import json
import os
import platform

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import log_loss

IRIS = "data/iris.csv"
OUT = "exercises/01_perceptron/testdata/sklearn_logistic.json"


def main():
    with open(IRIS, encoding="utf-8", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["species"] != "setosa"]
    x = np.array([[float(r["petal_length"]), float(r["petal_width"])] for r in rows],
                 dtype=np.float32).astype(np.float64)
    y = np.array([1 if r["species"] == "virginica" else 0 for r in rows])
    x = (x - x.mean(axis=0)) / x.std(axis=0)
    model = LogisticRegression(penalty=None, tol=1e-12, max_iter=100000).fit(x, y)
    proba = model.predict_proba(x)[:, 1]
    with open(IRIS, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    fixture = {
        "provenance": {
            "script": "tools/make_logistic_fixture.py",
            "sklearn": sklearn.__version__,
            "numpy": np.__version__,
            "python": platform.python_version(),
            "date": datetime.date.today().isoformat(),
            "data": f"{IRIS} (sha256 {digest}): versicolor 0, virginica 1; petal length and "
                    "width, float32, standardized",
            "estimator": "LogisticRegression(penalty=None, tol=1e-12, max_iter=100000)",
        },
        "x": x.tolist(),
        "y": y.tolist(),
        "coef": model.coef_.ravel().tolist(),
        "intercept": float(model.intercept_[0]),
        "log_loss": float(log_loss(y, proba)),
        "proba": proba.tolist(),
        "n_iter": int(model.n_iter_[0]),
    }
    tmp = OUT + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(fixture, f)
        f.write("\n")
    os.replace(tmp, OUT)
    print(f"coef {fixture['coef']} intercept {fixture['intercept']} log loss "
          f"{fixture['log_loss']} ({fixture['n_iter']} lbfgs steps); wrote {OUT}")


if __name__ == "__main__":
    main()

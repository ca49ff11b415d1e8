#!/usr/bin/python3
"""Reference values for exercise 4.7 (class_weights) from Debian's scikit-learn.

    tools/class_weight_reference.py

Prints sklearn.utils.class_weight.compute_class_weight("balanced", ...) for the label lists
that the exercise's test uses; the test states these numbers as expected values.
"""

import numpy as np
import sklearn
from sklearn.utils.class_weight import compute_class_weight

CASES = [
    [0] * 8 + [1] * 2,
    [2, 0, 2, 2, 1, 2, 2, 0, 2, 2, 2, 2],
    [0] * 990 + [1] * 10,
]

print(f"scikit-learn {sklearn.__version__}")
for y in CASES:
    classes = np.arange(max(y) + 1)
    weights = compute_class_weight("balanced", classes=classes, y=np.array(y))
    print(f"counts {np.bincount(y).tolist()}: {weights.tolist()}")

#!/bin/bash
# Runs the page's two programs as a reader would, from the runfiles root (where data/ is),
# writing into the test's own folder; either one failing fails the test.
set -euo pipefail
examples/your_own_program/iris "$TEST_TMPDIR/iris"
examples/your_own_program/restore "$TEST_TMPDIR/restore"
test -s "$TEST_TMPDIR/iris/iris_training.csv"
test -s "$TEST_TMPDIR/restore/mpg.weights.h5"

"""What the network library's targets share: compiler options and one test per test file."""

# GCC 12 vectorizes xtensor's element-wise loops (weight updates, activations) only at -O3; at
# -O2 they ran 3 to 5 times slower. -fno-trapping-math (we never read floating-point exception
# flags) lets it vectorize ReLU's backward too. Neither changes any result.
NN_COPTS = [
    "-O3",
    "-fno-trapping-math",
]

def tests_beside(deps = ["//lib:nn"], exclude = []):
    """One small cc_test per *_test.cc in this folder, named after the file, on `deps`.

    Tests may use the whole library (a layer's test trains a model); the layering rule is for
    the libraries themselves.
    """
    for src in native.glob(["*_test.cc"], exclude = exclude):
        native.cc_test(
            name = src[:-len(".cc")],
            size = "small",
            srcs = [src],
            deps = deps + ["//tools:catch_main"],
        )

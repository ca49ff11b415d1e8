#!/usr/bin/env bash
# Installs the Debian packages the book needs, and only those that are missing.
# This is the one place where packages are named; `./book run` and `./book test` call it.
set -euo pipefail

# Each package, and what the book uses it for.
packages=(
  build-essential        # g++, the compiler Bazel drives
  git                    # `./book` finds the workspace with it; CI clones with it
  bazel-bootstrap        # Bazel 4.2.3, the build system (WORKSPACE mode, offline)
  bazel-platforms        # @platforms for Bazel, as a local repository
  libxtensor-dev         # tensors: the library's arrays
  libxtensor-blas-dev    # xt::blas::gemm over BLAS
  libopenblas-dev        # the BLAS under the matrix products
  catch2                 # unit tests and graded exercise tests (catch2/catch.hpp)
  libhdf5-dev            # Keras-compatible .h5 model files (chapter 7)
  nlohmann-json3-dev     # results.json, model configs
  zlib1g-dev             # gzip-compressed Fashion-MNIST files
  libzip-dev             # .keras model archives (zip), chapter 7
  dataset-fashion-mnist  # the images of chapters 4 and 6
  python3                # Debian's Python for the data import and cross-check scripts
  python3-vega-datasets  # iris and Auto MPG, as shipped JSON (tools/import_*.py)
  python3-numpy          # numpy cross-check of saved models (chapter 7)
  python3-h5py           # reading .h5 files from Python (chapter 7 cross-check)
  python3-torch          # reference gradients for the fixtures, and the PyTorch peer bench
  tiny-dnn               # header-only C++ network library: the second peer of ./book bench --peers
  libcereal-dev          # cereal, the serialization headers tiny-dnn includes unconditionally
  libstb-dev             # stb image headers, which tiny-dnn includes as third_party/stb/ (see third_party/tiny_dnn.BUILD)
  python3-sklearn        # reference values for the perceptron (tools/make_sklearn_fixtures.py)
  doxygen                # renders the book
  graphviz               # `dot`: model graphs (chapter 5) and Doxygen diagrams
  libjs-mathjax          # formulas in the book, served offline
  clang                  # libFuzzer targets (./book fuzz)
  libclang-rt-14-dev     # the fuzzer and sanitizer runtimes
  clang-format           # the style check in ./book test
  chromium               # headless browser test of the rendered book
  python3-websocket      # talks to headless chromium (DevTools protocol)
  inotify-tools          # ./book watch re-grades on save
  time                   # /usr/bin/time -v for peak memory
  emscripten             # em++: the library compiled to WebAssembly for the Playground page
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: missing ${#missing[@]} package(s): ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo)
else
  echo "install-deps: error: installing packages needs root; run as root or give this user sudo," >&2
  echo "  or install them yourself: apt-get install ${missing[*]}" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "install-deps: apt-get update"
"${sudo[@]}" apt-get update -qq
echo "install-deps: apt-get install ${missing[*]}"
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "install-deps: done"

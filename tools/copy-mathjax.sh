#!/usr/bin/env bash
# Copies the parts of Debian's MathJax 2 that the book uses (TeX in, SVG out) next to the
# HTML, so formulas render with no network: copy-mathjax.sh docs/html
set -euo pipefail
html=$1
source=/usr/share/javascript/mathjax
[ -f "$source/MathJax.js" ] || { echo "copy-mathjax: $source is missing; install libjs-mathjax" >&2; exit 1; }
target="$html/mathjax"
rm -rf "$target"
mkdir -p "$target/jax/output"
cp -r "$source/MathJax.js" "$source/config" "$source/extensions" "$source/localization" "$target/"
cp -r "$source/jax/input" "$source/jax/element" "$target/jax/"
cp -r "$source/jax/output/SVG" "$target/jax/output/"

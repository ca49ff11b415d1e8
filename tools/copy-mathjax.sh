#!/usr/bin/env bash
# Copies the parts of Debian's MathJax 2 that the book uses (TeX in, SVG out with the TeX
# fonts) next to the HTML, so formulas render with no network: copy-mathjax.sh docs/html
# Localizations stay: MathJax picks the reader's language and loads its strings.
set -euo pipefail
html=$1
source=/usr/share/javascript/mathjax
[ -f "$source/MathJax.js" ] || { echo "copy-mathjax: $source is missing; install libjs-mathjax" >&2; exit 1; }
target="$html/mathjax"
rm -rf "$target"
mkdir -p "$target/jax/output/SVG/fonts"
# -L: Debian may link files to other packages; the book must carry the files themselves.
cp -rL "$source/MathJax.js" "$source/extensions" "$source/localization" "$target/"
cp -rL "$source/jax/input" "$source/jax/element" "$target/jax/"
cp -L "$source/jax/output/SVG/config.js" "$source/jax/output/SVG/jax.js" "$target/jax/output/SVG/"
cp -rL "$source/jax/output/SVG/autoload" "$target/jax/output/SVG/"
cp -rL "$source/jax/output/SVG/fonts/TeX" "$target/jax/output/SVG/fonts/"

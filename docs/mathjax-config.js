// Added to Doxygen's MathJax configuration (MATHJAX_CODEFILE). MathJax loads from the book's
// own folder, so its "Loading..." messages would only flash in a corner: hide them.
MathJax.Hub.Config({ messageStyle: "none", SVG: { font: "TeX" } });

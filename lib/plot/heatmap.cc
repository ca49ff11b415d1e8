// Axes::heatmap: a matrix drawn as coloured cells, row 0 at the top, as a confusion matrix is
// read (true classes down, predicted classes across).

#include <algorithm>
#include <cmath>

#include "lib/error.h"
#include "lib/plot/axes.h"
#include "lib/plot/format.h"
#include "lib/plot/palette.h"

namespace nn::plot {
namespace {

// The text in a cell: whole numbers as they are (counts), others with two decimals at most.
std::string cell_text(double value) {
  if (std::abs(value) >= 1 && std::abs(value - std::round(value)) < 1e-9) {
    return format_number(value, 15);
  }
  return format_number(std::round(value * 100) / 100, 6);
}

}  // namespace

void Axes::heatmap(const Tensor& matrix, const std::vector<std::string>& row_labels,
                   const std::vector<std::string>& col_labels, bool annotate) {
  const std::size_t rows = matrix.shape()[0], cols = matrix.shape()[1];
  if ((!row_labels.empty() && row_labels.size() != rows) ||
      (!col_labels.empty() && col_labels.size() != cols)) {
    throw ValueError("heatmap: a " + shape_string(matrix) + " matrix needs " +
                     std::to_string(rows) + " row labels and " + std::to_string(cols) +
                     " column labels; got " + std::to_string(row_labels.size()) + " and " +
                     std::to_string(col_labels.size()));
  }
  // Cell (i, j) covers [j, j + 1] × [i, i + 1]; its tick sits at its centre.
  x_.tick_values.clear(), y_.tick_values.clear();
  for (std::size_t j = 0; j < cols; ++j) x_.tick_values.push_back(j + 0.5);
  for (std::size_t i = 0; i < rows; ++i) y_.tick_values.push_back(i + 0.5);
  x_.tick_labels = col_labels;
  y_.tick_labels = row_labels;
  for (std::size_t j = 0; col_labels.empty() && j < cols; ++j) {
    x_.tick_labels.push_back(std::to_string(j));
  }
  for (std::size_t i = 0; row_labels.empty() && i < rows; ++i) {
    y_.tick_labels.push_back(std::to_string(i));
  }
  x_.categorical = y_.categorical = true;
  x_.sticky.insert(x_.sticky.end(), {0.0, double(cols)});
  y_.sticky.insert(y_.sticky.end(), {0.0, double(rows)});
  y_inverted_ = true;
  default_grid_ = false;

  Artist artist{{0.0, double(cols)}, {0.0, double(rows)}};
  artist.avoid = false;
  artist.layer = 0;
  artist.draw = [matrix, annotate](Svg& svg, const Scale& x, const Scale& y) {
    double lo = 0, hi = 0;  // the colour ramp starts at 0 unless some value is negative
    for (float v : matrix) {
      if (std::isfinite(v)) lo = std::min<double>(lo, v), hi = std::max<double>(hi, v);
    }
    const double span = hi > lo ? hi - lo : 1;
    for (std::size_t i = 0; i < matrix.shape()[0]; ++i) {
      for (std::size_t j = 0; j < matrix.shape()[1]; ++j) {
        const double left = x(j), right = x(j + 1.0), top = y(i), bottom = y(i + 1.0);
        if (std::isnan(left + right + top + bottom)) continue;  // e.g. 0 on a log axis
        const Rgb fill = sequential_color((matrix(i, j) - lo) / span);
        svg.element("rect", {{"x", std::min(left, right)},
                             {"y", std::min(top, bottom)},
                             {"width", std::abs(right - left)},
                             {"height", std::abs(bottom - top)},
                             {"fill", to_hex(fill)}});
        if (!annotate) continue;
        const std::string text = cell_text(matrix(i, j));
        const double width = std::abs(right - left), height = std::abs(bottom - top);
        const double size = std::min({12.0, height * 0.45, width / (0.62 * text.size() + 0.4)});
        svg.text((left + right) / 2, (top + bottom) / 2 + size * 0.35, text,
                 {{"text-anchor", "middle"},
                  {"font-size", size},
                  {"fill", luminance(fill) < 0.35 ? "#ffffff" : "#222222"}});
      }
    }
  };
  artists_.push_back(std::move(artist));
}

}  // namespace nn::plot

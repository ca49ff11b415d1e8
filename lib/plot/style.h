#pragma once
// What the drawing calls of Axes take besides their data: the numbers to plot (Series), and
// one small struct of options per call, written with designated-initialiser-like braces:
// ax.plot(x, y, {"validation loss", "#d55e00", /*dashed=*/true}).

#include <initializer_list>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace nn::plot {

/// A list of numbers to plot, copied from any container of numbers: std::vector<float>,
/// std::vector<int>, nn::Vector, an xtensor view such as xt::col(X, 0), or a braced list.
struct Series {
  /// The numbers, as doubles.
  std::vector<double> values;
  /// Copies the numbers of any container that has begin() and end().
  template <class Container, class = decltype(std::begin(std::declval<const Container&>()))>
  Series(const Container& container)  // NOLINT: implicit on purpose
      : values(std::begin(container), std::end(container)) {}
  /// Copies a braced list of numbers: {1, 2, 3}.
  Series(std::initializer_list<double> list) : values(list) {}
};

/// A point in data coordinates.
struct Point {
  /// The x coordinate.
  double x = 0;
  /// The y coordinate.
  double y = 0;
};

/// A rectangle in data coordinates: [xmin, xmax] × [ymin, ymax].
struct Extent {
  /// Left edge.
  double xmin = 0;
  /// Right edge.
  double xmax = 1;
  /// Bottom edge.
  double ymin = 0;
  /// Top edge.
  double ymax = 1;
};

/// The shape drawn at each point of a scatter plot.
enum class Marker { circle, square, triangle, diamond, cross, plus };

/// Options of Axes::plot() and the other line-drawing calls.
struct LineStyle {
  /// The name in the legend; lines without one are left out of it.
  std::string label;
  /// "#rrggbb", or empty for the next palette colour.
  std::string color;
  /// Dashed instead of solid.
  bool dashed = false;
  /// Stroke width in pixels.
  double width = 2;
};

/// Options of Axes::scatter().
struct ScatterStyle {
  /// The name in the legend; points without one are left out of it.
  std::string label;
  /// "#rrggbb", or empty for the next palette colour.
  std::string color;
  /// Marker radius in pixels.
  double size = 4;
  /// The marker's shape.
  Marker marker = Marker::circle;
};

/// Options of Axes::bar().
struct BarStyle {
  /// The name in the legend; empty leaves the bars out of it.
  std::string label;
  /// "#rrggbb", or empty for the next palette colour.
  std::string color;
  /// Write each value above its bar.
  bool annotate = false;
};

/// Options of Axes::text().
struct TextStyle {
  /// Fill colour of the text.
  std::string color = "#222222";
  /// Font size in pixels.
  double size = 12;
  /// "start", "middle" or "end": which part of the text sits at the point.
  std::string anchor = "start";
};

/// Options of Axes::decision_regions().
struct RegionStyle {
  /// Cells per side of the grid on which a predict function is evaluated.
  int resolution = 120;
  /// Fill the cells with the (light) colour of their class or probability.
  bool filled = true;
  /// Draw the 0.5 contour of a probability grid: the decision boundary.
  bool contour = false;
  /// Class colours, "#rrggbb"; empty for the palette (matching Axes::scatter_classes()).
  std::vector<std::string> colors;
  /// Colour of the contour line.
  std::string contour_color = "#222222";
};

}  // namespace nn::plot

#pragma once
// One plot: a frame with two axes, and what is drawn inside it. The calls follow matplotlib's
// names (plot, scatter, bar, axhline, xlabel, legend, xscale, ...) so that a reader can move
// between the book and a Python notebook without translating. Every call only records what
// to draw; Figure::save() lays the axes out and draws them, so the limits, ticks and legend
// see all the data, whatever the order of the calls.

#include <functional>
#include <optional>
#include <string>
#include <vector>
#include <xtensor/xtensor.hpp>

#include "lib/plot/scale.h"
#include "lib/plot/style.h"
#include "lib/plot/svg.h"
#include "lib/tensor.h"

namespace nn::plot {

/// A model's predictions for a batch of points, for decision regions: X (n, 2) → (n, 1)
/// probabilities of class 1, or (n, k) class scores whose argmax is the class.
using PredictFn = std::function<Tensor(const Tensor&)>;

/// The box around the points X (n, 2), widened on each side by `padding` times its size.
Extent padded_extent(const Tensor& X, double padding = 0.1);

/// One plot inside a Figure: its data, its axes and its decorations.
class Axes {
 public:
  /// A line through (xs[i], ys[i]). Points with a NaN or infinite coordinate are skipped:
  /// the line stops before them and starts again after them.
  void plot(const Series& xs, const Series& ys, const LineStyle& style = {});
  /// A marker at each (xs[i], ys[i]); points that are not finite are skipped.
  void scatter(const Series& xs, const Series& ys, const ScatterStyle& style = {});
  /// The points X (n, 2) coloured and shaped by class, labels (n,); one legend entry per
  /// class, named by class_names (or "class 0", "class 1", ...).
  void scatter_classes(const Tensor& X, const Labels& labels,
                       const std::vector<std::string>& class_names = {}, double size = 4);
  /// The regions where `predict` chooses each class, evaluated on a grid over `extent` and
  /// drawn under the points: (n, 1) outputs are probabilities, (n, k) ones are class scores.
  void decision_regions(const PredictFn& predict, const Extent& extent,
                        const RegionStyle& style = {});
  /// Regions from a grid of probabilities of class 1 (ny, nx), cell centres spread evenly
  /// over `extent`, row 0 at ymin: white at 0.5, the classes' colours towards 0 and 1.
  void decision_regions(const Tensor& probabilities, const Extent& extent,
                        const RegionStyle& style = {});
  /// Regions from a grid of class indices (ny, nx), laid out as for probabilities.
  void decision_regions(const xt::xtensor<int, 2>& classes, const Extent& extent,
                        const RegionStyle& style = {});
  /// The infinite straight line through a and b, clipped to the frame (linear axes).
  void line(Point a, Point b, const LineStyle& style = {});
  /// The infinite line w1·x + w2·y + b = 0, e.g. a perceptron's decision boundary. Throws
  /// nn::ValueError when w1 and w2 are both 0.
  void axline(double w1, double w2, double b, const LineStyle& style = {});
  /// A horizontal line across the frame at y (e.g. a target or a baseline).
  void axhline(double y, const LineStyle& style = {});
  /// A vertical line across the frame at x (e.g. the best epoch).
  void axvline(double x, const LineStyle& style = {});
  /// A horizontal line across the frame at each of ys, in one colour and one legend entry.
  void hlines(const Series& ys, const LineStyle& style = {});
  /// A vertical line across the frame at each of xs, in one colour and one legend entry.
  void vlines(const Series& xs, const LineStyle& style = {});
  /// A heat map of matrix (rows, cols), row 0 at the top, e.g. a confusion matrix with true
  /// classes as rows; annotate writes each value in its cell. Throws nn::ValueError when the
  /// label counts do not match the shape (empty label lists are allowed).
  void heatmap(const Tensor& matrix, const std::vector<std::string>& row_labels,
               const std::vector<std::string>& col_labels, bool annotate = true);
  /// One bar per label, of height values[i]; throws nn::ValueError when the sizes differ.
  void bar(const std::vector<std::string>& labels, const Series& values,
           const BarStyle& style = {});
  /// Text at (x, y) in data coordinates.
  void text(double x, double y, const std::string& text, const TextStyle& style = {});

  /// The title above the frame.
  void title(const std::string& text) { title_ = text; }
  /// The label under the x axis.
  void xlabel(const std::string& text) { x_.label = text; }
  /// The label left of the y axis.
  void ylabel(const std::string& text) { y_.label = text; }
  /// Shows a legend of the labelled series: "best" (the corner with the least data),
  /// "upper right", "upper left", "lower left" or "lower right"; nn::ValueError otherwise.
  void legend(const std::string& location = "best");
  /// Grid lines at the major ticks, on or off (on by default, except for heat maps and
  /// decision regions).
  void grid(bool on = true) { grid_ = on; }
  /// Fixes the x limits instead of fitting them to the data.
  void xlim(double lo, double hi) { x_.limits = {lo, hi}; }
  /// Fixes the y limits instead of fitting them to the data.
  void ylim(double lo, double hi) { y_.limits = {lo, hi}; }
  /// "linear" or "log" (ticks at powers of ten); nn::ValueError otherwise.
  void xscale(const std::string& scale) { x_.scale = parse_scale(scale); }
  /// "linear" or "log" (ticks at powers of ten); nn::ValueError otherwise.
  void yscale(const std::string& scale) { y_.scale = parse_scale(scale); }
  /// Ticks at chosen x values, labelled by `labels` (or by the values when it is empty).
  void xticks(const std::vector<double>& values, const std::vector<std::string>& labels = {});
  /// Ticks at chosen y values, labelled by `labels` (or by the values when it is empty).
  void yticks(const std::vector<double>& values, const std::vector<std::string>& labels = {});

  /// Draws the axes into the box (left, top, width, height) of `svg`; `id` names its clip
  /// path and must be unique within the document. Called by Figure.
  void render(Svg& svg, double left, double top, double width, double height,
              const std::string& id) const;

 private:
  // What the legend shows for one labelled series: a line, a marker or a filled patch.
  struct LegendEntry {
    enum class Kind { line, marker, patch } kind;
    std::string label, color;
    bool dashed = false;
    double width = 2;  // line width, or marker radius
    Marker marker = Marker::circle;
  };
  // Something drawn inside the frame; it receives the two scales when the layout is known.
  struct Artist {
    std::vector<double> xs, ys;  // its data: for the limits, and for the legend to avoid
    std::function<void(Svg&, const Scale&, const Scale&)> draw;
    bool avoid = true;        // the legend should not cover these points
    bool connected = false;   // the points are joined by a line (the legend avoids it too)
    bool fits_limits = true;  // xs, ys count towards the automatic limits
    bool clipped = true;      // drawn inside the frame only
    int layer = 1;            // 0: regions and heat maps, under everything else
  };
  // Everything about one axis.
  struct Axis {
    std::string label;
    ScaleType scale = ScaleType::linear;
    std::optional<std::pair<double, double>> limits;  // fixed by xlim/ylim
    std::vector<double> sticky;                       // the margin does not cross these
    std::vector<double> tick_values;                  // fixed by xticks/yticks
    std::vector<std::string> tick_labels;
    bool categorical = false;  // bars or heat-map cells: no grid lines
  };
  std::string next_color(const std::string& requested);
  void add_regions(std::vector<std::uint8_t> rgb, int nx, int ny, const Tensor* probabilities,
                   const Extent& extent, const RegionStyle& style);
  std::pair<double, double> fit_limits(const Axis& axis, bool is_x) const;
  void draw_legend(Svg& svg, const Scale& x, const Scale& y) const;

  std::vector<Artist> artists_;
  std::vector<LegendEntry> legend_entries_;
  Axis x_, y_;
  std::string title_;
  std::optional<std::string> legend_;
  std::optional<bool> grid_;
  bool default_grid_ = true;
  bool y_inverted_ = false;
  std::size_t color_index_ = 0;
};

}  // namespace nn::plot

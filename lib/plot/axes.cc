#include "lib/plot/axes.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "lib/error.h"
#include "lib/plot/format.h"
#include "lib/plot/marker.h"
#include "lib/plot/palette.h"
#include "lib/text.h"

namespace nn::plot {
namespace {

void check_sizes(const std::string& call, const Series& xs, const Series& ys) {
  if (xs.values.size() != ys.values.size()) {
    throw ShapeError(call + ": xs has " + count_of(xs.values.size(), "value") + " but ys has " +
                     std::to_string(ys.values.size()));
  }
}

std::vector<Attr> line_attrs(const LineStyle& style, const std::string& color,
                             const std::string& d) {
  std::vector<Attr> attrs = {{"d", d},
                             {"fill", "none"},
                             {"stroke", color},
                             {"stroke-width", style.width},
                             {"stroke-linejoin", "round"},
                             {"stroke-linecap", style.dashed ? "butt" : "round"}};
  if (style.dashed) attrs.push_back({"stroke-dasharray", "7 4"});
  return attrs;
}

}  // namespace

std::string Axes::next_color(const std::string& requested) {
  return requested.empty() ? palette_color(color_index_++) : requested;
}

void Axes::plot(const Series& xs, const Series& ys, const LineStyle& style) {
  check_sizes("plot", xs, ys);
  const std::string color = next_color(style.color);
  Artist artist{xs.values, ys.values};
  artist.connected = true;
  artist.draw = [xs = xs.values, ys = ys.values, style, color](Svg& svg, const Scale& x,
                                                               const Scale& y) {
    PathData d;
    bool pen_down = false;  // lifted at a point that cannot be drawn: the line has a gap
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const double px = x(xs[i]), py = y(ys[i]);
      if (std::isnan(px) || std::isnan(py)) {
        pen_down = false;
      } else {
        pen_down ? d.line_to(px, py) : d.move_to(px, py);
        pen_down = true;
      }
    }
    if (!d.empty()) svg.element("path", line_attrs(style, color, d.str()));
  };
  artists_.push_back(std::move(artist));
  if (!style.label.empty()) {
    legend_entries_.push_back(
        {LegendEntry::Kind::line, style.label, color, style.dashed, style.width});
  }
}

void Axes::scatter(const Series& xs, const Series& ys, const ScatterStyle& style) {
  check_sizes("scatter", xs, ys);
  const std::string color = next_color(style.color);
  Artist artist{xs.values, ys.values};
  artist.draw = [xs = xs.values, ys = ys.values, style, color](Svg& svg, const Scale& x,
                                                               const Scale& y) {
    svg.open("g", marker_style(style.marker, color));
    for (std::size_t i = 0; i < xs.size(); ++i) {
      const double px = x(xs[i]), py = y(ys[i]);
      if (!std::isnan(px) && !std::isnan(py)) draw_marker(svg, style.marker, px, py, style.size);
    }
    svg.close();
  };
  artists_.push_back(std::move(artist));
  if (!style.label.empty()) {
    legend_entries_.push_back(
        {LegendEntry::Kind::marker, style.label, color, false, style.size, style.marker});
  }
}

void Axes::scatter_classes(const Tensor& X, const Labels& labels,
                           const std::vector<std::string>& class_names, double size) {
  if (X.shape()[1] != 2 || labels.size() != X.shape()[0]) {
    throw ShapeError("scatter_classes: X must be (n, 2) and labels (n,); got X " + shape_string(X) +
                     " and labels " + shape_string(labels));
  }
  // Classes 0, 1, 2... keep their own colours; labels like -1/+1 are numbered in order.
  const std::set<int> classes(labels.begin(), labels.end());
  const bool by_rank = !classes.empty() && *classes.begin() < 0;
  std::size_t rank = 0;
  for (int c : classes) {
    const std::size_t index = by_rank ? rank++ : static_cast<std::size_t>(c);
    std::vector<double> xs, ys;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (labels(i) == c) xs.push_back(X(i, 0)), ys.push_back(X(i, 1));
    }
    const std::string name =
        index < class_names.size() ? class_names[index] : "class " + std::to_string(c);
    scatter(xs, ys, {name, palette_color(index), size, class_marker(index)});
  }
}

void Axes::line(Point a, Point b, const LineStyle& style) {
  const std::string color = next_color(style.color);
  Artist artist;
  artist.fits_limits = artist.avoid = false;
  artist.draw = [a, b, style, color](Svg& svg, const Scale& x, const Scale& y) {
    // Clip the infinite line a + t·(b − a) to the limits (Liang–Barsky), then draw it.
    double t0 = -std::numeric_limits<double>::infinity(), t1 = -t0;
    const double start[2] = {a.x, a.y}, delta[2] = {b.x - a.x, b.y - a.y};
    const Scale* scales[2] = {&x, &y};
    for (int k = 0; k < 2; ++k) {
      const double lo = std::min(scales[k]->lo(), scales[k]->hi());
      const double hi = std::max(scales[k]->lo(), scales[k]->hi());
      if (delta[k] == 0) {
        if (start[k] < lo || start[k] > hi) return;
        continue;
      }
      const double ta = (lo - start[k]) / delta[k], tb = (hi - start[k]) / delta[k];
      t0 = std::max(t0, std::min(ta, tb));
      t1 = std::min(t1, std::max(ta, tb));
    }
    if (!(t0 <= t1)) return;
    const double ax = x(a.x + t0 * delta[0]), ay = y(a.y + t0 * delta[1]);
    const double bx = x(a.x + t1 * delta[0]), by = y(a.y + t1 * delta[1]);
    if (std::isnan(ax) || std::isnan(ay) || std::isnan(bx) || std::isnan(by)) return;
    PathData d;
    d.move_to(ax, ay);
    d.line_to(bx, by);
    svg.element("path", line_attrs(style, color, d.str()));
  };
  artists_.push_back(std::move(artist));
  if (!style.label.empty()) {
    legend_entries_.push_back(
        {LegendEntry::Kind::line, style.label, color, style.dashed, style.width});
  }
}

void Axes::axline(double w1, double w2, double b, const LineStyle& style) {
  if (w1 == 0 && w2 == 0) throw ValueError("axline: w1 and w2 are both 0, so there is no line");
  if (w2 != 0) return line({0, -b / w2}, {1, -(b + w1) / w2}, style);
  line({-b / w1, 0}, {-b / w1, 1}, style);
}

void Axes::axhline(double y, const LineStyle& style) {
  line({0, y}, {1, y}, style);
  artists_.back().ys = {y};  // a horizontal line belongs inside the y limits
  artists_.back().fits_limits = true;
}

void Axes::axvline(double x, const LineStyle& style) {
  line({x, 0}, {x, 1}, style);
  artists_.back().xs = {x};
  artists_.back().fits_limits = true;
}

void Axes::hlines(const Series& ys, const LineStyle& style) {
  LineStyle first = style;
  first.color = next_color(style.color);
  LineStyle rest = first;
  rest.label.clear();  // one legend entry for the whole set
  for (std::size_t i = 0; i < ys.values.size(); ++i) axhline(ys.values[i], i ? rest : first);
}

void Axes::vlines(const Series& xs, const LineStyle& style) {
  LineStyle first = style;
  first.color = next_color(style.color);
  LineStyle rest = first;
  rest.label.clear();
  for (std::size_t i = 0; i < xs.values.size(); ++i) axvline(xs.values[i], i ? rest : first);
}

void Axes::bar(const std::vector<std::string>& labels, const Series& values,
               const BarStyle& style) {
  const std::size_t n = values.values.size();
  if (labels.size() != n) {
    throw ValueError("bar: " + count_of(labels.size(), "label") + " for " + count_of(n, "value") +
                     "");
  }
  const std::string color = next_color(style.color);
  Artist artist{{-0.4, n - 0.6}, values.values};
  artist.ys.push_back(0);
  artist.draw = [v = values.values, style, color](Svg& svg, const Scale& x, const Scale& y) {
    for (std::size_t i = 0; i < v.size(); ++i) {
      const double left = x(i - 0.4), right = x(i + 0.4), top = y(v[i]);
      // On a log axis 0 cannot be shown: the bars then rise from the bottom of the frame.
      const double base = std::isnan(y(0)) ? y(std::min(y.lo(), y.hi())) : y(0);
      if (std::isnan(left) || std::isnan(right) || std::isnan(top)) continue;
      svg.element("rect", {{"x", left},
                           {"y", std::min(base, top)},
                           {"width", right - left},
                           {"height", std::abs(base - top)},
                           {"fill", color}});
      if (!style.annotate) continue;
      const double ty = v[i] >= 0 ? top - 4 : top + 13;
      svg.text((left + right) / 2, ty, format_number(v[i], 3),
               {{"text-anchor", "middle"}, {"font-size", "11"}, {"fill", "#333333"}});
    }
  };
  artists_.push_back(std::move(artist));
  y_.sticky.push_back(0);
  x_.categorical = true;
  x_.tick_values.clear();
  for (std::size_t i = 0; i < n; ++i) x_.tick_values.push_back(i);
  x_.tick_labels = labels;
  if (!style.label.empty())
    legend_entries_.push_back({LegendEntry::Kind::patch, style.label, color});
}

void Axes::text(double x, double y, const std::string& text, const TextStyle& style) {
  Artist artist;
  artist.fits_limits = artist.avoid = artist.clipped = false;
  artist.draw = [=](Svg& svg, const Scale& sx, const Scale& sy) {
    const double px = sx(x), py = sy(y);
    if (std::isnan(px) || std::isnan(py)) return;
    svg.text(px, py, text,
             {{"fill", style.color}, {"font-size", style.size}, {"text-anchor", style.anchor}});
  };
  artists_.push_back(std::move(artist));
}

void Axes::legend(const std::string& location) {
  static const std::vector<std::string> known = {"best", "upper right", "upper left", "lower left",
                                                 "lower right"};
  if (std::find(known.begin(), known.end(), location) == known.end()) {
    throw ValueError("legend: unknown location '" + location +
                     "'; the locations are best, upper right, upper left, lower left, lower right");
  }
  legend_ = location;
}

void Axes::xticks(const std::vector<double>& values, const std::vector<std::string>& labels) {
  if (!labels.empty() && labels.size() != values.size()) {
    throw ValueError("xticks: " + count_of(labels.size(), "label") + " for " +
                     std::to_string(values.size()) + " ticks");
  }
  x_.tick_values = values;
  x_.tick_labels = labels;
}

void Axes::yticks(const std::vector<double>& values, const std::vector<std::string>& labels) {
  if (!labels.empty() && labels.size() != values.size()) {
    throw ValueError("yticks: " + count_of(labels.size(), "label") + " for " +
                     std::to_string(values.size()) + " ticks");
  }
  y_.tick_values = values;
  y_.tick_labels = labels;
}

}  // namespace nn::plot

// Axes::decision_regions: what a classifier decides everywhere in a box, drawn under the data.
// The grid of decisions becomes one small PNG image stretched over the box (a few kilobytes,
// however fine the grid), and the 0.5 level of a probability grid can be traced as a contour
// by marching squares: the decision boundary.

#include <algorithm>
#include <cmath>

#include "lib/error.h"
#include "lib/plot/axes.h"
#include "lib/plot/palette.h"
#include "lib/plot/png.h"

namespace nn::plot {
namespace {

const Rgb kWhite{255, 255, 255};

// The light colour of class i in regions: its scatter colour, most of the way to white.
Rgb region_color(const RegionStyle& style, std::size_t i) {
  const std::string color = i < style.colors.size() ? style.colors[i] : palette_color(i);
  return mix(parse_color(color), kWhite, 0.62);
}

void check_extent(const Extent& e) {
  if (!(e.xmin < e.xmax) || !(e.ymin < e.ymax)) {
    throw ValueError("decision_regions: the extent must have xmin < xmax and ymin < ymax");
  }
}

// One segment of the 0.5 contour in a square of four grid values: a, b along the bottom,
// d, c along the top (counter-clockwise from the bottom left). Returns the segments' ends
// in the square's own coordinates [0, 1]².
std::vector<Point> contour_in_square(double a, double b, double c, double d) {
  const double level = 0.5;
  if (std::isnan(a) || std::isnan(b) || std::isnan(c) || std::isnan(d)) return {};
  auto cut = [level](double p, double q) { return (level - p) / (q - p); };
  const bool above[4] = {a >= level, b >= level, c >= level, d >= level};
  // Where the level crosses each edge: bottom, right, top, left (NaN if it does not).
  const double nan = std::nan("");
  const Point edge[4] = {above[0] != above[1] ? Point{cut(a, b), 0} : Point{nan, nan},
                         above[1] != above[2] ? Point{1, cut(b, c)} : Point{nan, nan},
                         above[3] != above[2] ? Point{cut(d, c), 1} : Point{nan, nan},
                         above[0] != above[3] ? Point{0, cut(a, d)} : Point{nan, nan}};
  std::vector<Point> crossings;
  for (const Point& p : edge) {
    if (!std::isnan(p.x)) crossings.push_back(p);
  }
  if (crossings.size() != 4) return crossings;  // 0 or 2 crossings: none or one segment
  // A saddle: the centre decides which corners are joined.
  const bool centre_above = (a + b + c + d) / 4 >= level;
  if (centre_above == above[0]) return {edge[0], edge[1], edge[2], edge[3]};
  return {edge[0], edge[3], edge[1], edge[2]};
}

}  // namespace

Extent padded_extent(const Tensor& X, double padding) {
  if (X.shape()[1] != 2)
    throw ShapeError("padded_extent: X must be (n, 2); got " + shape_string(X));
  if (X.shape()[0] == 0) return {};
  Extent e{X(0, 0), X(0, 0), X(0, 1), X(0, 1)};
  for (std::size_t i = 0; i < X.shape()[0]; ++i) {
    e.xmin = std::min<double>(e.xmin, X(i, 0)), e.xmax = std::max<double>(e.xmax, X(i, 0));
    e.ymin = std::min<double>(e.ymin, X(i, 1)), e.ymax = std::max<double>(e.ymax, X(i, 1));
  }
  const double dx = std::max(e.xmax - e.xmin, 1e-9), dy = std::max(e.ymax - e.ymin, 1e-9);
  return {e.xmin - padding * dx, e.xmax + padding * dx, e.ymin - padding * dy,
          e.ymax + padding * dy};
}

void Axes::decision_regions(const PredictFn& predict, const Extent& e, const RegionStyle& style) {
  check_extent(e);
  const int n = style.resolution;
  if (n < 2 || n > 2000) throw ValueError("decision_regions: resolution must be in [2, 2000]");
  // points: (n·n, 2), the centres of the cells, row by row from the bottom.
  Tensor points({static_cast<std::size_t>(n) * n, 2});
  for (int iy = 0; iy < n; ++iy) {
    for (int ix = 0; ix < n; ++ix) {
      points(iy * n + ix, 0) = static_cast<float>(e.xmin + (ix + 0.5) * (e.xmax - e.xmin) / n);
      points(iy * n + ix, 1) = static_cast<float>(e.ymin + (iy + 0.5) * (e.ymax - e.ymin) / n);
    }
  }
  const Tensor out = predict(points);  // (n·n, 1) probabilities or (n·n, k) scores
  if (out.shape()[0] != points.shape()[0] || out.shape()[1] == 0) {
    throw ShapeError("decision_regions: predict returned " + shape_string(out) + " for " +
                     shape_string(points) + " points; expected (" +
                     std::to_string(points.shape()[0]) + ", 1) or (" +
                     std::to_string(points.shape()[0]) + ", classes)");
  }
  const std::size_t classes = out.shape()[1];
  if (classes == 1) {
    Tensor probabilities({std::size_t(n), std::size_t(n)});
    for (int r = 0; r < n * n; ++r) probabilities(r / n, r % n) = out(r, 0);
    return decision_regions(probabilities, e, style);
  }
  xt::xtensor<int, 2> grid({std::size_t(n), std::size_t(n)});
  for (int r = 0; r < n * n; ++r) {
    std::size_t best = 0;
    for (std::size_t k = 1; k < classes; ++k) best = out(r, k) > out(r, best) ? k : best;
    grid(r / n, r % n) = static_cast<int>(best);
  }
  decision_regions(grid, e, style);
}

void Axes::decision_regions(const Tensor& probabilities, const Extent& e,
                            const RegionStyle& style) {
  check_extent(e);
  const std::size_t ny = probabilities.shape()[0], nx = probabilities.shape()[1];
  const Rgb zero = region_color(style, 0), one = region_color(style, 1);
  std::vector<std::uint8_t> rgb;  // the image's top row is the grid's last row (ymax)
  for (std::size_t r = 0; r < ny; ++r) {
    for (std::size_t c = 0; c < nx; ++c) {
      const double p = probabilities(ny - 1 - r, c);
      const double v = std::isnan(p) ? 0.5 : std::clamp(p, 0.0, 1.0);
      const Rgb color =
          v < 0.5 ? mix(kWhite, zero, 2 * (0.5 - v)) : mix(kWhite, one, 2 * (v - 0.5));
      rgb.insert(rgb.end(), {color.r, color.g, color.b});
    }
  }
  add_regions(std::move(rgb), nx, ny, &probabilities, e, style);
}

void Axes::decision_regions(const xt::xtensor<int, 2>& classes, const Extent& e,
                            const RegionStyle& style) {
  check_extent(e);
  const std::size_t ny = classes.shape()[0], nx = classes.shape()[1];
  std::vector<std::uint8_t> rgb;
  for (std::size_t r = 0; r < ny; ++r) {
    for (std::size_t c = 0; c < nx; ++c) {
      const int k = classes(ny - 1 - r, c);
      const Rgb color = k >= 0 ? region_color(style, k) : Rgb{230, 230, 230};
      rgb.insert(rgb.end(), {color.r, color.g, color.b});
    }
  }
  add_regions(std::move(rgb), nx, ny, nullptr, e, style);
}

void Axes::add_regions(std::vector<std::uint8_t> rgb, int nx, int ny, const Tensor* probabilities,
                       const Extent& e, const RegionStyle& style) {
  if (nx < 1 || ny < 1) throw ValueError("decision_regions: the grid is empty");
  const std::string href = style.filled ? png_data_uri(rgb, nx, ny) : "";
  // The contour, in data coordinates: grid values sit at the cells' centres.
  std::vector<Point> contour;
  const double dx = (e.xmax - e.xmin) / nx, dy = (e.ymax - e.ymin) / ny;
  for (int iy = 0; probabilities && style.contour && iy + 1 < ny; ++iy) {
    for (int ix = 0; ix + 1 < nx; ++ix) {
      const Tensor& p = *probabilities;
      for (Point q :
           contour_in_square(p(iy, ix), p(iy, ix + 1), p(iy + 1, ix + 1), p(iy + 1, ix))) {
        contour.push_back({e.xmin + (ix + 0.5 + q.x) * dx, e.ymin + (iy + 0.5 + q.y) * dy});
      }
    }
  }
  Artist artist{{e.xmin, e.xmax}, {e.ymin, e.ymax}};
  artist.avoid = false;
  artist.layer = 0;
  artist.draw = [href, contour, e, style](Svg& svg, const Scale& x, const Scale& y) {
    const double left = x(e.xmin), right = x(e.xmax), top = y(e.ymax), bottom = y(e.ymin);
    if (std::isnan(left) || std::isnan(right) || std::isnan(top) || std::isnan(bottom)) return;
    if (!href.empty()) {
      svg.element("image", {{"x", left},
                            {"y", top},
                            {"width", right - left},
                            {"height", bottom - top},
                            {"preserveAspectRatio", "none"},
                            {"href", href}});
    }
    PathData d;
    for (std::size_t i = 0; i + 1 < contour.size(); i += 2) {
      d.move_to(x(contour[i].x), y(contour[i].y));
      d.line_to(x(contour[i + 1].x), y(contour[i + 1].y));
    }
    if (d.empty()) return;
    svg.element("path", {{"d", d.str()},
                         {"fill", "none"},
                         {"stroke", style.contour_color},
                         {"stroke-width", 1.6},
                         {"stroke-linecap", "round"}});
  };
  artists_.push_back(std::move(artist));
  x_.sticky.insert(x_.sticky.end(), {e.xmin, e.xmax});
  y_.sticky.insert(y_.sticky.end(), {e.ymin, e.ymax});
  default_grid_ = false;
}

}  // namespace nn::plot

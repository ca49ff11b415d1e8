// Axes::render: the layout of one plot. The limits come from the data (with a 5% margin that
// stops at "sticky" edges such as a bar's zero or a region's border), the ticks from the
// limits, the margins from the sizes of the tick labels; then grid, data, frame, ticks,
// labels, title and legend are drawn in that order.

#include <algorithm>
#include <cmath>

#include "lib/error.h"
#include "lib/plot/axes.h"
#include "lib/plot/format.h"
#include "lib/plot/ticks.h"

namespace nn::plot {
namespace {

constexpr double kTickFont = 11, kLabelFont = 12.5, kTitleFont = 14, kTickLength = 5;

// The ticks of one axis: chosen ones if there are, else nice or powers-of-ten ones.
Ticks ticks_for(const std::vector<double>& values, const std::vector<std::string>& labels,
                ScaleType type, double lo, double hi, int max_ticks) {
  if (lo > hi) std::swap(lo, hi);
  if (values.empty()) {
    return type == ScaleType::log ? log_ticks(lo, hi, max_ticks) : linear_ticks(lo, hi, max_ticks);
  }
  Ticks ticks;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (values[i] < lo - 1e-9 * (hi - lo) || values[i] > hi + 1e-9 * (hi - lo)) continue;
    ticks.values.push_back(values[i]);
    ticks.labels.push_back(labels.empty() ? format_number(values[i]) : labels[i]);
  }
  return ticks;
}

double widest(const std::vector<std::string>& labels, double font_size) {
  double width = 0;
  for (const std::string& label : labels) width = std::max(width, text_width(label, font_size));
  return width;
}

}  // namespace

std::pair<double, double> Axes::fit_limits(const Axis& axis, bool is_x) const {
  const bool log = axis.scale == ScaleType::log;
  if (axis.limits) {
    auto [lo, hi] = *axis.limits;
    if (!(lo != hi) || !std::isfinite(lo) || !std::isfinite(hi)) {
      throw ValueError("axis limits must be two different finite numbers; got " +
                       format_number(lo) + " and " + format_number(hi));
    }
    if (log && (lo <= 0 || hi <= 0)) {
      throw ValueError("the limits of a log axis must be positive; got " + format_number(lo) +
                       " and " + format_number(hi));
    }
    return *axis.limits;
  }
  // Work in the axis's own space: log10 of the values on a log axis.
  auto forward = [log](double v) { return log ? std::log10(v) : v; };
  auto back = [log](double v) { return log ? std::pow(10.0, v) : v; };
  double lo = INFINITY, hi = -INFINITY;
  for (const Artist& artist : artists_) {
    if (!artist.fits_limits) continue;
    for (double v : is_x ? artist.xs : artist.ys) {
      if (std::isfinite(v) && (!log || v > 0)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
  }
  if (lo > hi) return log ? std::pair{1.0, 10.0} : std::pair{0.0, 1.0};  // no data
  double a = forward(lo), b = forward(hi);
  if (a == b) {  // one value: widen around it
    const double half = log ? 0.5 : (a == 0 ? 1 : std::abs(a) * 0.1);
    a -= half, b += half;
  }
  const double margin = 0.05 * (b - a);
  double low = a - margin, high = b + margin;
  for (double s : axis.sticky) {
    if (log && s <= 0) continue;
    const double f = forward(s);
    if (low < f && f <= a) low = f;
    if (high > f && f >= b) high = f;
  }
  return {back(low), back(high)};
}

void Axes::render(Svg& svg, double left, double top, double width, double height,
                  const std::string& id) const {
  auto [x0, x1] = fit_limits(x_, true);
  auto [y0, y1] = fit_limits(y_, false);
  if (y_inverted_ && !y_.limits) std::swap(y0, y1);

  // Tick counts follow the room there is: about one label per 80 px across, 40 px up.
  const int max_x = std::clamp(static_cast<int>((width - 90) / 80) + 1, 3, 9);
  const int max_y = std::clamp(static_cast<int>((height - 70) / 40) + 1, 3, 9);
  const Ticks xt = ticks_for(x_.tick_values, x_.tick_labels, x_.scale, x0, x1, max_x);
  const Ticks yt = ticks_for(y_.tick_values, y_.tick_labels, y_.scale, y0, y1, max_y);

  // Margins: room for tick labels, axis labels and the title.
  const double ylabel_room = y_.label.empty() ? 0 : kLabelFont + 8;
  const double margin_left = 8 + ylabel_room + widest(yt.labels, kTickFont) + kTickLength + 5;
  const double last_x = xt.labels.empty() ? 0 : text_width(xt.labels.back(), kTickFont);
  const double margin_right = std::max(16.0, last_x / 2 + 6);
  const double margin_top = title_.empty() ? 12 : kTitleFont + 18;
  const double plot_width = width - margin_left - margin_right;
  const double x_label_width = widest(xt.labels, kTickFont);
  const bool rotate = xt.values.size() > 1 && x_label_width + 8 > plot_width / xt.values.size();
  const double xtick_room = rotate ? x_label_width * 0.64 + kTickFont : kTickFont;
  const double margin_bottom =
      kTickLength + 5 + xtick_room + (x_.label.empty() ? 0 : kLabelFont + 10) + 8;
  // The frame, on whole pixels so its 1 px lines stay sharp.
  const double px0 = std::round(left + margin_left), py0 = std::round(top + margin_top);
  const double px1 = std::round(left + width - margin_right);
  const double py1 = std::round(top + height - margin_bottom);
  const Scale x(x_.scale, x0, x1, px0, px1);
  const Scale y(y_.scale, y0, y1, py1, py0);

  svg.open("defs");
  svg.open("clipPath", {{"id", id}});
  svg.element("rect", {{"x", px0}, {"y", py0}, {"width", px1 - px0}, {"height", py1 - py0}});
  svg.close();
  svg.close();

  if (grid_.value_or(default_grid_)) {  // light lines at every tick, under the data
    PathData lines;
    for (double v : x_.categorical ? std::vector<double>{} : xt.values) {
      lines.move_to(x(v), py0), lines.line_to(x(v), py1);
    }
    for (double v : y_.categorical ? std::vector<double>{} : yt.values) {
      lines.move_to(px0, y(v)), lines.line_to(px1, y(v));
    }
    if (!lines.empty()) {
      svg.element("path", {{"d", lines.str()},
                           {"stroke", "#e3e3e3"},
                           {"stroke-width", 1},
                           {"shape-rendering", "crispEdges"}});
    }
  }

  // The data, regions and heat maps first, clipped to the frame.
  svg.open("g", {{"clip-path", "url(#" + id + ")"}});
  for (int layer : {0, 1}) {
    for (const Artist& artist : artists_) {
      if (artist.clipped && artist.layer == layer) artist.draw(svg, x, y);
    }
  }
  svg.close();

  // Frame and ticks.
  PathData ticks;
  for (double v : xt.values) ticks.move_to(x(v), py1), ticks.line_to(x(v), py1 + kTickLength);
  for (double v : yt.values) ticks.move_to(px0, y(v)), ticks.line_to(px0 - kTickLength, y(v));
  for (double v : xt.minor) ticks.move_to(x(v), py1), ticks.line_to(x(v), py1 + 3);
  for (double v : yt.minor) ticks.move_to(px0, y(v)), ticks.line_to(px0 - 3, y(v));
  svg.open("g", {{"stroke", "#4d4d4d"}, {"stroke-width", 1}, {"shape-rendering", "crispEdges"}});
  svg.element(
      "rect",
      {{"x", px0}, {"y", py0}, {"width", px1 - px0}, {"height", py1 - py0}, {"fill", "none"}});
  if (!ticks.empty()) svg.element("path", {{"d", ticks.str()}});
  svg.close();

  // Tick labels.
  svg.open("g", {{"fill", "#333333"}, {"font-size", kTickFont}});
  const double label_y = py1 + kTickLength + 4 + kTickFont * 0.8;
  for (std::size_t i = 0; i < xt.values.size(); ++i) {
    const double px = x(xt.values[i]);
    if (rotate) {
      svg.text(px + 3, label_y - 2, xt.labels[i],
               {{"text-anchor", "end"},
                {"transform",
                 "rotate(-40 " + format_coord(px + 3) + " " + format_coord(label_y - 2) + ")"}});
    } else {
      svg.text(px, label_y, xt.labels[i], {{"text-anchor", "middle"}});
    }
  }
  for (std::size_t i = 0; i < yt.values.size(); ++i) {
    svg.text(px0 - kTickLength - 4, y(yt.values[i]) + kTickFont * 0.35, yt.labels[i],
             {{"text-anchor", "end"}});
  }
  svg.close();

  // Axis labels and title.
  if (!x_.label.empty()) {
    svg.text((px0 + px1) / 2, py1 + kTickLength + 5 + xtick_room + 6 + kLabelFont * 0.8, x_.label,
             {{"text-anchor", "middle"}, {"font-size", kLabelFont}, {"fill", "#222222"}});
  }
  if (!y_.label.empty()) {
    const double lx = left + 8 + kLabelFont * 0.8, ly = (py0 + py1) / 2;
    svg.text(lx, ly, y_.label,
             {{"text-anchor", "middle"},
              {"font-size", kLabelFont},
              {"fill", "#222222"},
              {"transform", "rotate(-90 " + format_coord(lx) + " " + format_coord(ly) + ")"}});
  }
  if (!title_.empty()) {
    svg.text((px0 + px1) / 2, py0 - 10, title_,
             {{"text-anchor", "middle"},
              {"font-size", kTitleFont},
              {"font-weight", "bold"},
              {"fill", "#222222"}});
  }
  for (const Artist& artist : artists_) {
    if (!artist.clipped) artist.draw(svg, x, y);
  }
  if (legend_ && !legend_entries_.empty()) draw_legend(svg, x, y);
}

}  // namespace nn::plot

// Axes::draw_legend: a box listing the labelled series, each with a sample of how it is drawn.
// "best" tries the four corners and takes the one that covers the fewest data points and
// line segments, preferring upper right, upper left, lower left, lower right in that order.

#include <algorithm>
#include <cmath>

#include "lib/plot/axes.h"
#include "lib/plot/format.h"
#include "lib/plot/marker.h"

namespace nn::plot {
namespace {

constexpr double kFont = 11.5, kRow = 18, kSwatch = 24, kPad = 8, kInset = 8;

struct Box {
  double x0, y0, x1, y1;
  bool contains(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
  // Whether the segment from (ax, ay) to (bx, by) passes through the box (Liang–Barsky).
  bool crossed_by(double ax, double ay, double bx, double by) const {
    double t0 = 0, t1 = 1;
    const double d[2] = {bx - ax, by - ay}, p[2] = {ax, ay}, lo[2] = {x0, y0}, hi[2] = {x1, y1};
    for (int k = 0; k < 2; ++k) {
      if (d[k] == 0) {
        if (p[k] < lo[k] || p[k] > hi[k]) return false;
        continue;
      }
      const double ta = (lo[k] - p[k]) / d[k], tb = (hi[k] - p[k]) / d[k];
      t0 = std::max(t0, std::min(ta, tb)), t1 = std::min(t1, std::max(ta, tb));
    }
    return t0 <= t1;
  }
};

}  // namespace

void Axes::draw_legend(Svg& svg, const Scale& x, const Scale& y) const {
  double text = 0;
  for (const LegendEntry& entry : legend_entries_) {
    text = std::max(text, text_width(entry.label, kFont));
  }
  const double w = kPad + kSwatch + 6 + text + kPad, h = 6 + kRow * legend_entries_.size() + 4;
  const double left = std::min(x(x.lo()), x(x.hi())), right = std::max(x(x.lo()), x(x.hi()));
  const double top = std::min(y(y.lo()), y(y.hi())), bottom = std::max(y(y.lo()), y(y.hi()));
  const std::vector<std::pair<std::string, Box>> corners = {
      {"upper right", {right - kInset - w, top + kInset, right - kInset, top + kInset + h}},
      {"upper left", {left + kInset, top + kInset, left + kInset + w, top + kInset + h}},
      {"lower left", {left + kInset, bottom - kInset - h, left + kInset + w, bottom - kInset}},
      {"lower right", {right - kInset - w, bottom - kInset - h, right - kInset, bottom - kInset}}};

  Box box = corners[0].second;
  long fewest = -1;
  for (const auto& [name, candidate] : corners) {
    if (*legend_ != "best" && *legend_ != name) continue;
    long covered = 0;  // how much data this corner would hide
    for (const Artist& artist : artists_) {
      if (!artist.avoid) continue;
      double last_x = NAN, last_y = NAN;
      for (std::size_t i = 0; i < artist.xs.size() && i < artist.ys.size(); ++i) {
        const double px = x(artist.xs[i]), py = y(artist.ys[i]);
        if (std::isnan(px) || std::isnan(py)) {
          last_x = NAN;
          continue;
        }
        if (candidate.contains(px, py)) {
          ++covered;
        } else if (artist.connected && !std::isnan(last_x) &&
                   candidate.crossed_by(last_x, last_y, px, py)) {
          ++covered;
        }
        last_x = px, last_y = py;
      }
    }
    if (fewest < 0 || covered < fewest) fewest = covered, box = candidate;
  }

  svg.open("g", {{"font-size", kFont}});
  svg.element("rect", {{"x", box.x0},
                       {"y", box.y0},
                       {"width", w},
                       {"height", h},
                       {"rx", 3},
                       {"fill", "#ffffff"},
                       {"fill-opacity", 0.88},
                       {"stroke", "#cccccc"}});
  for (std::size_t i = 0; i < legend_entries_.size(); ++i) {
    const LegendEntry& entry = legend_entries_[i];
    const double row = box.y0 + 6 + kRow * (i + 0.5), sx = box.x0 + kPad;
    if (entry.kind == LegendEntry::Kind::line) {
      std::vector<Attr> attrs = {{"d", "M" + format_coord(sx) + " " + format_coord(row) + "H" +
                                           format_coord(sx + kSwatch)},
                                 {"stroke", entry.color},
                                 {"stroke-width", entry.width}};
      if (entry.dashed) attrs.push_back({"stroke-dasharray", "7 4"});
      svg.element("path", attrs);
    } else if (entry.kind == LegendEntry::Kind::marker) {
      svg.open("g", marker_style(entry.marker, entry.color));
      draw_marker(svg, entry.marker, sx + kSwatch / 2, row, std::min(entry.width, 5.0));
      svg.close();
    } else {
      svg.element("rect", {{"x", sx + kSwatch / 2 - 7},
                           {"y", row - 5},
                           {"width", 14},
                           {"height", 10},
                           {"fill", entry.color}});
    }
    svg.text(sx + kSwatch + 6, row + kFont * 0.35, entry.label, {{"fill", "#222222"}});
  }
  svg.close();
}

}  // namespace nn::plot

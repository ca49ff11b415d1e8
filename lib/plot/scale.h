#pragma once
// How an axis maps data values to pixels: linearly, or linearly in log10 of the value.

#include <string>

namespace nn::plot {

/// The kind of an axis: linear, or logarithmic (powers of ten equally spaced).
enum class ScaleType { linear, log };

/// Parses "linear" or "log"; throws nn::ValueError naming the two for anything else.
ScaleType parse_scale(const std::string& name);

/// One axis's map from data to pixels: [lo, hi] onto [p0, p1]. For a y axis p0 is the bottom
/// pixel and p1 the top one (SVG's y grows downwards); lo > hi flips an axis.
class Scale {
 public:
  /// A map of [lo, hi] onto [p0, p1]; a log scale needs 0 < lo and 0 < hi.
  Scale(ScaleType type, double lo, double hi, double p0, double p1);
  /// The pixel of `value`; NaN when it cannot be shown (not finite, or <= 0 on a log scale).
  double operator()(double value) const;
  /// True if `value` lies within the axis limits (either order).
  bool contains(double value) const;
  /// The linear or log kind of this scale.
  ScaleType type() const { return type_; }
  /// The data value at p0.
  double lo() const { return lo_; }
  /// The data value at p1.
  double hi() const { return hi_; }

 private:
  double transform(double value) const;
  ScaleType type_;
  double lo_, hi_, p0_, p1_;
};

}  // namespace nn::plot

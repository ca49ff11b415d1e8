#include "lib/plot/scale.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "lib/error.h"

namespace nn::plot {

ScaleType parse_scale(const std::string& name) {
  if (name == "linear") return ScaleType::linear;
  if (name == "log") return ScaleType::log;
  throw ValueError("unknown scale '" + name + "': the scales are \"linear\" and \"log\"");
}

Scale::Scale(ScaleType type, double lo, double hi, double p0, double p1)
    : type_(type), lo_(lo), hi_(hi), p0_(p0), p1_(p1) {}

double Scale::transform(double value) const {
  if (type_ == ScaleType::log) return value > 0 ? std::log10(value) : std::nan("");
  return value;
}

double Scale::operator()(double value) const {
  if (!std::isfinite(value)) return std::numeric_limits<double>::quiet_NaN();
  const double t = (transform(value) - transform(lo_)) / (transform(hi_) - transform(lo_));
  return p0_ + t * (p1_ - p0_);
}

bool Scale::contains(double value) const {
  return value >= std::min(lo_, hi_) && value <= std::max(lo_, hi_);
}

}  // namespace nn::plot

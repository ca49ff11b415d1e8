#include "lib/plot/ticks.h"

#include <cassert>
#include <cmath>
#include <cstdio>

#include "lib/plot/format.h"

namespace nn::plot {
namespace {

// How many multiples of `step` lie in [lo, hi] (with a little slack for rounding).
long count_multiples(double lo, double hi, double step) {
  return static_cast<long>(std::floor(hi / step + 1e-9) - std::ceil(lo / step - 1e-9)) + 1;
}

// The decimals a step needs: 0.2 -> 1, 0.25 -> 2, 5 -> 0.
int decimals_of(double step) {
  for (int d = 0; d < 12; ++d) {
    const double scaled = step * std::pow(10.0, d);
    if (std::abs(scaled - std::round(scaled)) < 1e-6 * scaled) return d;
  }
  return 12;
}

}  // namespace

double nice_step(double lo, double hi, int max_ticks) {
  assert(lo < hi && max_ticks >= 2);
  double magnitude = std::pow(10.0, std::floor(std::log10((hi - lo) / max_ticks)));
  for (;; magnitude *= 10) {
    for (double multiple : {1.0, 2.0, 5.0}) {
      if (count_multiples(lo, hi, multiple * magnitude) <= max_ticks) return multiple * magnitude;
    }
  }
}

Ticks linear_ticks(double lo, double hi, int max_ticks) {
  Ticks ticks;
  const double step = nice_step(lo, hi, max_ticks);
  const double scale = std::pow(10.0, decimals_of(step));
  for (double k = std::ceil(lo / step - 1e-9); k <= std::floor(hi / step + 1e-9); ++k) {
    // Round k·step to the step's decimals so that 3 × 0.2 is 0.6, not 0.6000000000000001.
    double value = scale < 1e12 ? std::round(k * step * scale) / scale : k * step;
    if (value == 0) value = 0;  // no -0
    ticks.values.push_back(value);
    ticks.labels.push_back(format_tick(value, step));
  }
  return ticks;
}

Ticks log_ticks(double lo, double hi, int max_ticks) {
  assert(0 < lo && lo < hi);
  const int first = static_cast<int>(std::ceil(std::log10(lo) - 1e-9));
  const int last = static_cast<int>(std::floor(std::log10(hi) + 1e-9));
  Ticks ticks;
  if (last - first < 1) {  // less than two powers of ten inside: 1-2-5 ticks
    for (int e = first - 1; e <= last; ++e) {
      for (double multiple : {1.0, 2.0, 5.0}) {
        const double value = multiple * std::pow(10.0, e);
        if (value < lo * (1 - 1e-9) || value > hi * (1 + 1e-9)) continue;
        ticks.values.push_back(value);
        ticks.labels.push_back(format_number(value, 3));
      }
    }
    if (ticks.values.size() < 2) return linear_ticks(lo, hi, max_ticks);
    return ticks;
  }
  int every = 1;  // label every decade, or every second, third, ...
  while ((last - first) / every + 1 > max_ticks) ++every;
  for (int e = first - 1; e <= last; ++e) {
    if (e >= first && ((e % every) + every) % every == 0) {
      ticks.values.push_back(std::pow(10.0, e));
      ticks.labels.push_back(power_of_ten(e));
    } else if (e >= first) {
      ticks.minor.push_back(std::pow(10.0, e));
    }
    for (int m = 2; every == 1 && m <= 9; ++m) {
      const double value = m * std::pow(10.0, e);
      if (value >= lo && value <= hi) ticks.minor.push_back(value);
    }
  }
  return ticks;
}

std::string format_tick(double value, double step) {
  if (std::abs(value) < std::abs(step) * 1e-6) return "0";
  if (std::abs(step) < 1e-4 || std::abs(value) >= 1e6) return format_number(value, 6);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals_of(std::abs(step)), value);
  std::string text = buffer;  // "1.0" -> "1", "0.50" -> "0.5": the label shows the value
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
  }
  return text;
}

std::string power_of_ten(int exponent) {
  static const char* const digits[] = {"⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"};
  std::string text = "10";
  if (exponent < 0) text += "⁻";
  for (char c : std::to_string(std::abs(exponent))) text += digits[c - '0'];
  return text;
}

}  // namespace nn::plot

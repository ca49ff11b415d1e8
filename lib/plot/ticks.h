#pragma once
// Where the ticks of an axis go and what they say. A linear axis gets "nice" ticks, multiples
// of 1, 2 or 5 times a power of ten, labelled with just the decimals that step needs; a log
// axis gets the powers of ten, labelled 10⁻⁵ ... 10¹, with unlabelled minor ticks between.

#include <string>
#include <vector>

namespace nn::plot {

/// The ticks of one axis: labelled major ticks and unlabelled minor ones.
struct Ticks {
  /// Positions of the major ticks, in data units, increasing.
  std::vector<double> values;
  /// One label per major tick.
  std::vector<std::string> labels;
  /// Positions of the minor ticks (log axes), in data units.
  std::vector<double> minor;
};

/// The smallest step of 1, 2 or 5 times a power of ten that puts at most `max_ticks` ticks
/// in [lo, hi]. Requires lo < hi and max_ticks >= 2.
double nice_step(double lo, double hi, int max_ticks = 7);

/// Ticks of a linear axis over [lo, hi]: the multiples of nice_step() inside it. For [0, 1]:
/// 0, 0.2, 0.4, 0.6, 0.8, 1.
Ticks linear_ticks(double lo, double hi, int max_ticks = 7);

/// Ticks of a log axis over [lo, hi] (0 < lo < hi): powers of ten labelled "10⁻⁵" (every
/// second or third one when there are many) with minor ticks at 2..9 times them; an axis that
/// spans less than a decade gets 1-2-5 ticks instead.
Ticks log_ticks(double lo, double hi, int max_ticks = 8);

/// The label of a linear tick: at most the decimals that `step` needs, without trailing
/// zeros ("0.2", "1", "15"), and short scientific notation for very small steps or very
/// large values ("2e-5", "1.5e6").
std::string format_tick(double value, double step);

/// Ten to a power with superscript digits: power_of_ten(-5) is "10⁻⁵".
std::string power_of_ten(int exponent);

}  // namespace nn::plot

#pragma once
// Numbers as text, compactly and always the same way: 0.1 + 0.2 prints as "0.3", 1e-05 as
// "1e-5". Every number in a figure goes through these functions, so the same data gives the
// same bytes.

#include <string>

namespace nn::plot {

/// A number with at most `significant` significant digits, no trailing zeros and a short
/// exponent: "0.3", "-2", "1e-5", "1.5e6", "nan", "inf".
std::string format_number(double value, int significant = 6);

/// A coordinate in an SVG file: at most two decimals, no trailing zeros ("12.5", "-3", "0").
std::string format_coord(double value);

}  // namespace nn::plot

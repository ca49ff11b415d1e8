#pragma once
// The book's colours. Series and classes take the Okabe–Ito palette, which stays
// distinguishable for readers with the common colour-vision deficiencies; heat maps take a
// sequential blue ramp; decision regions take light versions of the classes' colours.

#include <cstddef>
#include <cstdint>
#include <string>

namespace nn::plot {

/// A colour as 8-bit red, green and blue.
struct Rgb {
  /// Red, 0-255.
  std::uint8_t r = 0;
  /// Green, 0-255.
  std::uint8_t g = 0;
  /// Blue, 0-255.
  std::uint8_t b = 0;
};

/// Parses "#rrggbb" or "#rgb" (what every colour in this library is written as); throws
/// nn::ValueError for anything else.
Rgb parse_color(const std::string& text);

/// The colour as "#rrggbb".
std::string to_hex(Rgb color);

/// The colour a fraction `t` of the way from `a` to `b` (t = 0 gives a, 1 gives b).
Rgb mix(Rgb a, Rgb b, double t);

/// Relative luminance in [0, 1] (0 black, 1 white), to pick dark or light text on a fill.
double luminance(Rgb color);

/// The i-th colour for series and classes: Okabe–Ito blue, vermillion, bluish green, orange,
/// reddish purple, sky blue, black, yellow, then grey and wine; it cycles after ten.
std::string palette_color(std::size_t i);

/// The heat-map colour for t in [0, 1]: from near white (0) to deep blue (1).
Rgb sequential_color(double t);

}  // namespace nn::plot

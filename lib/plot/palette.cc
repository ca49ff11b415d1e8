#include "lib/plot/palette.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

#include "lib/error.h"

namespace nn::plot {

Rgb parse_color(const std::string& text) {
  const bool hex = std::all_of(text.begin() + (text.empty() ? 0 : 1), text.end(),
                               [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
  if (text.empty() || text[0] != '#' || !hex || (text.size() != 7 && text.size() != 4)) {
    throw ValueError("unknown colour '" + text + "': write colours as \"#rrggbb\" or \"#rgb\"");
  }
  auto channel = [&](std::size_t i) {
    if (text.size() == 4)
      return static_cast<std::uint8_t>(17 * std::stoi(text.substr(1 + i, 1), nullptr, 16));
    return static_cast<std::uint8_t>(std::stoi(text.substr(1 + 2 * i, 2), nullptr, 16));
  };
  return {channel(0), channel(1), channel(2)};
}

std::string to_hex(Rgb color) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", color.r, color.g, color.b);
  return buffer;
}

Rgb mix(Rgb a, Rgb b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  auto lerp = [t](std::uint8_t x, std::uint8_t y) {
    return static_cast<std::uint8_t>(std::lround(x + (y - x) * t));
  };
  return {lerp(a.r, b.r), lerp(a.g, b.g), lerp(a.b, b.b)};
}

double luminance(Rgb color) {
  auto linear = [](std::uint8_t v) {
    const double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b);
}

std::string palette_color(std::size_t i) {
  static const char* const colors[] = {"#0072b2", "#d55e00", "#009e73", "#e69f00", "#cc79a7",
                                       "#56b4e9", "#000000", "#f0e442", "#999999", "#882255"};
  return colors[i % (sizeof colors / sizeof colors[0])];
}

Rgb sequential_color(double t) {
  // Three anchors, mixed piecewise: paper white, a middle blue, a deep navy.
  const Rgb light{247, 251, 255}, middle{107, 170, 214}, dark{8, 52, 112};
  t = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.0;
  return t < 0.5 ? mix(light, middle, 2 * t) : mix(middle, dark, 2 * t - 1);
}

}  // namespace nn::plot

#include "lib/plot/format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

namespace nn::plot {

std::string format_number(double value, int significant) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (value == 0) return "0";  // also -0
  char buffer[64];
  // %g already drops trailing zeros; only its exponent needs tidying ("1e-05" -> "1e-5").
  std::snprintf(buffer, sizeof buffer, "%.*g", std::clamp(significant, 1, 17), value);
  std::string text = buffer;
  const std::size_t e = text.find('e');
  if (e == std::string::npos) return text;
  return text.substr(0, e) + "e" + std::to_string(std::stoi(text.substr(e + 1)));
}

std::string format_coord(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.2f", value);
  std::string text = buffer;
  if (text.find('.') != std::string::npos) {
    text.erase(text.find_last_not_of('0') + 1);
    if (text.back() == '.') text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

}  // namespace nn::plot

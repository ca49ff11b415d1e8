#include "lib/text.h"

#include <cstdio>
#include <cstdlib>

namespace nn {

std::string count_of(std::size_t n, const std::string& noun, const std::string& plural) {
  const std::string many = plural.empty() ? noun + "s" : plural;
  return std::to_string(n) + " " + (n == 1 ? noun : many);
}

std::string number_text(double value) {
  // The fewest significant digits (up to 17, enough for any double) that read back exactly.
  char text[32];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, value);
    if (std::strtod(text, nullptr) == value) break;
  }
  return text;
}

}  // namespace nn

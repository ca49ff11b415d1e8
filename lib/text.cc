#include "lib/text.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <version>

namespace nn {

std::string count_of(std::size_t n, const std::string& noun, const std::string& plural) {
  const std::string many = plural.empty() ? noun + "s" : plural;
  return std::to_string(n) + " " + (n == 1 ? noun : many);
}

std::string shortest_decimal(double value) {
#if defined(__cpp_lib_to_chars)
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  if (error == std::errc()) return std::string(buffer, end);
#endif
  // Emscripten's libc++ (the Playground's build) has no to_chars for doubles: the fewest
  // significant digits, up to the 17 any double needs, that read back exactly.
  char text[32];
  for (int digits = 1; digits <= 17; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, value);
    if (std::strtod(text, nullptr) == value) break;
  }
  return text;
}

}  // namespace nn

#include "lib/text.h"

#include <charconv>

namespace nn {

std::string count_of(std::size_t n, const std::string& noun, const std::string& plural) {
  const std::string many = plural.empty() ? noun + "s" : plural;
  return std::to_string(n) + " " + (n == 1 ? noun : many);
}

std::string shortest_decimal(double value) {
  char buffer[64];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return error == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

}  // namespace nn

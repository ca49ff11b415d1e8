#pragma once
// Numbers and counts in error messages, as a person would write them: "1 column" and
// "3 columns", a label 5 rather than 5.000000.

#include <cstddef>
#include <string>

namespace nn {

/// "1 column", "0 columns", "3 columns": n and the noun, plural unless n is 1. `plural` is
/// for nouns that do not just take an s ("1 batch", "2 batches").
std::string count_of(std::size_t n, const std::string& noun, const std::string& plural = "");

/// The fewest digits that read back as the same double: "5", "0.1", "1e-05", "nan" (for
/// messages, and for CSVLogger's columns).
std::string shortest_decimal(double value);

}  // namespace nn

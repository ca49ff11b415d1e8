#pragma once
// The table of Model::summary(), laid out as Keras 2 (2.11 to 2.15) prints it: columns at
// fixed positions, each cell cut to fit (and continued on the next line), a blank line after
// every layer, and the parameter counts with thousands separators.

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace nn {

/// The texts of one row, one per column.
using SummaryRow = std::vector<std::string>;

/// Prints the summary of model `name`: `header` and `rows` in columns ending at `positions`
/// (fractions of line_length, or absolute if the last is > 1), then the parameter totals.
/// Sequential-like models use 65 characters and {0.45, 0.85, 1.0}; graphs with a
/// "Connected to" column 98 and {0.33, 0.55, 0.67, 1.0}.
void print_summary(std::ostream& out, const std::string& name, const SummaryRow& header,
                   const std::vector<SummaryRow>& rows, int line_length,
                   const std::vector<double>& positions, std::size_t trainable,
                   std::size_t non_trainable);

/// "266,610": an integer with thousands separators.
std::string thousands(std::size_t n);

}  // namespace nn

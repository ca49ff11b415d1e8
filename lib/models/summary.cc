#include "lib/models/summary.h"

#include <algorithm>

namespace nn {
namespace {

// One row, wrapped over as many lines as its longest cell needs.
void print_row(std::ostream& out, SummaryRow fields, const std::vector<int>& positions) {
  const auto pending = [&] {
    return std::any_of(fields.begin(), fields.end(), [](const auto& f) { return !f.empty(); });
  };
  while (pending()) {
    std::string line;
    for (std::size_t col = 0; col < fields.size(); ++col) {
      const int start = col > 0 ? positions[col - 1] : 0;
      const int space = col + 1 < positions.size() ? 2 : 0;  // two spaces between columns
      std::size_t cutoff = static_cast<std::size_t>(std::max(0, positions[col] - start - space));
      std::string fit = fields[col].substr(0, cutoff);
      // A long list breaks after the end of an item: "), " "}, " "], " "', ".
      std::size_t best = std::string::npos;
      for (const char* end : {"),", "},", "],", "',"}) {
        const std::size_t at = fit.find(end);
        if (at != std::string::npos) best = std::min(best, at + 2);
      }
      if (best != std::string::npos) {
        cutoff = best;
        fit = fit.substr(0, cutoff);
      }
      if (col == 0) line += ' ';
      line += fit + std::string(space, ' ');
      fields[col] = cutoff < fields[col].size() ? fields[col].substr(cutoff) : "";
      const int pad = positions[col] - static_cast<int>(line.size());
      if (pad > 0) line += std::string(pad, ' ');
    }
    out << line << '\n';
  }
}

}  // namespace

std::string thousands(std::size_t n) {
  std::string digits = std::to_string(n), text;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
    text += digits[i];
  }
  return text;
}

void print_summary(std::ostream& out, const std::string& name, const SummaryRow& header,
                   const std::vector<SummaryRow>& rows, int line_length,
                   const std::vector<double>& positions, std::size_t trainable,
                   std::size_t non_trainable) {
  std::vector<int> at;
  for (double p : positions) {
    at.push_back(positions.back() <= 1.0 ? static_cast<int>(line_length * p) : static_cast<int>(p));
  }
  out << "Model: \"" << name << "\"\n";
  out << std::string(line_length, '_') << '\n';
  print_row(out, header, at);
  out << std::string(line_length, '=') << '\n';
  for (const SummaryRow& row : rows) {
    print_row(out, row, at);
    out << std::string(line_length, ' ') << '\n';
  }
  out << std::string(line_length, '=') << '\n';
  out << "Total params: " << thousands(trainable + non_trainable) << '\n';
  out << "Trainable params: " << thousands(trainable) << '\n';
  out << "Non-trainable params: " << thousands(non_trainable) << '\n';
  out << std::string(line_length, '_') << '\n';
}

}  // namespace nn

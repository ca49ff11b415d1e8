#pragma once
// The command line every chapter program shares: --quick, --out DIR, --seed N, --help,
// plus the chapter's own options (--data-dir, --jobs, ...), as `--name VALUE` or `--name=VALUE`.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace nn::chapter {

/// A chapter-specific option: `--name VALUE`, with a default and a line of help.
struct Option {
  std::string name;           ///< Without the dashes, e.g. "data-dir".
  std::string default_value;  ///< Used when the flag is not given.
  std::string help;           ///< One line for --help.
};

/// What a chapter program is: its id (the folder name), its title and its own options.
struct Spec {
  std::string id;               ///< e.g. "01_perceptron"; the default output folder is out/ID.
  std::string title;            ///< e.g. "The perceptron"; printed by --help.
  std::vector<Option> options;  ///< Options beyond the common four.
};

/// The parsed command line.
struct Args {
  bool quick = false;       ///< --quick: a small, fast run for tests and CI.
  bool help = false;        ///< --help was given: print usage and exit 0.
  std::string out_dir;      ///< --out DIR, default out/ID.
  std::uint64_t seed = 42;  ///< --seed N: every random choice of the run derives from it.
  std::map<std::string, std::string> options;  ///< The chapter's own options, by name.
};

/// The usage text for `spec`, listing the common flags and the chapter's own.
std::string usage(const Spec& spec, const std::string& program);

/// Parses argv. Throws nn::ValueError naming the flag for an unknown flag, a missing value
/// or a seed that is not a non-negative integer.
Args parse_args(const Spec& spec, int argc, const char* const* argv);

}  // namespace nn::chapter

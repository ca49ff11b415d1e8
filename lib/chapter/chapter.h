#pragma once
// The chapter contract. Every chapter program is
//
//   int main(int argc, char** argv) {
//     return nn::chapter::run(argc, argv, {"01_perceptron", "The perceptron"}, body);
//   }
//
// where body(Context&) prints what the chapter shows in named sections, records its key
// results and writes its figures. run() parses the flags, catches nn::Error (one line on
// stderr, exit 1), and writes DIR/results.json and DIR/run.json (seed, mode, date, time).
// Each section's text also goes to DIR/<section>.txt, which the book quotes verbatim.

#include <chrono>
#include <fstream>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "lib/chapter/args.h"

namespace nn::chapter {

/// What a chapter's body works with: its flags, a printer and the results it records.
class Context {
 public:
  /// Starts a chapter run that writes under args.out_dir.
  Context(const Spec& spec, Args args);
  ~Context();
  Context(const Context&) = delete;
  Context& operator=(const Context&) = delete;

  /// True for the small, fast run of tests and CI.
  bool quick() const { return args_.quick; }
  /// The run's seed; derive every random choice from it.
  std::uint64_t seed() const { return args_.seed; }
  /// The folder that receives results.json, sections and figures.
  const std::string& out_dir() const { return args_.out_dir; }
  /// The value of one of the chapter's own options (nn::ValueError if it has none such).
  const std::string& option(const std::string& name) const;
  /// Picks the value for this run: `full` in a full run, `quick` in a quick one.
  template <class T>
  T pick(T full, T quick) const {
    return args_.quick ? quick : full;
  }

  /// Starts the printed section `name` (a file name: letters, digits, '_') under a heading;
  /// what is printed until the next section goes to stdout and to DIR/NAME.txt.
  std::ostream& section(const std::string& name, const std::string& heading);
  /// The stream of the current section (stdout alone before the first section).
  std::ostream& out();

  /// Records a key result for results.json (numbers, strings, lists, maps).
  void result(const std::string& key, nlohmann::json value);
  /// The results recorded so far.
  const nlohmann::json& results() const { return results_; }
  /// The path for a figure file in the output folder, e.g. figure("boundary.svg").
  std::string figure(const std::string& file_name);

  /// Writes results.json and run.json (called by run() when the body returns).
  void finish();

 private:
  class Tee;
  Spec spec_;
  Args args_;
  nlohmann::json results_ = nlohmann::json::object();
  std::vector<std::string> sections_;
  std::vector<std::string> figures_;
  std::ofstream section_file_;
  std::unique_ptr<Tee> tee_;
  std::unique_ptr<std::ostream> stream_;
  std::chrono::steady_clock::time_point start_;
};

/// Runs a chapter: parses flags (usage on --help, usage and exit 2 on a bad flag), runs
/// `body`, writes results, and turns an nn::Error into one line on stderr and exit 1.
int run(int argc, char** argv, const Spec& spec, const std::function<void(Context&)>& body);

}  // namespace nn::chapter

#pragma once
// Search spaces: which hyperparameters a search tries, and how. A random search draws each
// hyperparameter from a distribution; a grid search tries every combination of listed values.
//
//   nn::tuning::SearchSpace space = {
//       {"hidden_layers", nn::tuning::Distribution::int_uniform(0, 8)},
//       {"neurons", nn::tuning::Distribution::int_uniform(1, 300)},
//       {"learning_rate", nn::tuning::Distribution::log_uniform(1e-4, 1e-1)},
//       {"optimizer", nn::tuning::Distribution::choice({"sgd", "adam"})}};
//   std::vector<nn::tuning::Params> points = nn::tuning::sample_space(space, 30, seed);
//   int layers = nn::tuning::get_int(points[0], "hidden_layers");

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "lib/random.h"

namespace nn::tuning {

/// A hyperparameter's value: a whole number, a real number or a name.
using Value = std::variant<int, double, std::string>;
/// One point of a search: each hyperparameter's name and value.
using Params = std::map<std::string, Value>;

/// The value as text: 3, 0.00125, adam.
std::string to_string(const Value& value);
/// The integer `name`; ValueError listing the names if it is missing, or if it is not an int.
int get_int(const Params& params, const std::string& name);
/// The number `name` (an int is converted); ValueError as get_int.
double get_double(const Params& params, const std::string& name);
/// The name `name`; ValueError as get_int.
const std::string& get_string(const Params& params, const std::string& name);

/// A number drawn log-uniformly from [low, high): log x is uniform, so each factor of ten
/// gets the same share of the draws. ValueError unless 0 < low < high.
double log_uniform(Rng& rng, double low, double high);

/// How a random search draws one hyperparameter.
class Distribution {
 public:
  /// Every integer in [low, high] (both included) equally likely. ValueError if low > high.
  static Distribution int_uniform(int low, int high);
  /// A real number uniform in [low, high). ValueError unless low < high.
  static Distribution uniform(double low, double high);
  /// A real number log-uniform in [low, high) (see log_uniform). ValueError unless 0 < low < high.
  static Distribution log_uniform(double low, double high);
  /// One of `values`, each equally likely. ValueError if empty.
  static Distribution choice(std::vector<Value> values);
  /// One draw.
  Value sample(Rng& rng) const;
  /// "int_uniform(0, 8)", "log_uniform(0.0001, 0.1)", "choice(sgd, adam)".
  std::string describe() const;

 private:
  enum class Kind { kIntUniform, kUniform, kLogUniform, kChoice };
  Distribution(Kind kind, double low, double high, std::vector<Value> values = {});
  Kind kind_;
  double low_, high_;
  std::vector<Value> values_;
};

/// A random search's space: hyperparameters in the order they are drawn.
using SearchSpace = std::vector<std::pair<std::string, Distribution>>;
/// A grid search's space: each hyperparameter with the values to try.
using Grid = std::vector<std::pair<std::string, std::vector<Value>>>;

/// `count` points drawn from `space` with Rng(seed): point after point, each hyperparameter
/// in the order of `space` (scikit-learn's ParameterSampler). ValueError for a negative
/// count or a name given twice.
std::vector<Params> sample_space(const SearchSpace& space, int count, std::uint64_t seed);

/// Every combination of the grid's values, the last hyperparameter varying fastest
/// (scikit-learn's ParameterGrid). ValueError for an empty value list or a name given twice.
std::vector<Params> grid_points(const Grid& grid);

}  // namespace nn::tuning

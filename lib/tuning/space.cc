#include "lib/tuning/space.h"

#include <cmath>
#include <cstdio>
#include <set>

#include "lib/error.h"

namespace nn::tuning {
namespace {

const Value& find(const Params& params, const std::string& name) {
  const auto found = params.find(name);
  if (found != params.end()) return found->second;
  std::string known;
  for (const auto& [key, value] : params) known += " \"" + key + "\"";
  throw ValueError("no hyperparameter \"" + name + "\"; known:" + known);
}

[[noreturn]] void wrong_type(const std::string& name, const Value& value, const char* wanted) {
  throw ValueError("hyperparameter \"" + name + "\" is " + to_string(value) + ", not " + wanted);
}

template <class Names>
void check_unique(const char* who, const Names& names) {
  std::set<std::string> seen;
  for (const auto& [name, unused] : names) {
    if (!seen.insert(name).second) {
      throw ValueError(std::string(who) + ": hyperparameter \"" + name + "\" is given twice");
    }
  }
}

}  // namespace

std::string to_string(const Value& value) {
  if (const int* i = std::get_if<int>(&value)) return std::to_string(*i);
  if (const double* d = std::get_if<double>(&value)) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3g", *d);
    return buffer;
  }
  return std::get<std::string>(value);
}

int get_int(const Params& params, const std::string& name) {
  const Value& value = find(params, name);
  if (const int* i = std::get_if<int>(&value)) return *i;
  wrong_type(name, value, "an integer");
}

double get_double(const Params& params, const std::string& name) {
  const Value& value = find(params, name);
  if (const double* d = std::get_if<double>(&value)) return *d;
  if (const int* i = std::get_if<int>(&value)) return *i;
  wrong_type(name, value, "a number");
}

const std::string& get_string(const Params& params, const std::string& name) {
  const Value& value = find(params, name);
  if (const std::string* s = std::get_if<std::string>(&value)) return *s;
  wrong_type(name, value, "a name");
}

double log_uniform(Rng& rng, double low, double high) {
  if (!(low > 0.0 && high > low)) {
    throw ValueError("log_uniform: needs 0 < low < high, got " + std::to_string(low) + ", " +
                     std::to_string(high));
  }
  const double u = rng.uniform();  // [0, 1)
  return std::exp(std::log(low) + u * (std::log(high) - std::log(low)));
}

Distribution::Distribution(Kind kind, double low, double high, std::vector<Value> values)
    : kind_(kind), low_(low), high_(high), values_(std::move(values)) {}

Distribution Distribution::int_uniform(int low, int high) {
  if (low > high) {
    throw ValueError("int_uniform: low " + std::to_string(low) + " > high " + std::to_string(high));
  }
  return Distribution(Kind::kIntUniform, low, high);
}

Distribution Distribution::uniform(double low, double high) {
  if (!(low < high)) throw ValueError("uniform: needs low < high");
  return Distribution(Kind::kUniform, low, high);
}

Distribution Distribution::log_uniform(double low, double high) {
  if (!(low > 0.0 && high > low)) throw ValueError("log_uniform: needs 0 < low < high");
  return Distribution(Kind::kLogUniform, low, high);
}

Distribution Distribution::choice(std::vector<Value> values) {
  if (values.empty()) throw ValueError("choice: no values to choose from");
  return Distribution(Kind::kChoice, 0, 0, std::move(values));
}

Value Distribution::sample(Rng& rng) const {
  switch (kind_) {
    case Kind::kIntUniform: {
      const auto span = static_cast<std::uint64_t>(static_cast<std::int64_t>(high_) -
                                                   static_cast<std::int64_t>(low_) + 1);
      return static_cast<int>(static_cast<std::int64_t>(low_) +
                              static_cast<std::int64_t>(rng.below(span)));
    }
    case Kind::kUniform:
      return low_ + (high_ - low_) * static_cast<double>(rng.uniform());
    case Kind::kLogUniform:
      return tuning::log_uniform(rng, low_, high_);
    case Kind::kChoice:
      return values_[rng.below(values_.size())];
  }
  return 0;
}

std::string Distribution::describe() const {
  switch (kind_) {
    case Kind::kIntUniform:
      return "int_uniform(" + to_string(static_cast<int>(low_)) + ", " +
             to_string(static_cast<int>(high_)) + ")";
    case Kind::kUniform:
      return "uniform(" + to_string(low_) + ", " + to_string(high_) + ")";
    case Kind::kLogUniform:
      return "log_uniform(" + to_string(low_) + ", " + to_string(high_) + ")";
    case Kind::kChoice: {
      std::string text = "choice(";
      for (std::size_t i = 0; i < values_.size(); ++i) {
        text += (i > 0 ? ", " : "") + to_string(values_[i]);
      }
      return text + ")";
    }
  }
  return "";
}

std::vector<Params> sample_space(const SearchSpace& space, int count, std::uint64_t seed) {
  if (count < 0) throw ValueError("sample_space: count must be >= 0");
  check_unique("sample_space", space);
  Rng rng(seed);
  std::vector<Params> points(static_cast<std::size_t>(count));
  for (Params& point : points) {
    for (const auto& [name, distribution] : space) point[name] = distribution.sample(rng);
  }
  return points;
}

std::vector<Params> grid_points(const Grid& grid) {
  check_unique("grid_points", grid);
  std::vector<Params> points{Params{}};
  for (const auto& [name, values] : grid) {
    if (values.empty()) throw ValueError("grid_points: no values for \"" + name + "\"");
    std::vector<Params> next;
    for (const Params& point : points) {
      for (const Value& value : values) {
        Params extended = point;
        extended[name] = value;
        next.push_back(std::move(extended));
      }
    }
    points = std::move(next);
  }
  return points;
}

}  // namespace nn::tuning

#pragma once
// Test helper: scikit-learn's reference fits (lib/linear/testdata/sklearn_perceptron.json,
// written by tools/make_sklearn_fixtures.py) and the iris data they were fitted on.

#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lib/data/iris.h"
#include "lib/linear/linear_classifier.h"

namespace nn::testing {

// One case of the fixture: what scikit-learn found.
struct SklearnCase {
  std::vector<std::string> features;
  std::vector<double> coef;
  double intercept = 0.0;
  int n_iter = 0;
  double train_accuracy = 0.0;
  std::vector<int> predictions;  // for the flowers (2, 0.5) and (3, 1); petal cases only
};

inline SklearnCase sklearn_case(const std::string& name) {
  std::ifstream in("lib/linear/testdata/sklearn_perceptron.json");
  REQUIRE(in.good());
  const nlohmann::json fixture = nlohmann::json::parse(in);
  for (const auto& c : fixture["cases"]) {
    if (c["name"] != name) continue;
    SklearnCase out;
    out.features = c["features"].get<std::vector<std::string>>();
    out.coef = c["coef"].get<std::vector<double>>();
    out.intercept = c["intercept"].get<double>();
    out.n_iter = c["n_iter"].get<int>();
    out.train_accuracy = c["train_accuracy"].get<double>();
    if (c.contains("predictions")) out.predictions = c["predictions"].get<std::vector<int>>();
    return out;
  }
  FAIL("no case '" << name << "' in the fixture");
  return {};
}

// Iris features as the case saw them, (150, k), and setosa (1) against the rest (0).
inline Tensor case_features(const SklearnCase& c) { return load_iris().columns(c.features); }
inline Labels setosa_labels() { return setosa_vs_rest(load_iris()); }

// The two flowers of chapter 1: petal (length, width) = (2, 0.5) and (3, 1). (2, 2).
inline Tensor two_flowers() { return Tensor{{2.0f, 0.5f}, {3.0f, 1.0f}}; }

// The tolerance of every comparison with scikit-learn: both compute in float64 on the
// same float32 inputs in the same order, so the only difference left is coef()'s rounding
// to float32 (relative 6e-8). We allow a relative 1e-6, plus 1e-9 absolute near zero.
inline void require_same_weights(const LinearClassifier& model, const SklearnCase& c) {
  const Vector w = model.coef();
  REQUIRE(w.size() == c.coef.size());
  for (std::size_t j = 0; j < w.size(); ++j) {
    INFO("coef[" << j << "]");
    REQUIRE(w(j) == Approx(c.coef[j]).epsilon(1e-6).margin(1e-9));
  }
  REQUIRE(model.intercept() == Approx(c.intercept).epsilon(1e-6).margin(1e-9));
  REQUIRE(model.n_iter() == c.n_iter);
}

}  // namespace nn::testing

// Tests for exercise 1.7. Do not edit: `./book grade perceptron_to_logistic` runs them.
// Reference values: updates worked by hand; the sigmoid update against central differences
// of the log loss computed here; iris (versicolor against virginica, standardized petals)
// from exercises/01_perceptron/testdata/sklearn_logistic.json (tools/make_logistic_fixture.py),
// with scikit-learn's LogisticRegression minimum.
#include "exercises/01_perceptron/perceptron_to_logistic.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

using exercises::LinearUnit;
using exercises::online_update;
using exercises::train_online;

namespace {

double log_loss(const LinearUnit& u, const std::vector<double>& x, int y) {
  double z = u.b;
  for (std::size_t j = 0; j < x.size(); ++j) z += u.w[j] * x[j];
  const double p = 1.0 / (1.0 + std::exp(-z));
  return -(y * std::log(p) + (1 - y) * std::log(1 - p));
}

double change(const LinearUnit& a, const LinearUnit& b) {
  double squares = (a.b - b.b) * (a.b - b.b);
  for (std::size_t j = 0; j < a.w.size(); ++j) squares += (a.w[j] - b.w[j]) * (a.w[j] - b.w[j]);
  return std::sqrt(squares);
}

}  // namespace

TEST_CASE("the step: the perceptron rule, with z = 0 counting as 1") {
  LinearUnit u{{1.0, -1.0}, 0.0};
  online_update(u, {2.0, 2.0}, 1, 0.5, "step");  // z = 0 → 1: right, nothing moves
  CHECK(u.w == std::vector<double>{1.0, -1.0});
  CHECK(u.b == 0.0);
  online_update(u, {2.0, 2.0}, 0, 0.5, "step");  // wrong: w −= 0.5 x, b −= 0.5
  CHECK(u.w == std::vector<double>{0.0, -2.0});
  CHECK(u.b == -0.5);
}

TEST_CASE("the sigmoid: the same rule is one SGD step on the example's log loss") {
  const LinearUnit start{{0.3, -0.2, 0.5}, 0.1};
  const std::vector<double> x = {1.0, 2.0, -0.5};
  for (int y : {0, 1}) {
    LinearUnit u = start;
    online_update(u, x, y, 0.1, "sigmoid");
    // The step must be −0.1 × ∂(log loss)/∂θ, by central differences, for every θ.
    const double h = 1e-6;
    for (std::size_t j = 0; j <= 3; ++j) {
      LinearUnit up = start, down = start;
      (j < 3 ? up.w[j] : up.b) += h;
      (j < 3 ? down.w[j] : down.b) -= h;
      const double gradient = (log_loss(up, x, y) - log_loss(down, x, y)) / (2 * h);
      const double moved = j < 3 ? u.w[j] - start.w[j] : u.b - start.b;
      INFO("y = " << y << ", parameter " << j);
      CHECK(moved == Approx(-0.1 * gradient).epsilon(1e-6));
    }
  }
  // A right answer still teaches: z = 0.1 + 0.3 − 0.4 − 0.25 < 0 for y = 0 moves w anyway.
  LinearUnit u = start;
  online_update(u, x, 0, 0.1, "sigmoid");
  CHECK(u.w != start.w);
}

TEST_CASE("the perceptron's scale is arbitrary; logistic regression's is set by the data") {
  std::ifstream in("exercises/01_perceptron/testdata/sklearn_logistic.json");
  REQUIRE(in);
  const nlohmann::json j = nlohmann::json::parse(in);
  const auto x = j.at("x").get<std::vector<std::vector<double>>>();
  const auto y = j.at("y").get<std::vector<int>>();
  const auto coef = j.at("coef").get<std::vector<double>>();
  // From zero weights, the step only sees the sign of z, so a 4 times larger rate gives
  // exactly 4 times larger weights (powers of 2: exact in floating point), and the same
  // mistakes: sigmoid(z) of a perceptron is no probability, its size means nothing.
  const std::vector<LinearUnit> small = train_online(x, y, 0.5, 50, "step");
  const std::vector<LinearUnit> large = train_online(x, y, 2.0, 50, "step");
  REQUIRE(small.size() == 50);
  REQUIRE(large.size() == 50);
  CHECK(large.back().w[0] == 4 * small.back().w[0]);
  CHECK(large.back().w[1] == 4 * small.back().w[1]);
  CHECK(large.back().b == 4 * small.back().b);
  CHECK(std::abs(small.back().w[0]) > 0);
  // Online logistic regression settles near the minimum of the log loss (scikit-learn's),
  // whatever the (small) rate.
  const std::vector<LinearUnit> sigmoid = train_online(x, y, 0.02, 300, "sigmoid");
  REQUIRE(sigmoid.size() == 300);
  CHECK(change(sigmoid[299], sigmoid[298]) < 0.02);
  INFO("sigmoid after 300 epochs: w " << Catch::Detail::stringify(sigmoid.back().w)
                                      << "; scikit-learn " << Catch::Detail::stringify(coef));
  CHECK(sigmoid.back().w[0] == Approx(coef[0]).epsilon(0.15));
  CHECK(sigmoid.back().w[1] == Approx(coef[1]).epsilon(0.15));
}

TEST_CASE("unknown activations and mismatched lengths are refused") {
  LinearUnit u{{0.0, 0.0}, 0.0};
  CHECK_THROWS_AS(online_update(u, {1.0, 2.0}, 1, 0.1, "relu"), std::invalid_argument);
  CHECK_THROWS_AS(online_update(u, {1.0}, 1, 0.1, "step"), std::invalid_argument);
  CHECK_THROWS_AS(train_online({{1.0}}, {1, 0}, 0.1, 1, "step"), std::invalid_argument);
}

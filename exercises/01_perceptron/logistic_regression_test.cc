// Tests for exercise 1.6. Do not edit: `./book grade logistic_regression` runs them.
// Reference values: scikit-learn 1.2.1's LogisticRegression(penalty=None) on iris, computed
// by tools/make_logistic_fixture.py into exercises/01_perceptron/testdata/
// sklearn_logistic.json; the others are derived by hand in the comments.
#include "exercises/01_perceptron/logistic_regression.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>

using exercises::fit_logistic;
using exercises::log_loss;
using exercises::LogisticModel;
using exercises::predict_proba;
using exercises::Rows;
using exercises::sigmoid;

namespace {

struct Reference {
  Rows x;
  std::vector<int> y;
  std::vector<double> coef, proba;
  double intercept = 0, loss = 0;
};

Reference load() {
  std::ifstream in("exercises/01_perceptron/testdata/sklearn_logistic.json");
  REQUIRE(in);
  const nlohmann::json j = nlohmann::json::parse(in);
  Reference r;
  r.x = j.at("x").get<Rows>();
  r.y = j.at("y").get<std::vector<int>>();
  r.coef = j.at("coef").get<std::vector<double>>();
  r.proba = j.at("proba").get<std::vector<double>>();
  r.intercept = j.at("intercept").get<double>();
  r.loss = j.at("log_loss").get<double>();
  return r;
}

}  // namespace

TEST_CASE("the sigmoid: its values, and no overflow far from 0") {
  CHECK(sigmoid(0.0) == 0.5);
  CHECK(sigmoid(2.0) == Approx(1.0 / (1.0 + std::exp(-2.0))).epsilon(1e-12));
  CHECK(sigmoid(-3.0) == Approx(1.0 / (1.0 + std::exp(3.0))).epsilon(1e-12));
  CHECK(sigmoid(-30.0) == Approx(9.357622968840175e-14).epsilon(1e-9));  // e^-30 / (1 + e^-30)
  CHECK(sigmoid(1000.0) == 1.0);
  CHECK(sigmoid(-1000.0) == 0.0);
  CHECK_FALSE(std::isnan(sigmoid(-1e308)));
}

TEST_CASE("one step from zeros: p = 1/2 everywhere, so w = eta * mean((y - 1/2) x)") {
  // x = (1, 2), (-1, 0), (3, -1) with y = 1, 0, 1. At zero weights every p is 1/2:
  // dL/dw = mean((1/2 - y) x) = -(0.5 + 0.5 + 1.5) / 3, -(1 + 0 - 0.5) / 3; dL/db = -0.5 / 3.
  const Rows x = {{1, 2}, {-1, 0}, {3, -1}};
  const std::vector<int> y = {1, 0, 1};
  const LogisticModel one = fit_logistic(x, y, 0.5, 1);
  REQUIRE(one.w.size() == 2);
  CHECK(one.w[0] == Approx(0.5 * 2.5 / 3).epsilon(1e-12));
  CHECK(one.w[1] == Approx(0.5 * 0.5 / 3).epsilon(1e-12));
  CHECK(one.b == Approx(0.5 * 0.5 / 3).epsilon(1e-12));
  const LogisticModel none = fit_logistic(x, y, 0.5, 0);
  CHECK(none.w == std::vector<double>{0.0, 0.0});
  CHECK(none.b == 0.0);
  // The second step starts from the first one's weights and uses one p per row for both.
  const std::vector<double> p = predict_proba(one, x);
  double dw0 = 0, dw1 = 0, db = 0;
  for (std::size_t i = 0; i < 3; ++i) {
    dw0 += (p[i] - y[i]) * x[i][0] / 3;
    dw1 += (p[i] - y[i]) * x[i][1] / 3;
    db += (p[i] - y[i]) / 3;
  }
  const LogisticModel two = fit_logistic(x, y, 0.5, 2);
  CHECK(two.w[0] == Approx(one.w[0] - 0.5 * dw0).epsilon(1e-12));
  CHECK(two.w[1] == Approx(one.w[1] - 0.5 * dw1).epsilon(1e-12));
  CHECK(two.b == Approx(one.b - 0.5 * db).epsilon(1e-12));
}

TEST_CASE("gradient descent reaches scikit-learn's minimum on iris") {
  const Reference r = load();
  REQUIRE(r.x.size() == 100);
  const LogisticModel model = fit_logistic(r.x, r.y, 1.0, 5000);
  INFO("scikit-learn: w " << Catch::Detail::stringify(r.coef) << ", b " << r.intercept);
  INFO("yours:        w " << Catch::Detail::stringify(model.w) << ", b " << model.b);
  REQUIRE(model.w.size() == 2);
  CHECK(model.w[0] == Approx(r.coef[0]).epsilon(1e-4));
  CHECK(model.w[1] == Approx(r.coef[1]).epsilon(1e-4));
  CHECK(model.b == Approx(r.intercept).epsilon(1e-4));
  const std::vector<double> p = predict_proba(model, r.x);
  REQUIRE(p.size() == r.proba.size());
  std::size_t worst = 0;
  for (std::size_t i = 1; i < p.size(); ++i) {
    if (std::abs(p[i] - r.proba[i]) > std::abs(p[worst] - r.proba[worst])) worst = i;
  }
  INFO("the row whose probability differs most: " << worst);
  CHECK(p[worst] == Approx(r.proba[worst]).margin(1e-5));
  CHECK(log_loss(model, r.x, r.y) == Approx(r.loss).epsilon(1e-6));
}

TEST_CASE("the log loss comes from the scores: confident mistakes cost, never infinity") {
  const LogisticModel flat{{1.0}, 0.0};
  CHECK(log_loss(flat, {{0.0}}, {1}) == Approx(std::log(2.0)).epsilon(1e-12));
  CHECK(log_loss(flat, {{2.0}}, {0}) == Approx(std::log1p(std::exp(2.0))).epsilon(1e-12));
  // z = -1000 for a 1 and z = +1000 for a 0: each costs log(1 + e^1000) = 1000 (to 1e-300).
  const LogisticModel sure{{100.0}, 0.0};
  CHECK(log_loss(sure, {{-10.0}, {10.0}}, {1, 0}) == Approx(1000.0).epsilon(1e-12));
  // And a right answer that sure costs almost nothing: log(1 + e^-1000) ~ 0.
  CHECK(log_loss(sure, {{10.0}, {-10.0}}, {1, 0}) == Approx(0.0).margin(1e-300));
}

TEST_CASE("rows, weights and labels that do not match are refused") {
  const LogisticModel model{{1.0, 2.0}, 0.0};
  CHECK_THROWS_AS(predict_proba(model, {{1.0, 2.0, 3.0}}), std::invalid_argument);
  CHECK_THROWS_AS(log_loss(model, {{1.0, 2.0}}, {1, 0}), std::invalid_argument);
  CHECK_THROWS_AS(fit_logistic({{1.0}, {2.0}}, {1}, 0.1, 1), std::invalid_argument);
}

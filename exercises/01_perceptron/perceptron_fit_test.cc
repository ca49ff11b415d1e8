// Tests for exercise 1.3. Do not edit: `./book grade perceptron_fit` runs them.
// Reference values: scikit-learn 1.2.1's Perceptron(shuffle=False), computed by
// tools/make_sklearn_fixtures.py into lib/linear/testdata/sklearn_perceptron.json.
#include "exercises/01_perceptron/perceptron_fit.h"

#include <catch2/catch.hpp>

#include "lib/linear/sklearn_fixture_test.h"

using exercises::perceptron_fit;

namespace {

std::vector<std::vector<double>> rows(const nn::Tensor& x) {
  std::vector<std::vector<double>> out(x.shape(0), std::vector<double>(x.shape(1)));
  for (std::size_t r = 0; r < x.shape(0); ++r) {
    for (std::size_t c = 0; c < x.shape(1); ++c) out[r][c] = x(r, c);
  }
  return out;
}

void require_sklearn(const std::string& name) {
  const auto reference = nn::testing::sklearn_case(name);
  const nn::Tensor x = nn::testing::case_features(reference);
  const nn::Labels labels = nn::testing::setosa_labels();
  const auto fit = perceptron_fit(rows(x), std::vector<int>(labels.begin(), labels.end()));
  INFO("scikit-learn: coef " << Catch::Detail::stringify(reference.coef) << ", intercept "
                             << reference.intercept << ", " << reference.n_iter << " epochs");
  INFO("yours:        coef " << Catch::Detail::stringify(fit.w) << ", intercept " << fit.b << ", "
                             << fit.epochs << " epochs");
  REQUIRE(fit.w.size() == reference.coef.size());
  for (std::size_t i = 0; i < fit.w.size(); ++i) {
    CHECK(fit.w[i] == Approx(reference.coef[i]).epsilon(1e-6).margin(1e-9));
  }
  CHECK(fit.b == Approx(reference.intercept).epsilon(1e-6).margin(1e-9));
  CHECK(fit.epochs == reference.n_iter);
}

}  // namespace

TEST_CASE("two points, worked by hand") {
  // Row 1: p = 0 is a mistake for t = -1: w = -(1, 1), b = -1. Row 2: p = -4 - 1 = -5,
  // t = +1, mistake: w = (1, 1), b = 0. Epoch 2: p = 2 (t=-1, mistake), w = 0, b = -1;
  // p = -1 for row 2 (mistake), w = (2, 2), b = 0. Epoch totals: 5, then 3.
  const std::vector<std::vector<double>> x = {{1, 1}, {2, 2}};
  const auto fit = perceptron_fit(x, {0, 1}, 1.0, 3, 1e-3, 5);
  CHECK(fit.epochs == 3);  // max_iter reached first
  REQUIRE(fit.w.size() == 2);
  // Epoch 3 repeats epoch 2 from w = (2, 2): row 1 p = 4 (mistake) -> (1, 1), b = -1;
  // row 2 p = 3 (right).
  CHECK(fit.w[0] == Approx(1.0));
  CHECK(fit.w[1] == Approx(1.0));
  CHECK(fit.b == Approx(-1.0));
}

TEST_CASE("the stopping rule stops five epochs after the last improvement") {
  // Separable at once: after the first epoch every total is 0, which is not an
  // improvement of more than tol * n, so epochs 2..6 count and training stops after 6.
  const std::vector<std::vector<double>> x = {{-1.0}, {1.0}};
  const auto fit = perceptron_fit(x, {0, 1});
  CHECK(fit.epochs == 6);
  REQUIRE(fit.w.size() == 1);
  CHECK(fit.w[0] > 0.0);
  const auto three = perceptron_fit(x, {0, 1}, 1.0, 1000, 1e-3, 3);
  CHECK(three.epochs == 4);
}

TEST_CASE("an improvement counts only when it beats tol times the number of rows") {
  // The two points worked by hand above: epoch totals 5, then 3. With tol = 1.5 and n = 2
  // the drop of 2 is less than tol * n = 3, so epoch 2 counts as no improvement and
  // n_iter_no_change = 1 stops training there, at w = (2, 2), b = 0. (Against tol alone,
  // 2 > 1.5 would be an improvement and a third epoch would run.)
  const std::vector<std::vector<double>> x = {{1, 1}, {2, 2}};
  const auto fit = perceptron_fit(x, {0, 1}, 1.0, 1000, 1.5, 1);
  CHECK(fit.epochs == 2);
  REQUIRE(fit.w.size() == 2);
  CHECK(fit.w[0] == Approx(2.0));
  CHECK(fit.w[1] == Approx(2.0));
  CHECK(fit.b == Approx(0.0).margin(1e-12));
}

TEST_CASE("iris petals, setosa against the rest, as scikit-learn finds it") {
  require_sklearn("perceptron_petal");
}

TEST_CASE("all four iris measurements, as scikit-learn finds it") {
  require_sklearn("perceptron_all");
}

TEST_CASE("bad inputs are refused") {
  CHECK_THROWS_AS(perceptron_fit({}, {}), std::invalid_argument);
  CHECK_THROWS_AS(perceptron_fit({{1, 2}, {3}}, {0, 1}), std::invalid_argument);
  CHECK_THROWS_AS(perceptron_fit({{1}, {2}}, {0}), std::invalid_argument);
  CHECK_THROWS_AS(perceptron_fit({{1}, {2}}, {0, 3}), std::invalid_argument);
}

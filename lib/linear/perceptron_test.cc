#include "lib/linear/perceptron.h"

#include <catch2/catch.hpp>

#include "lib/error.h"
#include "lib/linear/sklearn_fixture_test.h"

using nn::testing::sklearn_case;

namespace {

nn::Perceptron unshuffled() {
  nn::PerceptronOptions options;
  options.shuffle = false;
  return nn::Perceptron(options);
}

}  // namespace

TEST_CASE("shuffle=false: the same weights, bias and epochs as scikit-learn") {
  for (const char* name : {"perceptron_petal", "perceptron_all"}) {
    INFO(name);
    const auto expected = sklearn_case(name);
    const nn::Tensor x = nn::testing::case_features(expected);  // (150, k)
    const nn::Labels y = nn::testing::setosa_labels();          // (150,)
    nn::Perceptron model = unshuffled();
    model.fit(x, y);
    nn::testing::require_same_weights(model, expected);
    REQUIRE(model.converged());
    REQUIRE(model.score(x, y) == expected.train_accuracy);
  }
}

TEST_CASE("the two flowers: (2, 0.5) is a setosa, (3, 1) is not") {
  const auto expected = sklearn_case("perceptron_petal");
  nn::Perceptron model = unshuffled();
  model.fit(nn::testing::case_features(expected), nn::testing::setosa_labels());
  const nn::Labels predicted = model.predict(nn::testing::two_flowers());
  REQUIRE((predicted == nn::Labels{1, 0}));
  REQUIRE((expected.predictions == std::vector<int>{1, 0}));
}

TEST_CASE("shuffled runs: the same seed gives the same weights, and all separate iris") {
  const nn::Tensor x = nn::petal_features(nn::load_iris());
  const nn::Labels y = nn::testing::setosa_labels();
  for (std::uint64_t seed : {0, 1, 42}) {
    nn::PerceptronOptions options;
    options.random_state = seed;
    nn::Perceptron a(options), b(options);
    a.fit(x, y);
    b.fit(x, y);
    REQUIRE((a.coef() == b.coef()));
    REQUIRE(a.intercept() == b.intercept());
    REQUIRE(a.n_iter() == b.n_iter());
    REQUIRE(a.score(x, y) == 1.0);  // setosa is linearly separable on petals
    REQUIRE((a.predict(nn::testing::two_flowers()) == nn::Labels{1, 0}));
  }
}

TEST_CASE("any two label values work; the larger one is the positive class") {
  const nn::Tensor x = nn::petal_features(nn::load_iris());
  const nn::Labels y01 = nn::testing::setosa_labels();
  nn::Labels y = y01 * 4 + 3;  // 7 for setosa, 3 for the rest
  nn::Perceptron a = unshuffled(), b = unshuffled();
  a.fit(x, y01);
  b.fit(x, y);
  REQUIRE(b.classes() == std::vector<int>{3, 7});
  REQUIRE((a.coef() == b.coef()));
  REQUIRE((b.predict(nn::testing::two_flowers()) == nn::Labels{7, 3}));
}

TEST_CASE("mistakes a reader can make are errors") {
  const nn::Iris iris = nn::load_iris();
  nn::Perceptron model;
  REQUIRE_THROWS_AS(model.predict(iris.features), nn::ValueError);  // not fitted
  REQUIRE_THROWS_WITH(model.fit(iris.features, iris.labels),
                      "Perceptron.fit: needs exactly two classes in y, got 3 (0, 1, 2)");
  const nn::Labels y = nn::setosa_vs_rest(iris);
  REQUIRE_THROWS_AS(model.fit(nn::petal_features(iris), nn::Labels{1, 0}), nn::ShapeError);
  model.fit(nn::petal_features(iris), y);
  REQUIRE_THROWS_AS(model.predict(iris.features), nn::ShapeError);  // 4 features, not 2
}

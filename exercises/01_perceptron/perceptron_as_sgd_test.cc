// Tests for exercise 1.5. Do not edit: `./book grade perceptron_as_sgd` runs them.
#include "exercises/01_perceptron/perceptron_as_sgd.h"

#include <catch2/catch.hpp>

#include "lib/data/iris.h"
#include "lib/linear/perceptron.h"

using exercises::perceptron_loss;
using exercises::perceptron_loss_gradient;

TEST_CASE("the perceptron loss is zero when right and grows with the margin when wrong") {
  CHECK(perceptron_loss(2.5, +1) == Approx(0.0));
  CHECK(perceptron_loss(-2.5, -1) == Approx(0.0));
  CHECK(perceptron_loss(-2.5, +1) == Approx(2.5));
  CHECK(perceptron_loss(0.75, -1) == Approx(0.75));
  CHECK(perceptron_loss(0.0, +1) == Approx(0.0));
}

TEST_CASE("its gradient is -t on the wrong side (and at zero), 0 on the right side") {
  CHECK(perceptron_loss_gradient(3.0, +1) == Approx(0.0));
  CHECK(perceptron_loss_gradient(-3.0, -1) == Approx(0.0));
  CHECK(perceptron_loss_gradient(-0.5, +1) == Approx(-1.0));
  CHECK(perceptron_loss_gradient(0.5, -1) == Approx(1.0));
  CHECK(perceptron_loss_gradient(0.0, +1) == Approx(-1.0));
  CHECK(perceptron_loss_gradient(0.0, -1) == Approx(1.0));
}

TEST_CASE("SGD with your settings finds the perceptron's weights on iris") {
  const nn::Iris iris = nn::load_iris("data/iris.csv");
  const nn::Tensor x = nn::petal_features(iris);
  const nn::Labels y = nn::setosa_vs_rest(iris);
  for (std::uint64_t seed : {0u, 7u, 42u}) {
    nn::PerceptronOptions reference_options;
    reference_options.random_state = seed;
    nn::Perceptron perceptron(reference_options);
    perceptron.fit(x, y);
    nn::SgdClassifier sgd(exercises::perceptron_as_sgd(seed));
    sgd.fit(x, y);
    INFO("seed " << seed << ": perceptron w = (" << perceptron.coef()(0) << ", "
                 << perceptron.coef()(1) << "), b = " << perceptron.intercept() << "; SGD w = ("
                 << sgd.coef()(0) << ", " << sgd.coef()(1) << "), b = " << sgd.intercept());
    CHECK(sgd.coef()(0) == perceptron.coef()(0));
    CHECK(sgd.coef()(1) == perceptron.coef()(1));
    CHECK(sgd.intercept() == perceptron.intercept());
    CHECK(sgd.n_iter() == perceptron.n_iter());
  }
}

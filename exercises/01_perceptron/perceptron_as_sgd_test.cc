// Tests for exercise 1.5. Do not edit: `./book grade perceptron_as_sgd` runs them.
#include "exercises/01_perceptron/perceptron_as_sgd.h"

#include <catch2/catch.hpp>
#include <limits>
#include <vector>

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

namespace {

// Options of other SGD runs, each wrong in every setting the equivalence needs.
std::vector<nn::SgdOptions> other_runs() {
  nn::SgdOptions sklearn_like;  // scikit-learn's SGDClassifier: hinge loss, alpha = 1e-4
  sklearn_like.loss = "hinge";
  sklearn_like.learning_rate = "optimal";  // not a schedule SgdClassifier has: must be replaced
  sklearn_like.eta0 = 0.01;
  sklearn_like.alpha = 1e-4;
  nn::SgdOptions short_run;
  short_run.loss = "log_loss";
  short_run.eta0 = 0.5;
  short_run.alpha = 0.01;
  short_run.max_iter = 3;
  short_run.tol = 1.0;
  short_run.shuffle = false;
  short_run.random_state = 99;
  short_run.n_iter_no_change = 1;
  nn::SgdOptions never_stops;
  never_stops.loss = "perceptron";
  never_stops.eta0 = 2.0;
  never_stops.tol = -std::numeric_limits<double>::infinity();
  never_stops.max_iter = 20;
  never_stops.n_iter_no_change = 9;
  return {nn::SgdOptions{}, sklearn_like, short_run, never_stops};
}

}  // namespace

TEST_CASE("your settings make SGD the perceptron, from any other run's options") {
  const nn::Iris iris = nn::load_iris("data/iris.csv");
  const nn::Tensor x = nn::petal_features(iris);
  const nn::Labels y = nn::setosa_vs_rest(iris);
  const std::vector<nn::SgdOptions> starts = other_runs();
  for (std::size_t start = 0; start < starts.size(); ++start) {
    for (std::uint64_t seed : {0u, 7u, 42u}) {
      nn::PerceptronOptions reference_options;
      reference_options.random_state = seed;
      nn::Perceptron perceptron(reference_options);
      perceptron.fit(x, y);
      const nn::SgdOptions options = exercises::perceptron_as_sgd(starts[start], seed);
      INFO("starting from other run "
           << start << ", seed " << seed << ": you set loss '" << options.loss
           << "', learning_rate '" << options.learning_rate << "', eta0 " << options.eta0
           << ", alpha " << options.alpha << ", max_iter " << options.max_iter << ", tol "
           << options.tol << ", shuffle " << options.shuffle << ", n_iter_no_change "
           << options.n_iter_no_change << ", random_state " << options.random_state);
      CHECK(options.loss == "perceptron");
      CHECK(options.learning_rate == "constant");
      CHECK(options.eta0 == reference_options.eta0);
      CHECK(options.alpha == 0.0);
      CHECK(options.max_iter == reference_options.max_iter);
      CHECK(options.tol == reference_options.tol);
      CHECK(options.shuffle == reference_options.shuffle);
      CHECK(options.n_iter_no_change == reference_options.n_iter_no_change);
      CHECK(options.random_state == seed);
      nn::SgdClassifier sgd(options);
      sgd.fit(x, y);
      INFO("perceptron w = (" << perceptron.coef()(0) << ", " << perceptron.coef()(1) << "), b = "
                              << perceptron.intercept() << "; SGD w = (" << sgd.coef()(0) << ", "
                              << sgd.coef()(1) << "), b = " << sgd.intercept());
      CHECK(sgd.coef()(0) == perceptron.coef()(0));
      CHECK(sgd.coef()(1) == perceptron.coef()(1));
      CHECK(sgd.intercept() == perceptron.intercept());
      CHECK(sgd.n_iter() == perceptron.n_iter());
    }
  }
}

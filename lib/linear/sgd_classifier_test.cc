#include "lib/linear/sgd_classifier.h"

#include <catch2/catch.hpp>

#include "lib/error.h"
#include "lib/linear/perceptron.h"
#include "lib/linear/sklearn_fixture_test.h"

using nn::testing::sklearn_case;

namespace {

// SGDClassifier(loss, eta0=1, learning_rate="constant", penalty=None, shuffle=False).
nn::SgdOptions like_fixture(const std::string& loss) {
  nn::SgdOptions options;
  options.loss = loss;
  options.eta0 = 1.0;
  options.shuffle = false;
  return options;
}

}  // namespace

TEST_CASE("shuffle=false: the same weights, bias and epochs as scikit-learn's SGDClassifier") {
  struct Case {
    const char* fixture;
    const char* loss;
    double alpha;
  };
  for (const Case& c :
       {Case{"sgd_perceptron_petal", "perceptron", 0.0},
        Case{"sgd_perceptron_all", "perceptron", 0.0}, Case{"sgd_hinge_petal", "hinge", 0.0},
        Case{"sgd_log_loss_petal", "log_loss", 0.0}, Case{"sgd_hinge_l2_petal", "hinge", 0.001}}) {
    INFO(c.fixture);
    const auto expected = sklearn_case(c.fixture);
    const nn::Tensor x = nn::testing::case_features(expected);  // (150, k)
    const nn::Labels y = nn::testing::setosa_labels();          // (150,)
    nn::SgdOptions options = like_fixture(c.loss);
    options.alpha = c.alpha;
    nn::SgdClassifier model(options);
    model.fit(x, y);
    nn::testing::require_same_weights(model, expected);
    REQUIRE(model.score(x, y) == expected.train_accuracy);
    if (!expected.predictions.empty()) {
      const nn::Labels predicted = model.predict(nn::testing::two_flowers());
      REQUIRE((predicted == nn::Labels{expected.predictions[0], expected.predictions[1]}));
    }
  }
}

TEST_CASE("the perceptron is SGD on the perceptron loss: equal weights, shuffled or not") {
  const nn::Iris iris = nn::load_iris();
  const nn::Labels y = nn::setosa_vs_rest(iris);
  for (const nn::Tensor& x : {nn::petal_features(iris), iris.features}) {
    for (bool shuffle : {false, true}) {
      for (std::uint64_t seed : {0, 7}) {
        nn::PerceptronOptions p_options;
        p_options.shuffle = shuffle;
        p_options.random_state = seed;
        nn::SgdOptions s_options = like_fixture("perceptron");
        s_options.shuffle = shuffle;
        s_options.random_state = seed;
        nn::Perceptron perceptron(p_options);
        nn::SgdClassifier sgd(s_options);
        perceptron.fit(x, y);
        sgd.fit(x, y);
        REQUIRE((perceptron.coef() == sgd.coef()));  // bit for bit
        REQUIRE(perceptron.intercept() == sgd.intercept());
        REQUIRE(perceptron.n_iter() == sgd.n_iter());
      }
    }
  }
}

TEST_CASE("shuffled SGD: deterministic by seed and accurate for every loss") {
  const nn::Tensor x = nn::petal_features(nn::load_iris());
  const nn::Labels y = nn::testing::setosa_labels();
  for (const char* loss : {"perceptron", "hinge", "log_loss"}) {
    INFO(loss);
    nn::SgdOptions options = like_fixture(loss);
    options.shuffle = true;
    options.random_state = 3;
    nn::SgdClassifier a(options), b(options);
    a.fit(x, y);
    b.fit(x, y);
    REQUIRE((a.coef() == b.coef()));
    REQUIRE(a.intercept() == b.intercept());
    REQUIRE(a.score(x, y) == 1.0);
  }
}

TEST_CASE("the losses and their slopes at a few margins") {
  const nn::MarginLoss hinge = nn::margin_loss("hinge");
  REQUIRE(hinge.loss(0.5, 1.0) == 0.5);
  REQUIRE(hinge.loss(2.0, 1.0) == 0.0);
  REQUIRE(hinge.dloss(1.0, 1.0) == -1.0);  // at the kink: still a correction
  const nn::MarginLoss perceptron = nn::margin_loss("perceptron");
  REQUIRE(perceptron.loss(-2.0, 1.0) == 2.0);
  REQUIRE(perceptron.dloss(0.0, -1.0) == 1.0);  // on the boundary counts as a mistake
  REQUIRE(perceptron.dloss(0.5, 1.0) == 0.0);
  const nn::MarginLoss log = nn::margin_loss("log_loss");
  REQUIRE(log.loss(0.0, 1.0) == Approx(std::log(2.0)));
  REQUIRE(log.dloss(0.0, 1.0) == Approx(-0.5));
  REQUIRE(log.loss(-1000.0, 1.0) == Approx(1000.0));  // no overflow
  REQUIRE_THROWS_WITH(nn::margin_loss("squared"),
                      "SgdClassifier: no loss 'squared' (known: perceptron, hinge, log_loss)");
  nn::SgdOptions options;
  options.learning_rate = "optimal";
  REQUIRE_THROWS_AS(nn::SgdClassifier(options), nn::ValueError);
}

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/error.h"
#include "lib/optimizers/adam.h"
#include "lib/optimizers/sgd.h"

namespace {

// A weight w whose gradient g has arrived, as backward() would leave it.
nn::Parameter weight(float w, float g) {
  nn::Parameter p("w", nn::Tensor({{w}}));
  p.accumulate_grad(nn::Tensor({{g}}));
  return p;
}

}  // namespace

TEST_CASE("SGD: w ← w − lr·g") {
  nn::SGD sgd(0.1);
  nn::Parameter p = weight(1.0f, 2.0f);
  sgd.apply_gradients({&p});
  CHECK(p.value()(0, 0) == Approx(0.8));
  CHECK(sgd.iterations() == 1);
  p.set_trainable(false);
  sgd.apply_gradients({&p});
  CHECK(p.value()(0, 0) == Approx(0.8));
}

TEST_CASE("SGD with momentum, Keras's formula: v ← m·v − lr·g; w ← w + v") {
  nn::SGD sgd(0.1, 0.9);
  nn::Parameter p = weight(1.0f, 1.0f);
  sgd.apply_gradients({&p});  // v = −0.1, w = 0.9
  CHECK(p.value()(0, 0) == Approx(0.9));
  sgd.apply_gradients({&p});  // v = −0.09 − 0.1 = −0.19, w = 0.71
  CHECK(p.value()(0, 0) == Approx(0.71));
  CHECK(sgd.slots(p)[0](0, 0) == Approx(-0.19));
  nn::SGD nesterov(0.1, 0.9, true);
  nn::Parameter q = weight(1.0f, 1.0f);
  nesterov.apply_gradients({&q});  // v = −0.1; w += 0.9·(−0.1) − 0.1 = −0.19
  CHECK(q.value()(0, 0) == Approx(0.81));
}

TEST_CASE("Adam, Keras's formula: the first step moves every weight by about lr") {
  nn::Adam adam(0.01);
  nn::Parameter p = weight(1.0f, 0.5f), q = weight(-1.0f, -3.0f);
  adam.apply_gradients({&p, &q});
  // t = 1: m = 0.1 g, v = 0.001 g², α = lr·√0.001 / 0.1, step = α·m/(√v + ε) ≈ lr·sign(g).
  CHECK(p.value()(0, 0) == Approx(1.0 - 0.01).epsilon(1e-6));
  CHECK(q.value()(0, 0) == Approx(-1.0 + 0.01).epsilon(1e-6));
  p.zero_grad();  // g = 0 for the second step
  adam.apply_gradients({&p});
  // t = 2: m = 0.9·0.05 = 0.045, v = 0.999·0.00025, α = lr·√(1 − β2²)/(1 − β1²).
  const double m = 0.045, v = 0.999 * 0.00025;
  const double alpha = 0.01 * std::sqrt(1 - 0.999 * 0.999) / (1 - 0.9 * 0.9);
  CHECK(p.value()(0, 0) == Approx(0.99 - alpha * m / (std::sqrt(v) + 1e-7)).epsilon(1e-6));
}

TEST_CASE("the learning rate can change between steps; optimizers by name; configs") {
  nn::SGD sgd(0.1);
  nn::Parameter p = weight(1.0f, 1.0f);
  sgd.set_learning_rate(0.5);
  sgd.apply_gradients({&p});
  CHECK(p.value()(0, 0) == Approx(0.5));
  CHECK(sgd.learning_rate() == 0.5);
  CHECK(nn::get_optimizer("sgd")->learning_rate() == Approx(0.01));
  CHECK(nn::get_optimizer("adam")->learning_rate() == Approx(0.001));
  CHECK_THROWS_WITH(nn::get_optimizer("rmsprop"), Catch::Contains("\"adam\""));
  const nlohmann::json config = nn::SGD(0.05, 0.9, true).get_config();
  CHECK(config["name"] == "SGD");
  CHECK(config["learning_rate"] == 0.05);
  CHECK(config["momentum"] == 0.9);
  CHECK(config["nesterov"] == true);
  CHECK(nn::Adam().get_config()["epsilon"] == 1e-7);
  CHECK_THROWS_AS(nn::SGD(-1.0), nn::ValueError);
  CHECK_THROWS_AS(nn::Adam(0.001, 1.0), nn::ValueError);
  // A clone has the settings, not the state.
  auto copy = nn::OptimizerArg(sgd).make();
  CHECK(copy->learning_rate() == 0.5);
  CHECK(copy->iterations() == 0);
}

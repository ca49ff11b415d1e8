#include <catch2/catch.hpp>
#include <cmath>

#include "lib/error.h"
#include "lib/optimizers/adam.h"
#include "lib/optimizers/adamw.h"
#include "lib/optimizers/rmsprop.h"
#include "lib/optimizers/sgd.h"

namespace {

// A weight w whose gradient g has arrived, as backward() would leave it.
nn::Parameter weight(float w, float g) {
  nn::Parameter p("w", nn::Tensor({{w}}));
  p.accumulate_grad(nn::Tensor({{g}}));
  return p;
}

// Three steps of `optimizer` on w = 1 with the gradients 0.5, −0.2, 0.8; w after each.
std::vector<double> three_steps(nn::Optimizer& optimizer, float w = 1.0f) {
  nn::Parameter p = weight(w, 0.5f);
  std::vector<double> after;
  for (float g : {0.5f, -0.2f, 0.8f}) {
    p.zero_grad();
    p.accumulate_grad(nn::Tensor({{g}}));
    optimizer.apply_gradients({&p});
    after.push_back(p.value()(0, 0));
  }
  return after;
}

void check_steps(const std::vector<double>& got, const std::vector<double>& expected) {
  REQUIRE(got.size() == expected.size());
  for (std::size_t t = 0; t < got.size(); ++t) {
    INFO("step " << t + 1);
    CHECK(got[t] == Approx(expected[t]).epsilon(1e-6));
  }
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
  CHECK_THROWS_WITH(nn::get_optimizer("adagrad"),
                    Catch::Contains("\"adam\"") && Catch::Contains("\"rmsprop\""));
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

// The references below are Keras 3's update rules (keras/src/optimizers/rmsprop.py, adam.py,
// and base_optimizer.py's _apply_weight_decay) run in float64 with numpy, rounded to 8
// decimals; the formulas are at the top of lib/optimizers/rmsprop.h and adamw.h.

TEST_CASE("RMSprop: Keras's documented example, ε under the square root") {
  // Keras's docstring: RMSprop(learning_rate=0.1) on loss = w²/2 (so g = w) from w = 10 gives
  // 9.683772 after one minimize(): v = 0.1·100, w = 10 − 0.1·10/√(10 + 1e-7).
  nn::RMSprop rmsprop(0.1);
  nn::Parameter p("w", nn::Tensor({{10.0f}}));
  std::vector<double> after;
  for (int t = 0; t < 3; ++t) {
    p.zero_grad();
    p.accumulate_grad(p.value());  // g = w
    rmsprop.apply_gradients({&p});
    after.push_back(p.value()(0, 0));
  }
  check_steps(after, {9.68377224, 9.45788025, 9.27053098});
  REQUIRE(rmsprop.slots(p).size() == 1);  // v only
  CHECK(rmsprop.slots(p)[0](0, 0) ==
        Approx(0.1 * 100.0 * 0.81 + 0.1 * 0.9 * 9.68377224 * 9.68377224 +
               0.1 * 9.45788025 * 9.45788025));
  // A tiny gradient shows where ε goes: √(v + ε) = √(1e-9 + 1e-7) gives a step of 0.0031;
  // √v + ε (Adam's, PyTorch's) would give 0.0315.
  nn::RMSprop tiny(0.01);
  nn::Parameter q = weight(1.0f, 1e-4f);
  tiny.apply_gradients({&q});
  CHECK(q.value()(0, 0) == Approx(0.99685342).epsilon(1e-6));
}

TEST_CASE("RMSprop with momentum, centered, and both") {
  nn::RMSprop momentum(0.01, 0.9, 0.5);
  check_steps(three_steps(momentum), {0.96837729, 0.96485181, 0.93609808});
  nn::RMSprop centered(0.01, 0.9, 0.0, 1e-7, true);
  check_steps(three_steps(centered), {0.96666674, 0.97910011, 0.95033427});
  nn::RMSprop both(0.01, 0.9, 0.5, 1e-7, true);
  check_steps(three_steps(both), {0.96666674, 0.96243348, 0.93155101});
  // Keras's order of the slots: velocity, momentum, average gradient.
  nn::Parameter p = weight(1.0f, 0.5f);
  both.apply_gradients({&p});
  REQUIRE(both.slots(p).size() == 3);
  CHECK(both.slots(p)[0](0, 0) == Approx(0.1 * 0.25));  // v = (1 − ρ)·g²
  CHECK(both.slots(p)[2](0, 0) == Approx(0.1 * 0.5));   // a = (1 − ρ)·g
  // Step 1, by hand: Δ = 0.01·0.5/√(0.025 − 0.0025 + 1e-7) = b; w = 1 − b.
  CHECK(both.slots(p)[1](0, 0) == Approx(0.005 / std::sqrt(0.0225 + 1e-7)));
}

TEST_CASE("AdamW: the decay w·lr·λ comes off before Adam's step") {
  // With no gradient Adam's step is 0 (m = 0), so only the decay moves w: w·(1 − lr·λ).
  nn::AdamW decay_only(0.1, 0.5);
  nn::Parameter p("w", nn::Tensor({{2.0f, -4.0f}}));
  p.accumulate_grad(nn::Tensor({{0.0f, 0.0f}}));
  decay_only.apply_gradients({&p});
  CHECK(p.value()(0, 0) == Approx(2.0 * 0.95));
  CHECK(p.value()(0, 1) == Approx(-4.0 * 0.95));
  nn::AdamW adamw(0.01, 0.1);
  check_steps(three_steps(adamw), {0.98900006, 0.98455503, 0.97677873});
  nn::AdamW defaults;  // Keras 3's: lr 0.001, λ 0.004
  check_steps(three_steps(defaults, 2.0f), {1.99899201, 1.99863841, 1.99795124});
  // λ = 0 is Adam.
  nn::AdamW no_decay(0.01, 0.0);
  nn::Adam adam(0.01);
  check_steps(three_steps(no_decay), three_steps(adam));
  CHECK_THROWS_AS(nn::AdamW(0.001, -0.1), nn::ValueError);
  CHECK_THROWS_AS(nn::AdamW(0.001, 0.004, 1.0), nn::ValueError);
}

TEST_CASE("RMSprop and AdamW: by name with Keras 3's defaults, configs, clones") {
  const auto rmsprop = nn::get_optimizer("rmsprop");
  CHECK(rmsprop->name() == "RMSprop");
  const nlohmann::json r = rmsprop->get_config();
  CHECK(r == nlohmann::json({{"name", "RMSprop"},
                             {"learning_rate", 0.001},
                             {"rho", 0.9},
                             {"momentum", 0.0},
                             {"epsilon", 1e-7},
                             {"centered", false}}));
  const auto adamw = nn::get_optimizer("adamw");
  CHECK(adamw->name() == "AdamW");
  const nlohmann::json a = adamw->get_config();
  CHECK(a == nlohmann::json({{"name", "AdamW"},
                             {"learning_rate", 0.001},
                             {"weight_decay", 0.004},
                             {"beta_1", 0.9},
                             {"beta_2", 0.999},
                             {"epsilon", 1e-7},
                             {"amsgrad", false}}));
  CHECK(nn::OptimizerArg(nn::RMSprop(0.01, 0.8, 0.3, 1e-6, true)).make()->get_config() ==
        nn::RMSprop(0.01, 0.8, 0.3, 1e-6, true).get_config());
  const auto copy = nn::OptimizerArg(nn::AdamW(0.02, 0.01)).make();
  CHECK(copy->name() == "AdamW");
  CHECK(copy->get_config()["weight_decay"] == 0.01);
  CHECK_THROWS_AS(nn::RMSprop(-0.1), nn::ValueError);
  CHECK_THROWS_WITH(nn::RMSprop(0.001, 1.0), Catch::Contains("rho"));
  CHECK_THROWS_WITH(nn::RMSprop(0.001, 0.9, 1.5), Catch::Contains("momentum"));
  CHECK_THROWS_AS(nn::RMSprop(0.001, 0.9, 0.0, -1.0), nn::ValueError);
}

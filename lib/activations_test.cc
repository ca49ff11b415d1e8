#include "lib/activations.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/error.h"

TEST_CASE("activations on tensors") {
  const nn::Tensor z = {{-2.0f, 0.0f, 3.0f}};
  CHECK((nn::relu(z) == nn::Tensor({{0.0f, 0.0f, 3.0f}})));
  CHECK((nn::step(z) == nn::Tensor({{0.0f, 1.0f, 1.0f}})));
  CHECK((nn::identity(z) == z));
  const nn::Tensor s = nn::sigmoid(z);
  CHECK(s(0, 0) == Approx(1.0 / (1.0 + std::exp(2.0))));
  CHECK(s(0, 1) == 0.5f);
  CHECK(nn::tanh(z)(0, 2) == Approx(std::tanh(3.0)));
  CHECK(nn::softplus(z)(0, 0) == Approx(std::log1p(std::exp(-2.0))));
}

TEST_CASE("softplus and softmax stay finite for huge inputs") {
  const nn::Tensor z = {{1000.0f, -1000.0f, 0.0f}, {-1000.0f, -1001.0f, -1002.0f}};
  const nn::Tensor sp = nn::softplus(z);
  CHECK(sp(0, 0) == 1000.0f);
  CHECK(sp(0, 1) == 0.0f);
  const nn::Tensor p = nn::softmax(z);
  CHECK(p(0, 0) == 1.0f);
  CHECK(p(0, 1) == 0.0f);
  // Row 2: the same as softmax of (0, −1, −2).
  const double total = 1.0 + std::exp(-1.0) + std::exp(-2.0);
  CHECK(p(1, 0) == Approx(1.0 / total));
  CHECK(p(1, 2) == Approx(std::exp(-2.0) / total));
  for (float v : p) CHECK(std::isfinite(v));
}

TEST_CASE("activations by Keras name; an unknown name lists the known ones") {
  nn::Var z(nn::Tensor({{-1.0f, 2.0f}}));
  CHECK((nn::activation_by_name("relu")(z).value() == nn::Tensor({{0.0f, 2.0f}})));
  CHECK(nn::activation_by_name("linear")(z).node() == z.node());
  CHECK(nn::activation_by_name("")(z).node() == z.node());
  CHECK(nn::activation_by_name("softmax")(z).op() == "softmax");
  CHECK_THROWS_AS(nn::activation_by_name("rleu"), nn::ValueError);
  CHECK_THROWS_WITH(nn::activation_by_name("rleu"),
                    Catch::Contains("rleu") && Catch::Contains("\"relu\"") &&
                        Catch::Contains("\"sigmoid\"") && Catch::Contains("\"softmax\"") &&
                        Catch::Contains("\"tanh\"") && Catch::Contains("\"linear\""));
  CHECK(nn::activation_names().size() == 7);
}

TEST_CASE("the step has no gradient: its backward throws") {
  nn::Var z(nn::Tensor({{-1.0f, 2.0f}}), true);
  nn::Var y = nn::step(z);
  CHECK((y.value() == nn::Tensor({{0.0f, 1.0f}})));
  nn::Var loss = nn::Var::from_op(nn::Tensor({{1.0f}}), {y}, "probe",
                                  [y](const nn::Tensor&, const nn::Tensor&) {
                                    y.accumulate_grad(nn::Tensor({{1.0f, 1.0f}}));
                                  });
  CHECK_THROWS_WITH(loss.backward(), Catch::Contains("no useful gradient"));
}

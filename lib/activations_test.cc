#include "lib/activations.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/error.h"
#include "lib/gradient_check.h"

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
  CHECK(nn::activation_names().size() == 13);
  for (const char* name : {"leaky_relu", "elu", "selu", "gelu", "swish", "silu"}) {
    CHECK(nn::activation_by_name(name)(z).value()(0, 1) > 0.0f);
  }
  CHECK(nn::activation_by_name("silu")(z).op() == "swish");
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

namespace {

// Every entry of got within 1e-6 of the reference (float32 carries about 7 digits).
void check_values(const nn::Tensor& got, const std::vector<double>& expected) {
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(got.data()[i] == Approx(expected[i]).margin(1e-6));
  }
}

}  // namespace

TEST_CASE("Keras 3's smooth ReLUs on tensors, against the published formulas") {
  const nn::Tensor z = {{-3.0f, -0.5f, 0.75f, 2.0f}};
  // References: Python's math module in float64 from the formulas at the top of
  // lib/activations.h (expm1, erf, 1/(1 + exp(−z))), rounded to 9 decimals.
  check_values(nn::leaky_relu(z), {-0.6, -0.1, 0.75, 2.0});  // Keras 3's slope 0.2
  check_values(nn::leaky_relu(z, 0.01f), {-0.03, -0.005, 0.75, 2.0});
  check_values(nn::elu(z), {-0.950212932, -0.39346934, 0.75, 2.0});
  check_values(nn::selu(z), {-1.670568729, -0.691758188, 0.788025741, 2.101401975});
  check_values(nn::gelu(z), {-0.004049694, -0.154268769, 0.580029486, 1.954499736});
  check_values(nn::swish(z), {-0.14227762, -0.188770334, 0.509384024, 1.761594156});
  // SELU's constants are Keras's: λα is its value far below zero, λ its slope above.
  CHECK(nn::selu(nn::Tensor({{-100.0f}}))(0, 0) ==
        Approx(-1.67326324235437728481 * 1.05070098735548049342));
}

TEST_CASE("the smooth ReLUs stay finite at |z| = 100, on tensors and through backward") {
  const nn::Tensor big = {{-100.0f, 100.0f}};
  CHECK((nn::elu(big) == nn::Tensor({{-1.0f, 100.0f}})));
  CHECK((nn::gelu(big) == nn::Tensor({{0.0f, 100.0f}})));
  CHECK(nn::swish(big)(0, 0) == Approx(-3.72e-42).margin(1e-43));  // −100·e^−100, subnormal
  CHECK(nn::swish(big)(0, 1) == 100.0f);
  CHECK(nn::leaky_relu(big)(0, 0) == Approx(-20.0));
  for (const char* name : {"leaky_relu", "elu", "selu", "gelu", "swish"}) {
    INFO(name);
    nn::Var z(big, true);
    nn::weighted_sum(nn::activation_by_name(name)(z), nn::Tensor({{1.0f, 1.0f}})).backward();
    for (float v : z.value()) CHECK(std::isfinite(v));
    for (float g : z.grad()) CHECK(std::isfinite(g));
    CHECK(z.grad()(0, 1) == Approx(std::string(name) == "selu" ? 1.05070098735548049342 : 1.0));
  }
}

TEST_CASE("the smooth ReLUs' backward agrees with finite differences") {
  // Entries on both sides of 0 and away from it (leaky ReLU, ELU and SELU have a kink there).
  const nn::Tensor z0 = {{-2.5f, -0.7f, -0.2f}, {0.3f, 1.1f, 3.0f}};
  const nn::Tensor w = {{0.5f, -1.0f, 2.0f}, {1.5f, -0.25f, 0.75f}};
  for (const char* name : {"leaky_relu", "elu", "selu", "gelu", "swish"}) {
    INFO(name);
    nn::Var z(z0, true);
    const nn::ActivationFn f = nn::activation_by_name(name);
    const nn::GradientCheckResult result =
        nn::gradient_check([&] { return nn::weighted_sum(f(z), w); }, {z});
    INFO(result.worst);
    CHECK(result.passed);
    CHECK(result.checked == 6);
  }
  nn::Var z(z0, true);  // an α other than Keras's default
  CHECK(nn::gradient_check([&] { return nn::weighted_sum(nn::elu(z, 0.5f), w); }, {z}).passed);
}

#include "lib/regularizers.h"

#include <catch2/catch.hpp>

#include "lib/error.h"
#include "lib/gradient_check.h"

namespace {

// Σ|w| = 4, Σw² = 6.5, and a zero where |w| has its kink.
nn::Parameter kernel() {
  return nn::Parameter("kernel", nn::Tensor({{0.5f, -1.5f}, {0.0f, 2.0f}}));
}

}  // namespace

TEST_CASE("penalties as Keras 3 defines them: l1·Σ|w|, l2·Σw² (no ½)") {
  const nn::Parameter w = kernel();
  // By hand from the Σ above.
  CHECK(nn::L1().penalty(w.value()) == Approx(0.01 * 4.0));
  CHECK(nn::L2().penalty(w.value()) == Approx(0.01 * 6.5));
  CHECK(nn::L1L2(0.1, 0.2).penalty(w.value()) == Approx(0.1 * 4.0 + 0.2 * 6.5));
  CHECK(nn::L1L2().penalty(w.value()) == 0.0f);  // Keras's class defaults: no penalty
  const nn::Var on_tape = nn::L1L2(0.1, 0.2).penalty(w);
  CHECK(on_tape.rows() == 1);
  CHECK(on_tape.cols() == 1);
  CHECK(on_tape.item() == Approx(1.7));
}

TEST_CASE("backward gives the weight l1·sign(w) + 2·l2·w, with sign(0) = 0") {
  nn::Parameter w = kernel();
  nn::L1L2(0.1, 0.2).penalty(w).backward();
  // By hand: 0.1·sign(w) + 0.4·w.
  const nn::Tensor expected = {{0.1f + 0.2f, -0.1f - 0.6f}, {0.0f, 0.1f + 0.8f}};
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(w.grad().data()[i] == Approx(expected.data()[i]));
  }
  // A frozen weight gets none.
  nn::Parameter frozen("kernel", nn::Tensor({{1.0f}}), false);
  const nn::Var penalty = nn::L2().penalty(frozen);
  CHECK(!penalty.requires_grad());
}

TEST_CASE("the penalties' gradients agree with finite differences") {
  // Away from w = 0, where |w| has its kink.
  nn::Parameter w("kernel", nn::Tensor({{0.5f, -1.5f, 0.25f}, {-0.3f, 2.0f, -0.8f}}));
  const nn::Tensor scale = {{1.5f}};  // a dy other than 1
  for (const nn::Regularizer& r : {nn::Regularizer(nn::L1(0.3)), nn::Regularizer(nn::L2(0.7)),
                                   nn::Regularizer(nn::L1L2(0.3, 0.7))}) {
    INFO(r.class_name());
    const nn::GradientCheckResult result =
        nn::gradient_check([&] { return nn::weighted_sum(r.penalty(w), scale); }, {}, {&w});
    INFO(result.worst);
    CHECK(result.passed);
    CHECK(result.checked == 6);
  }
}

TEST_CASE("regularizers by Keras name, with Keras's defaults") {
  CHECK(nn::Regularizer("l1").class_name() == "L1");
  CHECK(nn::Regularizer("l1").l1() == 0.01);
  CHECK(nn::Regularizer("l2").l2() == 0.01);
  CHECK(nn::Regularizer("l2").l1() == 0.0);
  const nn::Regularizer both = "l1_l2";  // as Keras's docstring: both 0.01
  CHECK(both.class_name() == "L1L2");
  CHECK(both.l1() == 0.01);
  CHECK(both.l2() == 0.01);
  CHECK(nn::regularizer_names() == std::vector<std::string>{"l1", "l1_l2", "l2"});
  CHECK_THROWS_WITH(nn::Regularizer("l3"), Catch::Contains("'l3'") && Catch::Contains("\"l1_l2\""));
  CHECK_THROWS_WITH(nn::L2(-0.1), Catch::Contains("l2"));
  CHECK_THROWS_AS(nn::L1(std::nan("")), nn::ValueError);
}

TEST_CASE("get_config writes Keras's class names and keys; from_config reads them back") {
  using nlohmann::json;
  CHECK(nn::L1(0.05).get_config() ==
        json::parse(R"({"class_name": "L1", "config": {"l1": 0.05}})"));
  CHECK(nn::L2().get_config() == json::parse(R"({"class_name": "L2", "config": {"l2": 0.01}})"));
  CHECK(nn::L1L2(0.1, 0.2).get_config() ==
        json::parse(R"({"class_name": "L1L2", "config": {"l1": 0.1, "l2": 0.2}})"));
  for (const nn::Regularizer& r : {nn::Regularizer(nn::L1(0.05)), nn::Regularizer(nn::L2(0.3)),
                                   nn::Regularizer(nn::L1L2(0.1, 0.2))}) {
    const nn::Regularizer back = nn::Regularizer::from_config(r.get_config());
    CHECK(back.get_config() == r.get_config());
  }
  // Keras 3's serialized form, with module and registered_name; a null factor is the default.
  const nn::Regularizer keras3 = nn::Regularizer::from_config(json::parse(
      R"({"module": "keras.regularizers", "class_name": "L2", "config": {"l2": null},
          "registered_name": null})"));
  CHECK(keras3.class_name() == "L2");
  CHECK(keras3.l2() == 0.01);
  CHECK(nn::Regularizer::from_config("l1").l1() == 0.01);
}

TEST_CASE("from_config: a ValueError naming what is wrong") {
  using nlohmann::json;
  const auto from = [](const char* text) {
    return nn::Regularizer::from_config(json::parse(text));
  };
  CHECK_THROWS_WITH(from(R"({"class_name": "L3", "config": {}})"),
                    Catch::Contains("'L3'") && Catch::Contains("\"L1L2\""));
  CHECK_THROWS_WITH(from(R"({"class_name": "L2", "config": {"l2": "big"}})"),
                    Catch::Contains("L2: l2") && Catch::Contains("\"big\""));
  CHECK_THROWS_WITH(from(R"({"class_name": "L1L2", "config": {"l1": -1.0}})"),
                    Catch::Contains("l1") && Catch::Contains("-1"));
  CHECK_THROWS_WITH(from(R"({"class_name": "L1", "config": {"l2": 0.1}})"),
                    Catch::Contains("'l2'"));
  CHECK_THROWS_WITH(from(R"({"class_name": "L1", "config": [0.1]})"), Catch::Contains("config"));
  CHECK_THROWS_WITH(from(R"({"config": {"l1": 0.1}})"), Catch::Contains("class_name"));
  CHECK_THROWS_AS(from("3"), nn::ValueError);
}

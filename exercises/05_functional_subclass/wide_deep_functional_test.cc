// Tests for exercise 5.1. Do not edit: `./book grade` runs them against your
// wide_deep_functional.cc.
#include "exercises/05_functional_subclass/wide_deep_functional.h"

#include <catch2/catch.hpp>
#include <cmath>
#include <memory>
#include <string>
#include <xtensor/xbuilder.hpp>

using exercises::wide_and_deep;

namespace {

std::shared_ptr<nn::DenseLayer> dense(const nn::Model& model, const std::string& name) {
  auto layer = std::dynamic_pointer_cast<nn::DenseLayer>(model.get_layer(name));
  INFO("layer " << name);
  REQUIRE(layer != nullptr);
  return layer;
}

// y = x·W + b, then ReLU if asked: (rows, in) -> (rows, out), with plain loops.
nn::Tensor affine(const nn::Tensor& x, nn::DenseLayer& layer, bool relu) {
  const nn::Tensor& W = layer.kernel().value();
  const nn::Tensor& b = layer.bias().value();
  nn::Tensor y = nn::Tensor::from_shape({x.shape(0), W.shape(1)});
  for (std::size_t r = 0; r < x.shape(0); ++r) {
    for (std::size_t c = 0; c < W.shape(1); ++c) {
      double z = b(0, c);
      for (std::size_t k = 0; k < x.shape(1); ++k) z += double(x(r, k)) * W(k, c);
      y(r, c) = static_cast<float>(relu ? std::max(0.0, z) : z);
    }
  }
  return y;
}

}  // namespace

TEST_CASE("the model has the five named layers, in graph order") {
  nn::Functional model = wide_and_deep(8, 30);
  CHECK(model.name() == "wide_and_deep");
  std::vector<std::string> names;
  for (const auto& layer : model.layers()) names.push_back(layer->name());
  CHECK(names == std::vector<std::string>{"features", "hidden1", "hidden2", "concat", "output"});
  REQUIRE(model.inputs().size() == 1);
  CHECK(model.inputs()[0].shape_string() == "(None, 8)");
  REQUIRE(model.outputs().size() == 1);
  CHECK(model.outputs()[0].shape_string() == "(None, 1)");
  CHECK(dense(model, "hidden1")->activation() == "relu");
  CHECK(dense(model, "hidden2")->activation() == "relu");
  CHECK(dense(model, "output")->activation() == "linear");
  CHECK(dense(model, "hidden2")->units() == 30);
}

TEST_CASE("the concatenation joins the input and hidden2, in that order") {
  nn::Functional model = wide_and_deep(8, 30);
  const nlohmann::json config = model.get_config();
  REQUIRE(config["layers"].size() == 5);
  INFO(config["layers"].dump(1));
  CHECK(config["layers"][3]["inbound_nodes"] ==
        nlohmann::json::parse(R"([[["features", 0, 0, {}], ["hidden2", 0, 0, {}]]])"));
  CHECK(config["layers"][4]["inbound_nodes"] ==
        nlohmann::json::parse(R"([[["concat", 0, 0, {}]]])"));
  CHECK(config["layers"][2]["inbound_nodes"] ==
        nlohmann::json::parse(R"([[["hidden1", 0, 0, {}]]])"));
  CHECK(model.outputs()[0].inputs()[0].width() == 38);  // 8 + 30
}

TEST_CASE("parameter counts: (f·u + u) + (u² + u) + (f + u + 1)") {
  CHECK(wide_and_deep(8, 30).count_params() == 1239);
  CHECK(wide_and_deep(3, 4).count_params() == (12 + 4) + (16 + 4) + (3 + 4 + 1));
}

TEST_CASE("its predictions are the Wide & Deep formula, computed by hand") {
  nn::set_random_seed(5);
  nn::Functional model = wide_and_deep(4, 6);
  const nn::Tensor x = nn::Rng(6).normal_tensor(10, 4);
  const nn::Tensor h = affine(affine(x, *dense(model, "hidden1"), true), *dense(model, "hidden2"),
                              true);                             // (10, 6)
  const nn::Tensor both = xt::concatenate(xt::xtuple(x, h), 1);  // (10, 10)
  const nn::Tensor expected = affine(both, *dense(model, "output"), false);
  const nn::Tensor got = model.predict(x);
  REQUIRE(got.shape() == expected.shape());
  for (std::size_t r = 0; r < 10; ++r) {
    INFO("row " << r << ": expected " << expected(r, 0) << ", got " << got(r, 0));
    CHECK(got(r, 0) == Approx(expected(r, 0)).margin(1e-5));
  }
}

// Flatten, Activation, Dropout, and what every layer shares.
#include <catch2/catch.hpp>

#include "lib/error.h"
#include "lib/gradient_check.h"
#include "lib/layers/activation.h"
#include "lib/layers/dense.h"
#include "lib/layers/dropout.h"
#include "lib/layers/flatten.h"

TEST_CASE("Flatten records the example's shape and passes x through") {
  nn::Flatten flatten({28, 28});
  CHECK(flatten->declared_input_dim() == 784u);
  nn::Var x(nn::Tensor(xt::ones<float>({2, 784})));
  CHECK(flatten(x).node() == x.node());
  CHECK(flatten->get_config()["batch_input_shape"] == nlohmann::json::parse("[null, 28, 28]"));
  nn::Var wrong(nn::Tensor(xt::ones<float>({2, 783})));
  CHECK_THROWS_WITH(flatten(wrong), Catch::Contains("flatten") &&
                                        Catch::Contains("(None, 28, 28)") &&
                                        Catch::Contains("(2, 783)"));
  nn::Flatten any;
  CHECK_FALSE(any->declared_input_dim());
  CHECK(any(wrong).cols() == 783);
  CHECK(any->input_shape() == std::vector<std::size_t>{783});
}

TEST_CASE("Activation applies its function and has Keras's config") {
  nn::Activation relu("relu");
  nn::Var y = relu(nn::Var(nn::Tensor({{-1, 2}})));
  CHECK((y.value() == nn::Tensor({{0, 2}})));
  CHECK(relu->get_config()["activation"] == "relu");
  CHECK(relu->class_name() == "Activation");
  CHECK(relu->name() == "activation");
  CHECK_THROWS_AS(nn::Activation("hard_sigmoid"), nn::ValueError);
}

TEST_CASE("Dropout: identity at inference; in training, inverted and seeded") {
  nn::Dropout dropout(0.25, 3);
  nn::Var x(nn::Tensor(xt::ones<float>({200, 50})), true);
  CHECK(dropout(x).node() == x.node());  // the learning phase is off by default
  CHECK(dropout(x, false).node() == x.node());
  nn::Var y = dropout(x, true);
  std::size_t kept = 0;
  for (float v : y.value()) {
    CHECK((v == 0.0f || v == Approx(1.0f / 0.75f)));
    kept += v != 0.0f;
  }
  CHECK(kept / 10000.0 == Approx(0.75).margin(0.02));
  nn::weighted_sum(y, xt::ones<float>({200, 50})).backward();
  CHECK((x.grad() == y.value()));  // dx = m, the same mask
  {
    nn::LearningPhaseScope training(true);
    CHECK(dropout(x).node() != x.node());
  }
  nn::Dropout same_seed(0.25, 3);
  CHECK((same_seed(x, true).value() == y.value()));
  CHECK((dropout(x, true).value() != y.value()));  // a new mask every call
  CHECK_THROWS_AS(nn::Dropout(1.0), nn::ValueError);
  CHECK(dropout->get_config()["rate"] == 0.25);
}

TEST_CASE("to_snake_case follows Keras") {
  CHECK(nn::to_snake_case("Dense") == "dense");
  CHECK(nn::to_snake_case("BatchNormalization") == "batch_normalization");
  CHECK(nn::to_snake_case("ReLU") == "re_lu");
}

namespace {

// A layer of one's own: y = a·x with one trainable scalar a, as an exercise might write it.
class Scale : public nn::Layer {
 public:
  Scale() : nn::Layer("") {}
  std::string class_name() const override { return "Scale"; }
  void build(const std::vector<std::size_t>& input_dims) override {
    a_.value() = {{2.0f}};
    nn::Layer::build(input_dims);
  }
  using nn::Layer::forward;
  nn::Var forward(const std::vector<nn::Var>& inputs, bool) override {
    const nn::Var& x = single_input(inputs);
    const nn::Var a = a_;  // the weight is an input of the op, like x
    return nn::Var::from_op(a.value()(0, 0) * x.value(), {x, a}, "scale",
                            [x, a](const nn::Tensor&, const nn::Tensor& dy) {
                              const nn::Tensor da = {{xt::sum(dy * x.value())()}};
                              if (a.requires_grad()) a.accumulate_grad(da);  // da += Σ dy·x
                              if (x.requires_grad()) x.accumulate_grad(a.value()(0, 0) * dy);
                            });
  }
  std::vector<nn::Parameter*> parameters() override { return {&a_}; }

 private:
  nn::Parameter a_{"a"};
};

}  // namespace

TEST_CASE("a layer of your own plugs in through make_layer") {
  auto scale = nn::make_layer<Scale>();
  nn::Var x(nn::Tensor({{1, 2}, {3, 4}}), true);
  nn::Var y = scale(x);
  CHECK(scale->built());
  CHECK((y.value() == nn::Tensor({{2, 4}, {6, 8}})));
  const auto result = nn::gradient_check(
      [&] {
        return nn::weighted_sum(scale(x), nn::Tensor({{1, -1}, {0.5f, 2}}));
      },
      {x}, scale->parameters());
  INFO(result.worst);
  CHECK(result.passed);
  CHECK(scale->count_params() == 1);
}

namespace hook {

// What the functional API will do: a symbolic input type, and a call_layer overload found
// by argument-dependent lookup, so that handle(symbol) records instead of computing.
struct Symbol {
  std::vector<std::string> calls;
};

Symbol call_layer(std::shared_ptr<nn::Layer> layer, const Symbol& input) {
  Symbol output = input;
  output.calls.push_back(layer->name());
  return output;
}

}  // namespace hook

TEST_CASE("LayerHandle calls a call_layer overload for other input types") {
  nn::Dense dense(4, "relu", "glorot_uniform", "zeros", "hidden");
  nn::Flatten flatten({2, 2});
  const hook::Symbol out = dense(flatten(hook::Symbol{}));
  CHECK(out.calls == std::vector<std::string>{"flatten", "hidden"});
  CHECK_FALSE(dense->built());  // nothing computed
}

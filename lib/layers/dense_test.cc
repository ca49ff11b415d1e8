#include "lib/layers/dense.h"

#include <catch2/catch.hpp>

#include "lib/error.h"
#include "lib/initializers.h"

TEST_CASE("Dense builds on first use: W (in, units) Glorot-uniform, b (1, units) zeros") {
  nn::Dense dense(3, "relu");
  CHECK_FALSE(dense->built());
  CHECK(dense->parameters().empty());
  nn::Var y = dense(nn::Var(nn::Tensor({{1, 2, 3, 4}, {0, 0, 0, 0}})));
  REQUIRE(dense->built());
  CHECK(dense->kernel().value().shape() == std::array<std::size_t, 2>{4, 3});
  CHECK(dense->bias().value().shape() == std::array<std::size_t, 2>{1, 3});
  CHECK((dense->bias().value() == xt::zeros<float>({1, 3})));
  const float limit = std::sqrt(6.0f / 7.0f);
  for (float w : dense->kernel().value()) CHECK(std::abs(w) <= limit);
  CHECK(y.value().shape() == std::array<std::size_t, 2>{2, 3});
  CHECK(dense->count_params() == 4 * 3 + 3);
  CHECK(dense->output_dim({4}) == 3);
}

TEST_CASE("Dense computes activation(x·W + b)") {
  nn::Dense dense(2, "linear");
  dense->build({3});
  dense->set_weights({nn::Tensor({{1, 0}, {0, 1}, {1, -1}}), nn::Tensor({{0.5f, -0.5f}})});
  nn::Var y = dense(nn::Var(nn::Tensor({{1, 2, 3}})));
  CHECK((y.value() == nn::Tensor({{4.5f, -1.5f}})));
  nn::Dense relu(2, "relu");
  relu->build({3});
  relu->set_weights(dense->get_weights());
  CHECK((relu(nn::Var(nn::Tensor({{1, 2, 3}}))).value() == nn::Tensor({{4.5f, 0.0f}})));
}

TEST_CASE("dense_forward and dense_backward, the pieces an exercise calls") {
  const nn::Tensor x = {{1, 2}, {3, 4}}, W = {{1, 0, 2}, {0, 1, 1}}, b = {{1, 1, 1}};
  nn::Tensor z = nn::Tensor::from_shape({2, 3});
  nn::dense_forward(x, W, &b, z);
  CHECK((z == nn::Tensor({{2, 3, 5}, {4, 5, 11}})));
  const nn::Tensor dz = {{1, 0, 1}, {0, 1, 0}};
  nn::Tensor dW = xt::zeros<float>({2, 3}), db = xt::zeros<float>({1, 3}),
             dx = xt::zeros<float>({2, 2});
  nn::dense_backward(x, W, dz, &dW, &db, &dx);
  CHECK((dW == nn::Tensor({{1, 3, 1}, {2, 4, 2}})));    // xᵀ·dz
  CHECK((db == nn::Tensor({{1, 1, 1}})));               // Σ_rows dz
  CHECK((dx == nn::Tensor({{3, 1}, {0, 1}})));          // dz·Wᵀ
  nn::dense_backward(x, W, dz, &dW, nullptr, nullptr);  // adds up
  CHECK(dW(1, 1) == 8.0f);
}

TEST_CASE("a shape mismatch names the layer and both shapes") {
  nn::Dense dense(300, "relu", "glorot_uniform", "zeros", "hidden1");
  dense->build({784});
  nn::Var x(nn::Tensor(xt::zeros<float>({32, 783})));
  CHECK_THROWS_AS(dense(x), nn::ShapeError);
  CHECK_THROWS_WITH(dense(x), Catch::Contains("hidden1") && Catch::Contains("(32, 783)") &&
                                  Catch::Contains("(784, 300)"));
}

TEST_CASE("a kernel of more than 2^28 weights is refused by name, not allocated") {
  nn::Dense dense(4, "relu", "glorot_uniform", "zeros", "huge");
  CHECK_THROWS_AS(dense->build({2111111111}), nn::ValueError);
  CHECK_THROWS_WITH(dense->build({2111111111}),
                    Catch::Contains("huge") && Catch::Contains("(2111111111, 4)"));
  CHECK_THROWS_AS(dense->build({(std::size_t{1} << 26) + 1}), nn::ValueError);  // 2^28 + 4
  CHECK_NOTHROW(dense->build({784}));
}

TEST_CASE("set_weights checks the count and every shape") {
  nn::Dense dense(2);
  CHECK_THROWS_WITH(dense->set_weights({}), Catch::Contains("not built"));
  dense->build({3});
  CHECK_THROWS_AS(dense->set_weights({nn::Tensor({{1, 2}})}), nn::ValueError);
  CHECK_THROWS_AS(dense->set_weights({xt::zeros<float>({2, 3}), xt::zeros<float>({1, 2})}),
                  nn::ShapeError);
  CHECK_THROWS_WITH(dense->set_weights({xt::zeros<float>({2, 3}), xt::zeros<float>({1, 2})}),
                    Catch::Contains("dense") && Catch::Contains("kernel") &&
                        Catch::Contains("(3, 2)") && Catch::Contains("(2, 3)"));
}

TEST_CASE("handles share one layer, like Python references") {
  nn::Dense a(4, "tanh");
  nn::Dense b = a;  // the same layer
  a->build({2});
  CHECK(b->built());
  b->kernel().value()(0, 0) = 42.0f;
  CHECK(a->kernel().value()(0, 0) == 42.0f);
  std::shared_ptr<nn::Layer> as_layer = a;
  CHECK(as_layer.get() == b.ptr().get());
  CHECK(as_layer->class_name() == "Dense");
}

TEST_CASE("Dense's config has Keras's keys") {
  nn::Dense dense(300, "relu", nn::HeNormal(), "zeros", "hidden");
  const nlohmann::json config = dense->get_config();
  CHECK(config["name"] == "hidden");
  CHECK(config["units"] == 300);
  CHECK(config["activation"] == "relu");
  CHECK(config["use_bias"] == true);
  CHECK(config["trainable"] == true);
  CHECK(config["kernel_initializer"]["class_name"] == "HeNormal");
  CHECK(config["bias_initializer"]["class_name"] == "Zeros");
  CHECK(config.contains("kernel_regularizer"));
  CHECK(nn::Dense(1)->get_config()["activation"] == "linear");
}

TEST_CASE("bad settings are refused with the names that would work") {
  CHECK_THROWS_AS(nn::Dense(0), nn::ValueError);
  CHECK_THROWS_WITH(nn::Dense(3, "rellu"), Catch::Contains("\"relu\""));
  CHECK_THROWS_WITH(nn::Dense(3, "relu", "glorot"), Catch::Contains("\"glorot_uniform\""));
}

TEST_CASE("the same seed gives the same weights; frozen layers get no gradient") {
  nn::set_random_seed(7);
  nn::Dense a(5);
  nn::set_random_seed(7);
  nn::Dense b(5);
  a->build({3});
  b->build({3});
  CHECK((a->kernel().value() == b->kernel().value()));
  nn::Dense c(5);
  c->build({3});
  CHECK((c->kernel().value() != a->kernel().value()));

  a->set_trainable(false);
  nn::Var x(nn::Tensor({{1, 2, 3}}));
  nn::Var y = a(x);
  CHECK_FALSE(y.requires_grad());
}

TEST_CASE("without a bias") {
  nn::Dense dense(2, "linear", "ones", "zeros", "", false);
  nn::Var y = dense(nn::Var(nn::Tensor({{1, 2}})));
  CHECK((y.value() == nn::Tensor({{3, 3}})));
  CHECK(dense->parameters().size() == 1);
  CHECK(dense->get_config()["use_bias"] == false);
}

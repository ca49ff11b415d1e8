#include <catch2/catch.hpp>
#include <cmath>

#include "lib/activations.h"
#include "lib/error.h"
#include "lib/losses/crossentropy.h"
#include "lib/losses/loss.h"
#include "lib/losses/regression.h"

TEST_CASE("regression losses: mean over outputs, then over the batch") {
  const nn::Tensor t = {{0, 0}, {1, 1}}, p = {{1, -2}, {1, 4}};  // e = 1, −2, 0, 3
  CHECK(nn::MeanSquaredError().forward(t, p) == Approx((1 + 4 + 0 + 9) / 4.0));
  CHECK(nn::MeanAbsoluteError().forward(t, p) == Approx((1 + 2 + 0 + 3) / 4.0));
  // Huber δ = 1: ½e² inside, δ(|e| − δ/2) outside.
  CHECK(nn::Huber().forward(t, p) == Approx((0.5 + 1.5 + 0 + 2.5) / 4.0));
  CHECK(nn::Huber(2.0).forward(t, p) == Approx((0.5 + 2 + 0 + 4) / 4.0));
  nn::Tensor d;
  nn::MeanAbsoluteError().backward(t, p, d);
  CHECK((d == nn::Tensor({{0.25f, -0.25f}, {0.0f, 0.25f}})));
}

TEST_CASE("cross-entropies are finite for huge logits, fused or from logits") {
  const nn::Tensor labels = {{0}, {1}};
  nn::Var z(nn::Tensor({{1000, -1000, 0}, {1000, -1000, 0}}), true);
  nn::Var loss = nn::SparseCategoricalCrossentropy()(labels, nn::softmax(z));
  CHECK(loss.op() == "sparse_categorical_crossentropy");
  CHECK(loss.parent(0).node() == z.node());  // fused: the loss reads the logits
  CHECK(loss.item() == Approx(0.5 * (0 + 2000)));
  loss.backward();
  CHECK(z.grad()(1, 0) == Approx(0.5));   // (p − onehot)/N = (1 − 0)/2
  CHECK(z.grad()(1, 1) == Approx(-0.5));  // (0 − 1)/2
  nn::Var b(nn::Tensor({{500}, {-500}}), true);
  nn::Var bce = nn::BinaryCrossentropy()(nn::Tensor({{1}, {1}}), nn::sigmoid(b));
  CHECK(bce.item() == Approx(0.5 * 500));
  // On probabilities, Keras clips at 1e-7: −log(1e-7) at most, never infinity.
  const nn::Tensor p = {{0.0f, 1.0f, 0.0f}};
  CHECK(nn::SparseCategoricalCrossentropy().forward(nn::Tensor({{0}}), p) ==
        Approx(-std::log(1e-7)).epsilon(1e-4));
  CHECK(std::isfinite(nn::CategoricalCrossentropy().forward(nn::Tensor({{1, 0, 0}}), p)));
  CHECK(std::isfinite(nn::BinaryCrossentropy().forward(nn::Tensor({{1}}), nn::Tensor({{0}}))));
}

TEST_CASE("categorical and sparse agree; the gradient on the logits is (p − y)/N") {
  const nn::Tensor z = {{1, 2, 3}, {0, -1, 0.5f}};
  const nn::Tensor one_hot = {{0, 0, 1}, {1, 0, 0}}, labels = {{2}, {0}};
  const nn::CategoricalCrossentropy cce(true);
  const nn::SparseCategoricalCrossentropy scce(true);
  CHECK(cce.forward(one_hot, z) == Approx(scce.forward(labels, z)));
  nn::Tensor d1, d2;
  cce.backward(one_hot, z, d1);
  scce.backward(labels, z, d2);
  const nn::Tensor expected = (nn::softmax(z) - one_hot) / 2.0f;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(d1.data()[i] == Approx(expected.data()[i]));
    CHECK(d2.data()[i] == Approx(expected.data()[i]));
  }
}

TEST_CASE("losses by name and as objects; unknown names list the known ones") {
  CHECK(nn::get_loss("mse")->name() == "mean_squared_error");
  CHECK(nn::get_loss("sparse_categorical_crossentropy")->class_name() ==
        "SparseCategoricalCrossentropy");
  CHECK(nn::LossArg(nn::Huber(2.0)).get()->get_config()["delta"] == 2.0);
  CHECK(nn::LossArg("huber").get()->get_config()["delta"] == 1.0);
  CHECK(nn::BinaryCrossentropy(true).get_config()["from_logits"] == true);
  CHECK_THROWS_AS(nn::get_loss("cross_entropy"), nn::ValueError);
  CHECK_THROWS_WITH(nn::get_loss("cross_entropy"),
                    Catch::Contains("cross_entropy") && Catch::Contains("\"mse\"") &&
                        Catch::Contains("\"sparse_categorical_crossentropy\"") &&
                        Catch::Contains("\"huber\""));
  const nn::LossList list = {"mse", nn::Huber(0.5)};
  CHECK(list.get().size() == 2);
}

TEST_CASE("sparse labels: one column of class indices; a bad label names its row") {
  const nn::SparseCategoricalCrossentropy scce;
  CHECK_THROWS_AS(scce.check_targets(nn::Tensor({{0}, {3}}), 3), nn::ValueError);
  CHECK_THROWS_WITH(scce.check_targets(nn::Tensor({{0}, {1}, {3}}), 3),
                    Catch::Contains("row 2") && Catch::Contains("[0, 3)"));
  CHECK_THROWS_WITH(scce.check_targets(nn::Tensor({{0}, {1.5f}}), 3), Catch::Contains("row 1"));
  CHECK_THROWS_WITH(scce.check_targets(nn::Tensor({{-1}}), 3), Catch::Contains("row 0"));
  CHECK_THROWS_WITH(scce.check_targets(nn::Tensor({{0, 1, 0}}), 3),
                    Catch::Contains("categorical_crossentropy"));
  CHECK_THROWS_WITH(nn::CategoricalCrossentropy().check_targets(nn::Tensor({{1}}), 3),
                    Catch::Contains("sparse_categorical_crossentropy"));
}

TEST_CASE("shapes are checked and named") {
  nn::Var p(nn::Tensor({{0.5f, 0.5f}}));
  CHECK_THROWS_AS(nn::MeanSquaredError()(nn::Tensor({{1, 2, 3}}), p), nn::ShapeError);
  CHECK_THROWS_WITH(nn::MeanSquaredError()(nn::Tensor({{1, 2}, {3, 4}}), p),
                    Catch::Contains("(2, 2)") && Catch::Contains("(1, 2)"));
}

#include "lib/metrics.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/error.h"

TEST_CASE("accuracy resolves its kind from the shapes, as Keras does") {
  nn::Accuracy sparse;
  sparse.update_state(nn::Tensor({{1}, {0}}), nn::Tensor({{0.2f, 0.8f}, {0.3f, 0.7f}}));
  CHECK(sparse.kind() == nn::Accuracy::Kind::kSparse);
  CHECK(sparse.result() == 0.5);
  nn::Accuracy categorical;
  categorical.update_state(nn::Tensor({{0, 1}, {0, 1}}), nn::Tensor({{0.2f, 0.8f}, {0.9f, 0.1f}}));
  CHECK(categorical.kind() == nn::Accuracy::Kind::kCategorical);
  CHECK(categorical.result() == 0.5);
  nn::Accuracy binary;
  binary.update_state(nn::Tensor({{1}, {0}, {1}}), nn::Tensor({{0.6f}, {0.4f}, {0.5f}}));
  CHECK(binary.kind() == nn::Accuracy::Kind::kBinary);
  CHECK(binary.result() == Approx(2.0 / 3.0));  // 0.5 is not above the threshold
}

TEST_CASE("metrics are running means over examples, not means of batch means") {
  nn::Accuracy accuracy(nn::Accuracy::Kind::kSparse);
  accuracy.update_state(nn::Tensor({{0}}), nn::Tensor({{0.9f, 0.1f}}));  // 1 of 1
  accuracy.update_state(nn::Tensor({{0}, {0}, {0}}),
                        nn::Tensor({{0.1f, 0.9f}, {0.1f, 0.9f}, {0.1f, 0.9f}}));  // 0 of 3
  CHECK(accuracy.result() == 0.25);
  accuracy.reset_state();
  CHECK(accuracy.result() == 0.0);

  auto mse = nn::get_metric("mse");
  auto rmse = nn::get_metric("rmse");
  auto mae = nn::get_metric("mae");
  const nn::Tensor t = {{0, 0}, {1, 1}}, p = {{1, -2}, {1, 4}};
  for (auto* m : {mse.get(), rmse.get(), mae.get()}) m->update_state(t, p);
  CHECK(mse->result() == Approx(14.0 / 4));
  CHECK(rmse->result() == Approx(std::sqrt(14.0 / 4)));
  CHECK(mae->result() == Approx(6.0 / 4));
  CHECK(mse->name() == "mse");
  CHECK(nn::RootMeanSquaredError().name() == "root_mean_squared_error");
}

TEST_CASE("metrics by name; unknown names list the known ones") {
  CHECK(nn::get_metric("acc")->name() == "acc");
  CHECK(nn::get_metric("sparse_categorical_accuracy")->name() == "sparse_categorical_accuracy");
  CHECK_THROWS_AS(nn::get_metric("f1"), nn::ValueError);
  CHECK_THROWS_WITH(nn::get_metric("f1"),
                    Catch::Contains("\"accuracy\"") && Catch::Contains("\"rmse\""));
  auto binary = nn::get_metric("binary_accuracy");
  binary->update_state(nn::Tensor({{1, 0}}), nn::Tensor({{0.7f, 0.7f}}));
  CHECK(binary->result() == 0.5);
  CHECK_THROWS_AS(binary->update_state(nn::Tensor({{1}}), nn::Tensor({{0.7f, 0.7f}})),
                  nn::ShapeError);
}

#include "lib/losses/sample_weight.h"

#include <catch2/catch.hpp>

#include "lib/error.h"
#include "lib/layers/dense.h"
#include "lib/losses/crossentropy.h"
#include "lib/losses/regression.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/sgd.h"

namespace {

// The loss and the gradient it sends back to y_pred.
std::pair<double, nn::Tensor> value_and_grad(const nn::Loss& loss, const nn::Tensor& y_true,
                                             const nn::Tensor& y_pred, const nn::Tensor* w) {
  nn::Var pred(y_pred, true);
  const nn::Var l = w ? nn::weighted_loss(loss, y_true, pred, *w) : loss(y_true, pred);
  l.backward();
  return {l.item(), pred.grad()};
}

}  // namespace

TEST_CASE("Weights of 1 give the plain loss and its gradient") {
  const nn::SparseCategoricalCrossentropy loss;
  const nn::Tensor y = {{0}, {2}, {1}};
  const nn::Tensor p = {{0.7f, 0.2f, 0.1f}, {0.1f, 0.3f, 0.6f}, {0.25f, 0.5f, 0.25f}};
  const nn::Tensor ones = {{1}, {1}, {1}};
  const auto [plain, plain_grad] = value_and_grad(loss, y, p, nullptr);
  const auto [weighted, weighted_grad] = value_and_grad(loss, y, p, &ones);
  CHECK(weighted == Approx(plain).epsilon(1e-6));
  CHECK(xt::allclose(weighted_grad, plain_grad));
}

TEST_CASE("The weighted loss is the sum of weighted row losses over the number of rows") {
  // Keras's reduction: sum(w_i * loss_i) / batch, so weights (2, 0) give loss_0 (= 2 loss_0 / 2).
  const nn::MeanSquaredError loss;
  const nn::Tensor y = {{1}, {3}};
  const nn::Tensor p = {{2}, {0}};  // squared errors 1 and 9
  const nn::Tensor w = {{2}, {0}};
  const auto [value, grad] = value_and_grad(loss, y, p, &w);
  CHECK(value == Approx(1.0));
  // Plain gradient 2 (p - y) / 2 = (1, -3); row 0 doubled, row 1 zeroed.
  CHECK(grad(0, 0) == Approx(2.0));
  CHECK(grad(1, 0) == Approx(0.0));
  const nn::Tensor three = {{1}, {1}, {1}};
  CHECK_THROWS_AS(nn::weighted_loss(loss, y, nn::Var(p), three), nn::ShapeError);
}

TEST_CASE("row_weights: class weights by label or one-hot column, times sample weights") {
  const std::map<int, double> class_weight = {{1, 5.0}};  // class 0 missing: weight 1
  const nn::Tensor labels = {{0}, {1}, {1}};
  const nn::Tensor w = nn::row_weights(labels, class_weight, {1.0, 1.0, 0.5});
  CHECK((w == nn::Tensor{{1.0f}, {5.0f}, {2.5f}}));
  const nn::Tensor one_hot = {{0, 1}, {1, 0}};
  CHECK((nn::row_weights(one_hot, class_weight, {}) == nn::Tensor{{5.0f}, {1.0f}}));
  CHECK_THROWS_WITH(nn::row_weights(labels, {}, {1.0, 2.0}), Catch::Contains("2 values for 3"));
  CHECK_THROWS_WITH(nn::row_weights(labels, {}, {1.0, -1.0, 1.0}), Catch::Contains("row 1"));
}

TEST_CASE("fit: weights of 0 leave the model unchanged, weights of 2 double SGD's steps") {
  const nn::Tensor x = {{0, 1}, {1, 0}, {1, 1}, {0, 0}};
  const nn::Tensor y = {{1}, {2}, {3}, {0}};
  auto train = [&](double rate, std::vector<double> weights) {
    nn::set_random_seed(3);
    nn::Sequential model({nn::Dense(1)});
    model.compile("mse", nn::SGD(rate));
    model.build({2});
    const std::vector<nn::Tensor> before = model.get_weights();
    model.fit(x, y,
              {.epochs = 2,
               .batch_size = 2,
               .seed = 1,
               .verbose = 0,
               .sample_weight = std::move(weights)});
    return std::make_pair(before, model.get_weights());
  };
  const auto [start, unchanged] = train(0.1, {0, 0, 0, 0});
  CHECK((start[0] == unchanged[0]));
  CHECK((start[1] == unchanged[1]));
  const auto [a, doubled] = train(0.05, {2, 2, 2, 2});
  const auto [b, faster] = train(0.1, {});
  CHECK(xt::allclose(doubled[0], faster[0], 1e-5, 1e-6));
  CHECK(xt::allclose(doubled[1], faster[1], 1e-5, 1e-6));
  nn::Sequential two({nn::Dense(1)});
  two.compile("mse", "sgd");
  CHECK_THROWS_AS(two.fit(x, y, {.verbose = 0, .sample_weight = {1, 2}}), nn::ValueError);
}

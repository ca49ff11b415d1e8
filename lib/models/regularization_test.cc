// Kernel regularizers as Keras applies them: the penalty l1·Σ|w| + l2·Σw² of each regularized
// kernel joins the total loss ("loss"), not the outputs' own losses, in fit and evaluate; and
// training with it keeps the weights smaller.
#include <catch2/catch.hpp>
#include <xtensor/xview.hpp>

#include "lib/layers/dense.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/sgd.h"
#include "lib/random.h"
#include "lib/regularizers.h"

namespace {

nn::Tensor inputs() {
  nn::Rng rng(5);
  return rng.normal_tensor(64, 3);
}

}  // namespace

TEST_CASE("the kernel penalty is added to the loss that evaluate reports") {
  const nn::Tensor x = inputs();
  const nn::Tensor y = xt::view(x, xt::all(), xt::range(0, 1)) * 2.0f;
  nn::set_random_seed(1);
  nn::Dense dense(1, {.kernel_regularizer = nn::L2(0.5)});
  nn::Sequential model({dense});
  model.compile("mse", "sgd");
  const double with_penalty = model.evaluate(x, y, 64, 0).at("loss");
  const nn::Tensor w = dense->kernel().value();
  const double penalty = 0.5 * xt::sum(w * w)();  // Keras 3's L2: l2·Σw², no ½
  const nn::Tensor y_pred = model.predict(x);
  const double mse = xt::mean(xt::square(y_pred - y))();
  CHECK(with_penalty == Approx(mse + penalty).epsilon(1e-5));
  CHECK(penalty > 0.01);  // the check above would pass without the penalty otherwise
}

TEST_CASE("training with L2 keeps the kernel smaller than training without") {
  const nn::Tensor x = inputs();
  const nn::Tensor y = xt::view(x, xt::all(), xt::range(0, 1)) * 3.0f;
  const auto trained_norm = [&](std::optional<nn::Regularizer> regularizer) {
    nn::set_random_seed(2);
    nn::Dense dense(1, {.kernel_regularizer = regularizer});
    nn::Sequential model({dense});
    model.compile("mse", nn::SGD(0.1));
    model.fit(x, y, {.epochs = 100, .seed = 3, .verbose = 0});
    return static_cast<double>(xt::sum(xt::square(dense->kernel().value()))());
  };
  const double plain = trained_norm(std::nullopt);
  const double l2 = trained_norm(nn::L2(0.1));
  const double l1 = trained_norm(nn::L1(0.5));  // w₀ → 3 − 0.5/2: Σw² ≈ 7.6
  CHECK(plain == Approx(9.0).epsilon(0.05));    // w → (3, 0, 0): Σw² = 9
  // With l2 = 0.1 on unit-variance inputs the minimum is w = 3 / (1 + 0.1) per the normal
  // equations: Σw² ≈ 7.4, clearly below 9.
  CHECK(l2 < 0.9 * plain);
  CHECK(l1 < plain);
}

// Plain SGD's step folded into backward (SgdFusedStep) against the step taken the long way:
// grads filled by backward, then the update from the grads.
#include "lib/optimizers/sgd_fused_step.h"

#include <catch2/catch.hpp>
#include <cmath>

#include "lib/layers/dense.h"
#include "lib/layers/layer.h"
#include "lib/losses/loss.h"
#include "lib/losses/regression.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/sgd.h"
#include "lib/random.h"

namespace {

double max_difference(const std::vector<nn::Tensor>& a, const std::vector<nn::Tensor>& b) {
  double worst = 0.0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = 0; j < a[i].size(); ++j) {
      worst = std::max(worst, std::abs(static_cast<double>(a[i].data()[j]) - b[i].data()[j]));
    }
  }
  return worst;
}

// Quiet fit options with the batches in row order, so that a loop by hand can follow them.
nn::FitOptions in_order(int epochs, int batch_size) {
  nn::FitOptions options;
  options.epochs = epochs;
  options.batch_size = batch_size;
  options.shuffle = false;
  options.verbose = 0;
  return options;
}

// Rows [first, first + count) of t.
nn::Tensor rows(const nn::Tensor& t, std::size_t first, std::size_t count) {
  nn::Tensor out = nn::Tensor::from_shape({count, t.shape()[1]});
  for (std::size_t r = 0; r < count; ++r) {
    for (std::size_t c = 0; c < t.shape()[1]; ++c) out(r, c) = t(first + r, c);
  }
  return out;
}

nn::Sequential network(std::uint64_t seed) {
  nn::set_random_seed(seed);
  return nn::Sequential({nn::Dense(16, "relu"), nn::Dense(8, "relu"), nn::Dense(3, "softmax")});
}

}  // namespace

TEST_CASE(
    "with SGD's sink installed, Dense's backward leaves W alone until the step, then steps it") {
  nn::Rng rng(1);
  const nn::Tensor x0 = rng.normal_tensor(4, 3), W0 = rng.normal_tensor(3, 2);
  const nn::Tensor b0 = rng.normal_tensor(1, 2);
  nn::Parameter W{"kernel", W0}, b{"bias", b0};
  const nn::Tensor target = rng.normal_tensor(4, 2);
  const nn::Var x(x0);
  const nn::Var z = nn::dense(x, W, &b);
  const nn::MeanSquaredError mse;
  const nn::Var loss = mse(target, z);
  nn::SGD sgd(0.1);
  sgd.zero_grad({&W, &b});  // installs the sink
  loss.backward();
  CHECK(bool(W.value() == W0));  // the tape may still need the old weights
  CHECK_FALSE(W.has_grad());     // the product went to the sink, not to a grad
  sgd.apply_gradients({&W, &b});
  nn::Tensor dz = nn::Tensor::from_shape({4, 2});  // ∂loss/∂z, from the loss itself
  mse.backward(target, z.value(), dz);
  for (std::size_t j = 0; j < 2; ++j) {
    double db = 0.0;
    for (std::size_t r = 0; r < 4; ++r) db += dz(r, j);
    CHECK(b.value()(0, j) == Approx(b0(0, j) - 0.1 * db).margin(1e-6));
    for (std::size_t i = 0; i < 3; ++i) {
      double dW = 0.0;  // (xᵀ·dz)(i, j)
      for (std::size_t r = 0; r < 4; ++r) dW += static_cast<double>(x0(r, i)) * dz(r, j);
      CHECK(W.value()(i, j) == Approx(W0(i, j) - 0.1 * dW).margin(1e-6));
    }
  }
  CHECK(W.node()->grad.size() == 0);  // no gradient tensor was ever filled
  CHECK(W.node()->sink == nullptr);   // the step took the sink away again
  // Without the sink, the next backward fills the grads as usual.
  const nn::Var again = mse(target, nn::dense(x, W, &b));
  again.backward();
  CHECK(W.has_grad());
}

TEST_CASE("fit() with plain SGD (fused) ends where backward + apply_gradients ends") {
  nn::Rng rng(2);
  const nn::Tensor x = rng.normal_tensor(48, 5);
  nn::Tensor y = nn::Tensor::from_shape({48, 1});
  for (std::size_t r = 0; r < 48; ++r) y(r, 0) = static_cast<float>(r % 3);

  nn::Sequential fused = network(9);
  fused.compile("sparse_categorical_crossentropy", nn::SGD(0.2));
  fused.fit(x, y, in_order(3, 16));

  // The long way, batch by batch: zero the grads, backward, then SGD's own update.
  nn::Sequential plain = network(9);
  plain.compile("sparse_categorical_crossentropy", nn::SGD(0.2));
  plain.predict(x);  // builds it
  nn::SGD sgd(0.2);
  for (int epoch = 0; epoch < 3; ++epoch) {
    for (std::size_t first = 0; first < 48; first += 16) {
      const nn::Tensor xb = rows(x, first, 16), yb = rows(y, first, 16);
      for (nn::Parameter* p : plain.trainable_parameters()) p->zero_grad();
      const nn::Var loss = (*plain.compiled_losses()[0])(yb, plain(nn::Var(xb)));
      loss.backward();
      sgd.apply_gradients(plain.trainable_parameters());
    }
  }
  CHECK(max_difference(fused.get_weights(), plain.get_weights()) < 1e-5);
  CHECK(fused.optimizer().iterations() == 9);  // fused steps are counted like the others
}

namespace {

// A layer of a reader's own: z = x·W through nn::dense, plus a pull of W toward zero that its
// own closure adds into W.grad (0.5·|W|² in the loss). W's gradient arrives by two paths.
class PulledDense : public nn::Layer {
 public:
  PulledDense() : nn::Layer("pulled") {}
  std::string class_name() const override { return "PulledDense"; }
  void build(const std::vector<std::size_t>& dims) override {
    nn::Rng rng(3);
    W_.value() = rng.normal_tensor(dims.at(0), 2, 0.0f, 0.5f);
    nn::Layer::build(dims);
  }
  std::size_t output_dim(const std::vector<std::size_t>&) const override { return 2; }
  nn::Var forward(const std::vector<nn::Var>& inputs, bool) override {
    const nn::Var z = nn::dense(single_input(inputs), W_, nullptr);
    const nn::Var W = W_;
    return nn::Var::from_op(z.value(), {z, W}, "pull",
                            [z, W](const nn::Tensor&, const nn::Tensor& dy) {
                              z.accumulate_grad(dy);
                              W.accumulate_grad(W.value());  // ∂(0.5·|W|²)/∂W
                            });
  }
  std::vector<nn::Parameter*> parameters() override { return {&W_}; }

 private:
  nn::Parameter W_{"kernel", nn::Tensor()};
};

}  // namespace

TEST_CASE("a gradient a layer of your own adds by another path still counts in a fused step") {
  nn::Rng rng(4);
  const nn::Tensor x = rng.normal_tensor(16, 3), y = rng.normal_tensor(16, 2);
  auto layer = std::make_shared<PulledDense>();
  nn::Sequential model({layer});
  model.compile("mse", nn::SGD(0.1));
  model.predict(x);
  const nn::Tensor W0 = model.get_weights()[0];
  model.fit(x, y, in_order(1, 16));
  // One step by hand: the gradient of the mse through dense, plus the pull W0.
  nn::Tensor dz = nn::Tensor::from_shape({16, 2});
  nn::Tensor z = nn::Tensor::from_shape({16, 2});
  nn::dense_forward(x, W0, nullptr, z);
  nn::MeanSquaredError().backward(y, z, dz);
  for (std::size_t i = 0; i < 3; ++i) {
    for (std::size_t j = 0; j < 2; ++j) {
      double g = W0(i, j);  // the pull
      for (std::size_t r = 0; r < 16; ++r) g += static_cast<double>(x(r, i)) * dz(r, j);
      CHECK(model.get_weights()[0](i, j) == Approx(W0(i, j) - 0.1 * g).margin(1e-5));
    }
  }
}

TEST_CASE("SGD with momentum is not fused: its step needs the gradient itself") {
  nn::Parameter W{"kernel", nn::Tensor{{1.0f}}};
  nn::SGD plain(0.1), momentum(0.1, 0.9);
  plain.zero_grad({&W});
  CHECK(W.node()->sink != nullptr);
  momentum.zero_grad({&W});  // takes away what another optimizer installed
  CHECK(W.node()->sink == nullptr);
  plain.zero_grad({&W});
  {
    nn::SGD gone(0.1);
    gone.zero_grad({&W});
  }  // an optimizer that goes takes its sink along
  CHECK(W.node()->sink == nullptr);
}

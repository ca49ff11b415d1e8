#include "lib/layers/dense.h"

#include <algorithm>

#include "lib/error.h"
#include "lib/gemm.h"
#include "lib/random.h"
#include "lib/text.h"

namespace nn {

void dense_forward(const Tensor& x, const Tensor& W, const Tensor* b, Tensor& z) {
  const std::size_t batch = x.shape()[0], units = W.shape()[1];
  if (batch == 0) return;
  if (b != nullptr) {
    for (std::size_t r = 0; r < batch; ++r) std::copy_n(b->data(), units, &z(r, 0));  // z = b
    gemm(x, W, z, false, false, 1.0f, 1.0f);                                          // z += x·W
  } else {
    gemm(x, W, z, false, false, 1.0f, 0.0f);  // z = x·W
  }
}

void dense_backward(const Tensor& x, const Tensor& W, const Tensor& dz, Tensor* dW, Tensor* db,
                    Tensor* dx) {
  if (x.shape()[0] == 0) return;
  if (dW != nullptr) gemm(x, dz, *dW, true, false, 1.0f, 1.0f);  // dW += xᵀ·dz
  if (db != nullptr) {
    for (std::size_t r = 0; r < dz.shape()[0]; ++r) {  // db += Σ_rows dz
      for (std::size_t c = 0; c < dz.shape()[1]; ++c) (*db)(0, c) += dz(r, c);
    }
  }
  if (dx != nullptr) gemm(dz, W, *dx, false, true, 1.0f, 1.0f);  // dx += dz·Wᵀ
}

namespace {

void check_input(const Var& x, const Parameter& W, const std::string& who) {
  if (x.cols() != W.value().shape()[0]) {
    throw ShapeError(who + ": input x " + shape_string(x.value()) + " does not fit kernel W " +
                     shape_string(W.value()) + ": x needs " +
                     count_of(W.value().shape()[0], "column") + "");
  }
}

// book:begin dense_op
// z = x·W + b on the tape, once x is known to fit W. The weights are inputs of the op like x,
// so backward() hands each its share: the three lines of the maths, nothing else.
Var dense_op(const Var& x, const Parameter& W, const Parameter* b) {
  Tensor z = Tensor::from_shape({x.rows(), W.value().shape()[1]});  // (batch, units)
  dense_forward(x.value(), W.value(), b != nullptr ? &b->value() : nullptr, z);
  const Var bias = b != nullptr ? Var(*b) : Var();
  BackwardFn backward = [x, W = Var(W), bias](const Tensor&, const Tensor& dz) {  // dz: z's shape
    if (x.rows() == 0) return;
    if (x.requires_grad()) x.accumulate_product(dz, W.value(), false, true);  // dx += dz·Wᵀ
    if (W.requires_grad()) W.accumulate_product(x.value(), dz, true, false);  // dW += xᵀ·dz
    if (bias && bias.requires_grad()) bias.accumulate_row_sum(dz);            // db += Σ_rows dz
  };
  std::vector<Var> inputs{x, W};
  if (bias) inputs.push_back(bias);
  return Var::from_op(std::move(z), inputs, "dense", std::move(backward));
}
// book:end dense_op

}  // namespace

Var dense(const Var& x, const Parameter& W, const Parameter* b, const std::string& who) {
  check_input(x, W, who);
  return dense_op(x, W, b);
}

DenseLayer::DenseLayer(int units, const std::string& activation, Initializer kernel_initializer,
                       Initializer bias_initializer, std::string name, bool use_bias,
                       std::optional<Regularizer> kernel_regularizer)
    : Layer(std::move(name)),
      units_(units > 0 ? static_cast<std::size_t>(units) : 0),
      activation_name_(activation.empty() ? "linear" : activation),
      activation_(activation_by_name(activation)),
      kernel_initializer_(std::move(kernel_initializer)),
      bias_initializer_(std::move(bias_initializer)),
      use_bias_(use_bias),
      kernel_regularizer_(std::move(kernel_regularizer)),
      seed_(draw_seed()) {
  if (units < 1) {
    throw ValueError("Dense: units must be a positive integer, got " + std::to_string(units));
  }
}

void DenseLayer::build(const std::vector<std::size_t>& input_dims) {
  const std::size_t in = input_dims.at(0);
  // 2^28 weights (1 GiB of floats, a thousand times chapter 4's whole network) and more is an
  // input width or a config gone wrong (json_config_fuzzer found an input of 2,111,111,111
  // features): better named here than met as an out-of-memory kill.
  constexpr std::size_t kMaxKernelElements = std::size_t{1} << 28;
  if (in > kMaxKernelElements / static_cast<std::size_t>(units_)) {
    throw ValueError("layer '" + name() + "' (Dense): a kernel of (" + std::to_string(in) + ", " +
                     std::to_string(units_) + ") is more than the 2^28 weights a layer may have");
  }
  Rng seeds(seed_);
  kernel_.value() = Tensor::from_shape({in, units_});
  kernel_initializer_.fill(kernel_.value(), in, units_, seeds.split());
  kernel_.set_trainable(trainable());
  kernel_.zero_grad();
  const std::uint64_t bias_seed = seeds.split();
  if (use_bias_) {
    bias_.value() = Tensor::from_shape({1, units_});
    bias_initializer_.fill(bias_.value(), units_, units_, bias_seed);  // Keras: fans of (units,)
    bias_.set_trainable(trainable());
    bias_.zero_grad();
  }
  Layer::build(input_dims);
}

std::size_t DenseLayer::output_dim(const std::vector<std::size_t>&) const { return units_; }

Var DenseLayer::forward(const std::vector<Var>& inputs, bool) {
  const Var& x = single_input(inputs);
  if (x.cols() != kernel_.value().shape()[0])
    check_input(x, kernel_, "layer " + name() + " (Dense)");
  return activation_(dense_op(x, kernel_, use_bias_ ? &bias_ : nullptr));
}

std::vector<Parameter*> DenseLayer::parameters() {
  if (!built()) return {};
  if (use_bias_) return {&kernel_, &bias_};
  return {&kernel_};
}

nlohmann::json DenseLayer::get_config() const {
  nlohmann::json config = Layer::get_config();
  config["units"] = units_;
  config["activation"] = activation_name_;
  config["use_bias"] = use_bias_;
  config["kernel_initializer"] = kernel_initializer_.get_config();
  config["bias_initializer"] = bias_initializer_.get_config();
  for (const char* key : {"kernel_regularizer", "bias_regularizer", "activity_regularizer",
                          "kernel_constraint", "bias_constraint"}) {
    config[key] = nullptr;  // not supported here but the kernel's; Keras writes them, so we do too
  }
  if (kernel_regularizer_) config["kernel_regularizer"] = kernel_regularizer_->get_config();
  return config;
}

std::vector<Var> DenseLayer::regularization_losses() {
  if (!kernel_regularizer_ || !built()) return {};
  return {kernel_regularizer_->penalty(kernel_)};
}

Dense::Dense(int units, DenseOptions options)
    : LayerHandle(std::make_shared<DenseLayer>(
          units, options.activation, std::move(options.kernel_initializer),
          std::move(options.bias_initializer), std::move(options.name), options.use_bias,
          std::move(options.kernel_regularizer))) {}

}  // namespace nn

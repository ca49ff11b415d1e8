#include "lib/layers/batch_normalization.h"

#include <cmath>

#include "lib/error.h"
#include "lib/text.h"

namespace nn {
namespace {

// Reductions over the batch, kept as a (1, features) row and computed at once.
const auto kRows = xt::keep_dims | xt::evaluation_strategy::immediate;

}  // namespace

BatchNormalizationLayer::BatchNormalizationLayer(double momentum, double epsilon, bool center,
                                                 bool scale, std::string name)
    : Layer(std::move(name)),
      momentum_(momentum),
      epsilon_(epsilon),
      center_(center),
      scale_(scale) {
  if (!(momentum >= 0.0 && momentum <= 1.0)) {
    throw ValueError("BatchNormalization: momentum must be in [0, 1], got " +
                     std::to_string(momentum));
  }
  if (!(epsilon > 0.0)) {
    throw ValueError("BatchNormalization: epsilon must be > 0, got " + std::to_string(epsilon));
  }
}

void BatchNormalizationLayer::build(const std::vector<std::size_t>& input_dims) {
  const std::size_t features = input_dims.at(0);
  gamma_.value() = xt::ones<float>({std::size_t{1}, features});
  beta_.value() = xt::zeros<float>({std::size_t{1}, features});
  moving_mean_.value() = xt::zeros<float>({std::size_t{1}, features});
  moving_variance_.value() = xt::ones<float>({std::size_t{1}, features});
  gamma_.set_trainable(scale_ && trainable());
  beta_.set_trainable(center_ && trainable());
  for (Parameter* p : {&gamma_, &beta_, &moving_mean_, &moving_variance_}) p->zero_grad();
  Layer::build(input_dims);
}

Var BatchNormalizationLayer::forward(const std::vector<Var>& inputs, bool training) {
  const Var& x = single_input(inputs);  // (batch, features)
  const std::size_t n = x.rows(), features = gamma_.value().shape(1);
  if (x.cols() != features) {
    throw ShapeError("layer " + name() + " (BatchNormalization): input x " +
                     shape_string(x.value()) + " does not fit its " +
                     count_of(features, "feature") + "");
  }
  training = training && n > 0;
  // μ and σ² per feature: the batch's (in double) in training, else the moving ones.
  Tensor mean = moving_mean_.value(), variance = moving_variance_.value();  // (1, features)
  if (training) {
    for (std::size_t j = 0; j < features; ++j) {
      double sum = 0.0, squares = 0.0;
      for (std::size_t i = 0; i < n; ++i) sum += x.value()(i, j);
      const double mu = sum / static_cast<double>(n);
      for (std::size_t i = 0; i < n; ++i)
        squares += (x.value()(i, j) - mu) * (x.value()(i, j) - mu);
      mean(0, j) = static_cast<float>(mu);
      variance(0, j) = static_cast<float>(squares / static_cast<double>(n));
    }
    const float m = static_cast<float>(momentum_);
    moving_mean_.value() = m * moving_mean_.value() + (1.0f - m) * mean;
    moving_variance_.value() = m * moving_variance_.value() + (1.0f - m) * variance;
  }
  Tensor inverse = 1.0f / xt::sqrt(variance + static_cast<float>(epsilon_));  // (1, features)
  Tensor x_hat = (x.value() - mean) * inverse;                                // (batch, features)
  Tensor y = x_hat * gamma_.value() + beta_.value();
  // γ and β are inputs of the op, like x: backward() hands them their gradients.
  const Var gamma = gamma_, beta = beta_;
  BackwardFn backward = [x, x_hat, inverse, gamma, beta, training](const Tensor&,
                                                                   const Tensor& dy) {
    if (beta.requires_grad()) beta.accumulate_grad(xt::sum(dy, {0}, kRows));  // dβ += Σ dy
    if (gamma.requires_grad()) gamma.accumulate_grad(xt::sum(dy * x_hat, {0}, kRows));
    if (!x.requires_grad()) return;
    const Tensor g = dy * gamma.value();  // ∂loss/∂x̂
    if (!training) {
      x.accumulate_grad(g * inverse);
      return;
    }
    const Tensor g_mean = xt::mean(g, {0}, kRows);
    const Tensor gx_mean = xt::mean(g * x_hat, {0}, kRows);
    x.accumulate_grad((g - g_mean - x_hat * gx_mean) * inverse);
  };
  return Var::from_op(std::move(y), {x, gamma, beta}, "batch_normalization", std::move(backward));
}

std::vector<Parameter*> BatchNormalizationLayer::parameters() {
  if (!built()) return {};
  std::vector<Parameter*> list;
  if (scale_) list.push_back(&gamma_);
  if (center_) list.push_back(&beta_);
  list.push_back(&moving_mean_);
  list.push_back(&moving_variance_);
  return list;
}

nlohmann::json BatchNormalizationLayer::get_config() const {
  nlohmann::json config = Layer::get_config();
  config["axis"] = -1;
  config["momentum"] = momentum_;
  config["epsilon"] = epsilon_;
  config["center"] = center_;
  config["scale"] = scale_;
  config["beta_initializer"] = {{"class_name", "Zeros"}, {"config", nlohmann::json::object()}};
  config["gamma_initializer"] = {{"class_name", "Ones"}, {"config", nlohmann::json::object()}};
  config["moving_mean_initializer"] = config["beta_initializer"];
  config["moving_variance_initializer"] = config["gamma_initializer"];
  for (const char* key :
       {"beta_regularizer", "gamma_regularizer", "beta_constraint", "gamma_constraint"}) {
    config[key] = nullptr;
  }
  return config;
}

BatchNormalization::BatchNormalization(double momentum, double epsilon, bool center, bool scale,
                                       std::string name)
    : LayerHandle(std::make_shared<BatchNormalizationLayer>(momentum, epsilon, center, scale,
                                                            std::move(name))) {}

}  // namespace nn

#include "lib/layers/normalization.h"

#include <algorithm>
#include <cmath>

#include "lib/error.h"
#include "lib/text.h"

namespace nn {
namespace {

constexpr float kEpsilon = 1e-7f;  // Keras's backend.epsilon()

}  // namespace

NormalizationLayer::NormalizationLayer(std::string name) : Layer(std::move(name)) {}

void NormalizationLayer::build(const std::vector<std::size_t>& input_dims) {
  const std::size_t features = input_dims.at(0);
  mean_.value() = xt::zeros<float>({std::size_t{1}, features});
  variance_.value() = xt::ones<float>({std::size_t{1}, features});
  count_.value() = xt::zeros<float>({1, 1});
  for (Parameter* p : {&mean_, &variance_, &count_}) p->zero_grad();  // never filled
  Layer::build(input_dims);
}

void NormalizationLayer::adapt(const Tensor& x) {
  const std::size_t n = x.shape(0), features = x.shape(1);
  if (n == 0 || features == 0) {
    throw ValueError("adapt: layer " + name() + " (Normalization) got no data " + shape_string(x));
  }
  if (built() && features != input_dims().at(0)) {
    throw ShapeError("adapt: layer " + name() + " (Normalization) was built for " +
                     count_of(input_dims().at(0), "feature") + ", got x " + shape_string(x));
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < features; ++j) {
      if (!std::isfinite(x(i, j))) {
        throw ValueError("adapt: layer " + name() + " (Normalization): x(" + std::to_string(i) +
                         ", " + std::to_string(j) + ") is " + std::to_string(x(i, j)));
      }
    }
  }
  if (!built()) build({features});
  // Two passes in double, column by column: the mean first, then the squared deviations.
  for (std::size_t j = 0; j < features; ++j) {
    double sum = 0.0;
    for (std::size_t i = 0; i < n; ++i) sum += x(i, j);
    const double mean = sum / static_cast<double>(n);
    double squares = 0.0;
    for (std::size_t i = 0; i < n; ++i) squares += (x(i, j) - mean) * (x(i, j) - mean);
    mean_.value()(0, j) = static_cast<float>(mean);
    variance_.value()(0, j) = static_cast<float>(squares / static_cast<double>(n));
  }
  count_.value()(0, 0) = static_cast<float>(n);
}

bool NormalizationLayer::adapted() const { return built() && count_.value()(0, 0) > 0.0f; }

double NormalizationLayer::count() const { return built() ? count_.value()(0, 0) : 0.0; }

Var NormalizationLayer::forward(const std::vector<Var>& inputs, bool) {
  const Var& x = single_input(inputs);    // (batch, features)
  if (!adapted() && !building_model()) {  // building a model (to load its weights) may pass
    throw Error("layer " + name() +
                " (Normalization) has no statistics yet: call adapt(x_train) before using it, "
                "or build the model and load_weights() (or set_weights({mean, variance, count}) "
                "with count > 0)");
  }
  if (x.cols() != mean_.value().shape(1)) {
    throw ShapeError("layer " + name() + " (Normalization): input x " + shape_string(x.value()) +
                     " does not fit the statistics " + shape_string(mean_.value()) + ": x needs " +
                     count_of(mean_.value().shape(1), "column"));
  }
  // 1 / s per feature, s = max(√variance, ε): (1, features), broadcast over the rows.
  Tensor inverse_scale = Tensor::from_shape(mean_.value().shape());
  for (std::size_t j = 0; j < inverse_scale.shape(1); ++j) {
    inverse_scale(0, j) = 1.0f / std::max(std::sqrt(variance_.value()(0, j)), kEpsilon);
  }
  Tensor y = (x.value() - mean_.value()) * inverse_scale;  // (batch, features)
  BackwardFn backward = [x, inverse_scale](const Tensor&, const Tensor& dy) {
    x.accumulate_grad(dy * inverse_scale);  // dx += dy / s
  };
  return Var::from_op(std::move(y), {x}, "normalization", std::move(backward));
}

std::vector<Parameter*> NormalizationLayer::parameters() {
  if (!built()) return {};
  return {&mean_, &variance_, &count_};
}

nlohmann::json NormalizationLayer::get_config() const {
  nlohmann::json config = Layer::get_config();
  config["axis"] = nlohmann::json::array({-1});  // Keras keeps axis as a tuple: (-1,)
  config["invert"] = false;
  config["mean"] = nullptr;  // the statistics are weights (from adapt), not constructor values
  config["variance"] = nullptr;
  return config;
}

Normalization::Normalization(std::string name)
    : LayerHandle(std::make_shared<NormalizationLayer>(std::move(name))) {}

}  // namespace nn

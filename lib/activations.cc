#include "lib/activations.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <xtensor/xmath.hpp>
#include <xtensor/xoperation.hpp>

#include "lib/error.h"
#include "lib/registry.h"

namespace nn {

Tensor identity(const Tensor& z) { return z; }

Tensor step(const Tensor& z) { return xt::where(z >= 0.0f, 1.0f, 0.0f); }

Tensor sigmoid(const Tensor& z) { return 1.0f / (1.0f + xt::exp(-z)); }

Tensor tanh(const Tensor& z) { return xt::tanh(z); }

Tensor relu(const Tensor& z) {
  Tensor y = Tensor::from_shape(z.shape());
  const float* __restrict in = z.data();
  float* __restrict out = y.data();
  for (std::size_t i = 0; i < z.size(); ++i) out[i] = std::max(in[i], 0.0f);  // vectorized
  return y;
}

Tensor softplus(const Tensor& z) { return xt::maximum(z, 0.0f) + xt::log1p(xt::exp(-xt::abs(z))); }

namespace {

// Keras's SELU constants (keras.activations.selu), as floats.
constexpr float kSeluAlpha = 1.67326324235437728481f;
constexpr float kSeluScale = 1.05070098735548049342f;

// σ(z) without overflow: e^−z is never taken of a large negative z, nor e^z of a large
// positive one, so |z| = 1000 gives 0 or 1 and no inf along the way.
float logistic(float z) {
  if (z >= 0.0f) return 1.0f / (1.0f + std::exp(-z));
  const float e = std::exp(z);
  return e / (1.0f + e);
}

// Φ(z), the standard normal distribution function, and φ(z), its density.
float normal_cdf(float z) { return 0.5f * (1.0f + std::erf(z * static_cast<float>(M_SQRT1_2))); }
float normal_pdf(float z) {
  return std::exp(-0.5f * z * z) * static_cast<float>(0.5 * M_2_SQRTPI * M_SQRT1_2);
}

// f applied to every entry of z: (same shape as z).
template <class F>
Tensor map(const Tensor& z, F f) {
  Tensor y = Tensor::from_shape(z.shape());
  for (std::size_t i = 0; i < z.size(); ++i) y.data()[i] = f(z.data()[i]);
  return y;
}

}  // namespace

Tensor leaky_relu(const Tensor& z, float negative_slope) {
  return xt::where(z > 0.0f, z, negative_slope * z);
}

Tensor elu(const Tensor& z, float alpha) {
  return xt::where(z > 0.0f, z, alpha * xt::expm1(xt::minimum(z, 0.0f)));  // no e^z of z > 0
}

Tensor selu(const Tensor& z) { return kSeluScale * elu(z, kSeluAlpha); }

Tensor gelu(const Tensor& z) {
  return map(z, [](float v) { return v * normal_cdf(v); });
}

Tensor swish(const Tensor& z) {
  return map(z, [](float v) { return v * logistic(v); });
}

Tensor softmax(const Tensor& z) {
  const std::size_t rows = z.shape()[0], cols = z.shape()[1];
  Tensor y = Tensor::from_shape({rows, cols});
  for (std::size_t i = 0; i < rows; ++i) {
    float m = z(i, 0);  // the row's largest logit
    for (std::size_t j = 1; j < cols; ++j) m = std::max(m, z(i, j));
    float sum = 0.0f;
    for (std::size_t j = 0; j < cols; ++j) {
      y(i, j) = std::exp(z(i, j) - m);
      sum += y(i, j);
    }
    for (std::size_t j = 0; j < cols; ++j) y(i, j) /= sum;
  }
  return y;
}

namespace {

// ReLU's backward as plain loops over restrict pointers, which the compiler vectorizes. dy is
// multiplied by the mask, not selected by it: a load inside `y > 0 ? dy[i] : 0` is
// conditional, GCC will not vectorize it, and the branch it leaves is mispredicted half the
// time (it cost 5% of an epoch of //bench:mlp_epoch).
void relu_backward(const float* __restrict y, const float* __restrict dy, float* __restrict dz,
                   std::size_t n, bool add) {
  if (add) {
    for (std::size_t i = 0; i < n; ++i) dz[i] += dy[i] * static_cast<float>(y[i] > 0.0f);
  } else {
    for (std::size_t i = 0; i < n; ++i) dz[i] = dy[i] * static_cast<float>(y[i] > 0.0f);
  }
}

}  // namespace

Var identity(const Var& z) { return z; }

Var step(const Var& z) {
  return Var::from_op(step(z.value()), {z}, "step", [](const Tensor&, const Tensor&) {
    throw Error(
        "step: the step function has no useful gradient (zero wherever it is defined), so a "
        "network of TLUs cannot learn by backpropagation; use sigmoid, tanh or relu");
  });
}

Var sigmoid(const Var& z) {
  return Var::from_op(sigmoid(z.value()), {z}, "sigmoid", [z](const Tensor& y, const Tensor& dy) {
    z.accumulate_grad(dy * y * (1.0f - y));  // σ' = σ(1 − σ)
  });
}

Var tanh(const Var& z) {
  return Var::from_op(tanh(z.value()), {z}, "tanh", [z](const Tensor& y, const Tensor& dy) {
    z.accumulate_grad(dy * (1.0f - y * y));  // tanh' = 1 − tanh²
  });
}

Var relu(const Var& z) {
  return Var::from_op(relu(z.value()), {z}, "relu", [z](const Tensor& y, const Tensor& dy) {
    // dz += dy ⊙ [y > 0] (y > 0 exactly where z > 0); the first gradient to arrive is
    // written rather than added to zeros.
    bool add = false;
    Tensor& dz = z.grad_to_write(add);
    relu_backward(y.data(), dy.data(), dz.data(), y.size(), add);
  });
}

Var softplus(const Var& z) {
  return Var::from_op(softplus(z.value()), {z}, "softplus", [z](const Tensor&, const Tensor& dy) {
    z.accumulate_grad(dy / (1.0f + xt::exp(-z.value())));  // softplus' = σ
  });
}

Var elu(const Var& z, float alpha) {
  return Var::from_op(elu(z.value(), alpha), {z}, "elu",
                      [z, alpha](const Tensor& y, const Tensor& dy) {
                        // elu' = α·e^z = y + α where z <= 0
                        z.accumulate_grad(xt::where(z.value() > 0.0f, dy, dy * (y + alpha)));
                      });
}

Var selu(const Var& z) {
  return Var::from_op(selu(z.value()), {z}, "selu", [z](const Tensor& y, const Tensor& dy) {
    // selu' = λ where z > 0, else λα·e^z = y + λα
    z.accumulate_grad(
        xt::where(z.value() > 0.0f, kSeluScale * dy, dy * (y + kSeluScale * kSeluAlpha)));
  });
}

Var gelu(const Var& z) {
  return Var::from_op(gelu(z.value()), {z}, "gelu", [z](const Tensor&, const Tensor& dy) {
    z.accumulate_grad(dy * map(z.value(), [](float v) {  // gelu' = Φ(z) + z·φ(z)
                        return normal_cdf(v) + v * normal_pdf(v);
                      }));
  });
}

Var swish(const Var& z) {
  return Var::from_op(swish(z.value()), {z}, "swish", [z](const Tensor& y, const Tensor& dy) {
    const Tensor s = map(z.value(), logistic);
    z.accumulate_grad(dy * (s + y * (1.0f - s)));  // swish' = σ + z·σ(1 − σ) = σ + y(1 − σ)
  });
}

Var softmax(const Var& z) {
  return Var::from_op(softmax(z.value()), {z}, "softmax", [z](const Tensor& y, const Tensor& dy) {
    Tensor& dz = z.grad_accumulator();
    for (std::size_t i = 0; i < y.shape()[0]; ++i) {
      float dot = 0.0f;  // Σ_j dy_ij y_ij
      for (std::size_t j = 0; j < y.shape()[1]; ++j) dot += dy(i, j) * y(i, j);
      for (std::size_t j = 0; j < y.shape()[1]; ++j) dz(i, j) += y(i, j) * (dy(i, j) - dot);
    }
  });
}

namespace {

// Keras 3's default slope of leaky_relu.
constexpr float kLeakySlope = 0.2f;

// Leaky ReLU on the tape, with Keras 3's slope (why it is not public: lib/activations.h).
// Backward: dz += dy where z > 0, else 0.2·dy.
Var leaky_relu(const Var& z) {
  return Var::from_op(nn::leaky_relu(z.value(), kLeakySlope), {z}, "leaky_relu",
                      [z](const Tensor&, const Tensor& dy) {
                        z.accumulate_grad(xt::where(z.value() > 0.0f, dy, kLeakySlope * dy));
                      });
}

const Registry<ActivationFn>& registry() {
  static const Registry<ActivationFn> known(
      "activation", {
                        {"elu", [](const Var& z) { return elu(z); }},
                        {"gelu", static_cast<ActivationFn>(&gelu)},
                        {"leaky_relu", static_cast<ActivationFn>(&leaky_relu)},
                        {"linear", static_cast<ActivationFn>(&identity)},
                        {"relu", static_cast<ActivationFn>(&relu)},
                        {"selu", static_cast<ActivationFn>(&selu)},
                        {"sigmoid", static_cast<ActivationFn>(&sigmoid)},
                        {"silu", static_cast<ActivationFn>(&swish)},
                        {"softmax", static_cast<ActivationFn>(&softmax)},
                        {"softplus", static_cast<ActivationFn>(&softplus)},
                        {"step", static_cast<ActivationFn>(&step)},
                        {"swish", static_cast<ActivationFn>(&swish)},
                        {"tanh", static_cast<ActivationFn>(&tanh)},
                    });
  return known;
}

}  // namespace

ActivationFn activation_by_name(const std::string& name) {
  if (name.empty()) return static_cast<ActivationFn>(&identity);  // Keras's None
  return registry().get(name);
}

std::vector<std::string> activation_names() { return registry().names(); }

}  // namespace nn

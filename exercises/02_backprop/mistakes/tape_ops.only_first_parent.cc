// Mistake: only the first input gets its gradient; b is forgotten
#include "exercises/02_backprop/tape_ops.h"

#include <xtensor/xoperation.hpp>

#include "lib/error.h"

namespace exercises {

nn::Var leaky_relu(const nn::Var& z, float alpha) {
  // y: (batch, features), like z
  nn::Tensor y = xt::where(z.value() > 0.0f, z.value(), alpha * z.value());
  return nn::Var::from_op(std::move(y), {z}, "leaky_relu",
                          [z, alpha](const nn::Tensor&, const nn::Tensor& dy) {
                            z.accumulate_grad(xt::where(z.value() > 0.0f, dy, alpha * dy));
                          });
}

nn::Var multiply(const nn::Var& a, const nn::Var& b) {
  if (a.value().shape() != b.value().shape()) {
    throw nn::ShapeError("multiply: shapes " + nn::shape_string(a.value()) + " and " +
                         nn::shape_string(b.value()) + " differ");
  }
  nn::Tensor y = a.value() * b.value();
  return nn::Var::from_op(std::move(y), {a, b}, "multiply",
                          [a, b](const nn::Tensor&, const nn::Tensor& dy) {
                            // Both from the values before either grad changes (a may be b).
                            const nn::Tensor da = dy * b.value(), db = dy * a.value();
                            a.accumulate_grad(da);
                          });
}

}  // namespace exercises

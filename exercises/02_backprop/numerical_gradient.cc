#include "exercises/02_backprop/numerical_gradient.h"

namespace exercises {

nn::Tensor numerical_gradient(const std::function<double(const nn::Tensor&)>& f, nn::Tensor x,
                              double h) {
  // TODO: for every entry k of x: save it, set it to saved + h and call f, set it to
  // saved - h and call f, put it back, and store (f_up - f_down) / (2h) at entry k.
  (void)f;
  (void)h;
  return xt::zeros_like(x);
}

double relative_error(double a, double n) {
  // TODO: |a - n| / max(|a|, |n|), with 0 when both are 0.
  (void)a;
  (void)n;
  return 0.0;
}

double max_relative_error(const nn::Tensor& analytic, const nn::Tensor& numeric) {
  // TODO: check the shapes (nn::ShapeError), then the largest relative_error.
  (void)analytic;
  (void)numeric;
  return 0.0;
}

}  // namespace exercises

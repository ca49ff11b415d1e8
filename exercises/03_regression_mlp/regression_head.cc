#include "exercises/03_regression_mlp/regression_head.h"

namespace exercises {

double outlier_score(const nn::Tensor& y) {
  // TODO: the median m, the MAD (the median of |y - m|), then the largest |y - m| / MAD.
  (void)y;
  return 0.0;
}

RegressionHead choose_head(const nn::Tensor& y_train, const TargetFacts& facts) {
  // TODO: the activation from the facts, scale_labels from the bounds and the activation's
  // range, the loss from outlier_score(y_train).
  (void)y_train;
  (void)facts;
  return {"", "", false};
}

}  // namespace exercises

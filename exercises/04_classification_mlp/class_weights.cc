#include "exercises/04_classification_mlp/class_weights.h"

namespace exercises {

std::vector<double> balanced_class_weights(const nn::Labels& y, std::size_t classes) {
  // TODO: count each class (check the labels), refuse a class without examples, and
  // return n / (classes * count) for each.
  (void)y;
  return std::vector<double>(classes, 1.0);
}

double weighted_crossentropy(const nn::Tensor& p, const nn::Labels& y,
                             const std::vector<double>& class_weights) {
  // TODO: check the shapes; add w[y_i] * -log(clip(p(i, y_i))) over the rows; divide by n.
  (void)p;
  (void)y;
  (void)class_weights;
  return 0.0;
}

}  // namespace exercises

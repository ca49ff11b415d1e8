// Mistake: the weight is the class's frequency, count / n, so the rare class weighs least
#include "exercises/04_classification_mlp/class_weights.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace exercises {

std::vector<double> balanced_class_weights(const nn::Labels& y, std::size_t classes) {
  std::vector<std::size_t> count(classes, 0);
  for (int label : y) {
    if (label < 0 || static_cast<std::size_t>(label) >= classes) {
      throw std::invalid_argument("balanced_class_weights: label " + std::to_string(label) +
                                  " is not in [0, " + std::to_string(classes) + ")");
    }
    ++count[label];
  }
  std::vector<double> weights(classes);
  for (std::size_t c = 0; c < classes; ++c) {
    if (count[c] == 0) {
      throw std::invalid_argument("balanced_class_weights: class " + std::to_string(c) +
                                  " has no example");
    }
    weights[c] = static_cast<double>(count[c]) / static_cast<double>(y.size());
  }
  return weights;
}

double weighted_crossentropy(const nn::Tensor& p, const nn::Labels& y,
                             const std::vector<double>& class_weights) {
  if (p.shape(0) != y.size() || p.shape(1) != class_weights.size() || y.size() == 0) {
    throw nn::ShapeError("weighted_crossentropy: probabilities " + nn::shape_string(p) + ", " +
                         std::to_string(y.size()) + " labels and " +
                         std::to_string(class_weights.size()) + " class weights");
  }
  double total = 0.0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    const int c = y(i);
    if (c < 0 || static_cast<std::size_t>(c) >= class_weights.size()) {
      throw std::invalid_argument("weighted_crossentropy: label " + std::to_string(c) +
                                  " out of range");
    }
    const double q = std::clamp(static_cast<double>(p(i, c)), 1e-7, 1.0 - 1e-7);
    total += class_weights[c] * -std::log(q);
  }
  return total / static_cast<double>(y.size());
}

}  // namespace exercises

#include "exercises/04_classification_mlp/fashion_classifier.h"

namespace exercises {

nn::Sequential make_classifier() {
  // TODO: the layers, then compile() with a loss for integer labels and "accuracy".
  return nn::Sequential({});
}

nn::FitOptions training_options(const nn::Tensor& x_valid, const nn::Labels& y_valid) {
  nn::FitOptions options;
  // TODO: epochs, batch_size, validation_data, and a callback that keeps the best epoch.
  (void)x_valid;
  (void)y_valid;
  return options;
}

}  // namespace exercises

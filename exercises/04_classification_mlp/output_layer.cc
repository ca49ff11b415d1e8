#include "exercises/04_classification_mlp/output_layer.h"

namespace exercises {

OutputLayer output_layer_for(const nn::Labels& y) {
  // TODO: count the classes (largest label + 1), then one sigmoid or C softmax units.
  (void)y;
  return {};
}

OutputLayer output_layer_for(const nn::Tensor& y) {
  // TODO: are all entries 0 or 1? Does every row hold exactly one 1?
  (void)y;
  return {};
}

}  // namespace exercises

#include "exercises/04_classification_mlp/to_categorical.h"

#include <stdexcept>

namespace exercises {

nn::Tensor to_categorical(const nn::Labels& y, std::size_t classes) {
  // TODO: check classes and every label; start from zeros (n, classes) and put a 1 in
  // column y(i) of row i.
  (void)y;
  (void)classes;
  return nn::Tensor();
}

nn::Labels argmax_rows(const nn::Tensor& p) {
  // TODO: for each row, the index of its largest value (the first of equal ones).
  (void)p;
  return nn::Labels();
}

}  // namespace exercises

#include "lib/models/arrays.h"

#include "lib/error.h"

namespace nn {
namespace {

// A shared_ptr that refers to a tensor it does not own.
std::shared_ptr<const Tensor> borrow(const Tensor& x) {
  return std::shared_ptr<const Tensor>(&x, [](const Tensor*) {});
}

}  // namespace

Arrays::Arrays(const Tensor& x) : arrays_{borrow(x)} {}

Arrays::Arrays(Tensor&& x) : arrays_{std::make_shared<const Tensor>(std::move(x))} {}

Arrays::Arrays(const Labels& labels) : Arrays(column(xt::cast<float>(labels))) {}

Arrays::Arrays(const Vector& values) : Arrays(column(values)) {}

Tensor Arrays::column(const Vector& values) {
  Tensor column = Tensor::from_shape({values.size(), 1});
  for (std::size_t i = 0; i < values.size(); ++i) column(i, 0) = values(i);
  return column;
}

void Arrays::throw_rank_error(std::size_t rank) {
  throw ShapeError("an array of rank " + std::to_string(rank) +
                   " was given where fit, evaluate and predict take rank 1 (n,) or rank 2 "
                   "(n, features)");
}

Arrays::Arrays(const std::vector<Tensor>& tensors) {
  for (const Tensor& x : tensors) arrays_.push_back(borrow(x));
}

Arrays::Arrays(std::initializer_list<Arrays> parts) {
  for (const Arrays& part : parts) {
    arrays_.insert(arrays_.end(), part.arrays_.begin(), part.arrays_.end());
  }
}

}  // namespace nn

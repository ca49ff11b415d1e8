#include "lib/models/arrays.h"

namespace nn {
namespace {

// A shared_ptr that refers to a tensor it does not own.
std::shared_ptr<const Tensor> borrow(const Tensor& x) {
  return std::shared_ptr<const Tensor>(&x, [](const Tensor*) {});
}

}  // namespace

Arrays::Arrays(const Tensor& x) : arrays_{borrow(x)} {}

Arrays::Arrays(Tensor&& x) : arrays_{std::make_shared<const Tensor>(std::move(x))} {}

Arrays::Arrays(const Labels& labels) {
  auto column = std::make_shared<Tensor>(Tensor::from_shape({labels.size(), 1}));
  for (std::size_t i = 0; i < labels.size(); ++i) (*column)(i, 0) = static_cast<float>(labels(i));
  arrays_.push_back(std::move(column));
}

Arrays::Arrays(const Vector& values) {
  auto column = std::make_shared<Tensor>(Tensor::from_shape({values.size(), 1}));
  for (std::size_t i = 0; i < values.size(); ++i) (*column)(i, 0) = values(i);
  arrays_.push_back(std::move(column));
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

// The data of exercise 4.6's tests: what the reader's code may see, and what only the tests
// read. Shared by fashion_classifier_test.cc and fashion_classifier_claims_test.cc.
#pragma once

#include <xtensor/xview.hpp>

#include "lib/data/fashion_mnist.h"

namespace exercises::testing {

/// 10,000 training and 1,000 validation images (both from the training file), and 5,000
/// held-out images: the second half of Fashion-MNIST's test set.
struct FashionData {
  nn::Tensor x_train;     ///< (10000, 784)
  nn::Labels y_train;     ///< (10000,)
  nn::Tensor x_valid;     ///< (1000, 784)
  nn::Labels y_valid;     ///< (1000,)
  nn::Tensor x_held_out;  ///< (5000, 784), read only by the tests
  nn::Labels y_held_out;  ///< (5000,)
};

/// Loaded once.
inline const FashionData& fashion_data() {
  static const FashionData loaded = [] {
    nn::FashionMnistOptions options;
    options.validation = 1000;
    options.train_limit = 10000;
    const nn::FashionMnist all = nn::load_fashion_mnist(options);
    return FashionData{all.x_train,
                       all.y_train,
                       all.x_validation,
                       all.y_validation,
                       xt::view(all.x_test, xt::range(5000, 10000), xt::all()),
                       xt::view(all.y_test, xt::range(5000, 10000))};
  }();
  return loaded;
}

}  // namespace exercises::testing

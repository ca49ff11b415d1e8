#pragma once
/// \file
/// # Exercise 4.6: a Fashion-MNIST classifier, chosen on the validation set ★★★ (30 points)
///
/// Now build one yourself, the Keras way, and choose it the way the book does: on a
/// validation set, never on the test set. The tests give you less than the chapter had:
/// 10,000 training images, 1,000 validation images (also from the training file) and at
/// most 20 epochs. Your code never sees a test image: the grade is the accuracy on 5,000
/// images of Fashion-MNIST's test set that only the tests read, and it must reach
/// **84.5%**. Under these conditions the chapter's network with plain SGD at a learning
/// rate of 0.01 gets below 84% of those images after 20 epochs
/// (`fashion_classifier_claims_test` checks this sentence).
///
/// 1. `make_classifier()`: a *compiled* model that takes rows of 784 pixels in [0, 1]
///    and outputs the ten classes' probabilities (rows that sum to 1), trained with a loss
///    for Fashion-MNIST's integer labels, with `"accuracy"` among its metrics.
/// 2. `training_options(x_valid, y_valid)`: how to fit it: `epochs` (at most 20),
///    `batch_size` (at least 16), the validation set you are given as `validation_data`,
///    and the selection: the model `fit` leaves behind must be the one of the epoch with
///    the best validation accuracy (a callback that watches `"val_accuracy"` and puts the
///    best epoch's weights back at the end, as `nn::EarlyStopping` can). Leave `verbose`
///    and `seed` alone; the tests set them.
///
/// Levers you may pull: the optimizer (`nn::SGD` with a larger learning rate or with
/// momentum, `nn::Adam`), the number of epochs, the batch size, the width and depth of the
/// hidden layers. The tests seed the weights and the shuffles (`nn::set_random_seed(42)`
/// before calling `make_classifier`), so the same code always gives the same accuracy.
/// Tune by the validation accuracy that `fit` logs; if you land below the mark on the
/// held-out images, think about why before you try another setting.

#include "lib/nn.h"

namespace exercises {

/// A compiled Fashion-MNIST classifier: 784 inputs, 10 softmax outputs.
nn::Sequential make_classifier();

/// epochs (≤ 20), batch_size (≥ 16), validation_data = (x_valid, y_valid), and a callback
/// that leaves the weights of the epoch with the best val_accuracy.
nn::FitOptions training_options(const nn::Tensor& x_valid, const nn::Labels& y_valid);

}  // namespace exercises

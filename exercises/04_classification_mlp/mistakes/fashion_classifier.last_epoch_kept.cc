// Mistake: watches val_accuracy but keeps the last epoch's weights (no restore_best_weights).
#include "exercises/04_classification_mlp/fashion_classifier.h"

namespace exercises {

// The chapter's network with a ten times larger learning rate: with a fifth of the data and
// few epochs, SGD at 0.01 has not come far enough (below 0.84 of the held-out images after
// 20 epochs, as fashion_classifier_claims_test shows). Kept at its best validation epoch,
// SGD at 0.1 gets 0.865 of them; Adam(0.001) 0.854; SGD(0.01, momentum 0.9) 0.848; SGD at
// 0.05 only 0.842, though its best validation accuracy (0.863) was as high as the others'.
nn::Sequential make_classifier() {
  nn::Sequential model({nn::Flatten({28, 28}), nn::Dense(300, "relu"), nn::Dense(100, "relu"),
                        nn::Dense(10, "softmax")});
  model.compile("sparse_categorical_crossentropy", nn::SGD(0.1), {"accuracy"});
  return model;
}

nn::FitOptions training_options(const nn::Tensor& x_valid, const nn::Labels& y_valid) {
  nn::FitOptions options;
  options.epochs = 20;
  options.batch_size = 32;
  options.validation_data = {{x_valid, y_valid}};
  // The selection: whatever epoch validated best is the model that fit() leaves.
  nn::EarlyStoppingOptions keep_best;
  keep_best.monitor = "val_accuracy";
  keep_best.patience = 20;  // never stop early; only remember the best epoch

  options.callbacks = {std::make_shared<nn::EarlyStopping>(keep_best)};
  return options;
}

}  // namespace exercises

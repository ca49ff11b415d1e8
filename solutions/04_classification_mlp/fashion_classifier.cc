#include "exercises/04_classification_mlp/fashion_classifier.h"

namespace exercises {

// The chapter's network with a five times larger learning rate: with a tenth of the data
// and few epochs, SGD at 0.01 has not come far enough (about 0.84 after 20 epochs); at 0.05
// it gets 0.862. Momentum 0.9 at 0.01 for 15 epochs gets there too (0.857).
nn::Sequential make_classifier() {
  nn::Sequential model({nn::Flatten({28, 28}), nn::Dense(300, "relu"), nn::Dense(100, "relu"),
                        nn::Dense(10, "softmax")});
  model.compile("sparse_categorical_crossentropy", nn::SGD(0.05), {"accuracy"});
  return model;
}

nn::FitOptions training_options() {
  nn::FitOptions options;
  options.epochs = 20;
  options.batch_size = 32;
  return options;
}

}  // namespace exercises

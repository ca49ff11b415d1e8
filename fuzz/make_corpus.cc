// Writes the seed files of the keras_h5 fuzz target: small models saved by this library, the
// kinds of file load_model and load_weights meet (a compiled Sequential with Adam's state, its
// weights alone, a two-input functional model); with a second folder, the same models as .keras
// archives for the keras_archive target. Usage: make_corpus FOLDER [KERAS_FOLDER]
#include <iostream>
#include <string>

#include "lib/io/keras_h5.h"
#include "lib/models/functional.h"
#include "lib/nn.h"

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3) {
    std::cerr << "usage: make_corpus FOLDER [KERAS_FOLDER]\n";
    return 2;
  }
  const std::string folder = argv[1];
  nn::set_random_seed(1);
  nn::Sequential model({nn::Dense(4, "relu"), nn::Dense(3, "softmax")});
  model.compile("sparse_categorical_crossentropy", nn::Adam(0.01), {"accuracy"});
  const nn::Tensor x = {{0.1f, 0.2f}, {0.3f, -0.4f}, {-0.5f, 0.6f}};
  const nn::Tensor y = {{0.0f}, {1.0f}, {2.0f}};
  model.fit(x, y, {.epochs = 1, .batch_size = 3, .seed = 1, .verbose = 0});
  nn::save_model(model, folder + "/sequential_adam.h5");
  nn::save_weights(model, folder + "/sequential_weights.h5");

  nn::SymbolicTensor wide = nn::Input({2}, "wide");
  nn::SymbolicTensor deep = nn::Input({3}, "deep");
  nn::SymbolicTensor hidden = nn::Dense(4, "relu")(deep);
  nn::SymbolicTensor both = nn::Concatenate()({wide, hidden});
  nn::SymbolicTensor output = nn::Dense(1)(both);
  nn::Functional functional({wide, deep}, {output}, "wide_and_deep");
  functional.compile("mse", nn::SGD(0.01));
  nn::save_model(functional, folder + "/functional_sgd.h5");
  std::cout << "wrote 3 files to " << folder << "\n";
  if (argc == 3) {
    const std::string keras = argv[2];
    nn::save_model(model, keras + "/sequential_adam.keras");
    nn::save_model(functional, keras + "/functional_sgd.keras");
    nn::save_weights(model, keras + "/sequential.weights.h5");
    std::cout << "wrote 3 files to " << keras << "\n";
  }
  return 0;
}

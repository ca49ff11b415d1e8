// Iris with the functional API: one input, two named outputs (the species and the petal
// width), a loss, a metric and a loss weight per output, early stopping and a CSV log.
//
//   bazel run //examples/your_own_program:iris            # writes out/your_own_program/
//   bazel run //examples/your_own_program:iris -- /tmp/x  # or into a folder of your choice
#include "lib/data/iris.h"  // nn::load_iris (//lib/data)

#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "lib/data/split.h"  // nn::train_test_split (//lib/data)
#include "lib/nn.h"          // layers, models, losses, optimizers, callbacks (//lib:nn)

// Where the program writes. Under `bazel run` it starts in its runfiles folder, where
// data/iris.csv is; BUILD_WORKING_DIRECTORY is the folder the command was typed in.
std::filesystem::path output_folder(int argc, char** argv) {
  std::filesystem::path folder = argc > 1 ? argv[1] : "out/your_own_program";
  if (const char* typed_in = std::getenv("BUILD_WORKING_DIRECTORY");
      typed_in != nullptr && folder.is_relative()) {
    folder = std::filesystem::path(typed_in) / folder;
  }
  std::filesystem::create_directories(folder);
  return folder;
}

int main(int argc, char** argv) {
  try {
    const std::filesystem::path out = output_folder(argc, argv);

    // Three measurements in, two answers out: the species and the petal width (cm).
    nn::Iris iris = nn::load_iris();  // data/iris.csv
    nn::Tensor x = iris.columns({"sepal_length", "sepal_width", "petal_length"});
    nn::Tensor width = iris.columns({"petal_width"});  // (150, 1)
    auto [x_train, x_test, species_train, species_test, width_train, width_test] =
        nn::train_test_split(x, iris.labels, width, nn::SplitOptions{.test_size = 0.2, .seed = 42});

    // keras.Input, layers called on symbolic tensors, keras.Model(inputs, outputs).
    nn::set_random_seed(42);
    nn::SymbolicTensor input = nn::Input({3}, "measurements");
    nn::SymbolicTensor hidden = nn::Dense(32, "relu")(input);
    nn::SymbolicTensor species = nn::Dense(3, {.activation = "softmax", .name = "species"})(hidden);
    nn::SymbolicTensor petal_width = nn::Dense(1, {.name = "width"})(hidden);
    nn::Model model({input}, {species, petal_width}, "iris");

    model.compile({{"species", "sparse_categorical_crossentropy"}, {"width", "mse"}},
                  nn::Adam(0.01), {{"species", {"accuracy"}}, {"width", {"mae"}}},
                  {{"species", 1.0}, {"width", 0.5}});
    model.summary();

    auto stop = std::make_shared<nn::EarlyStopping>(
        nn::EarlyStoppingOptions{.patience = 20, .restore_best_weights = true});
    auto log = std::make_shared<nn::CSVLogger>((out / "iris_training.csv").string());
    nn::History history =
        model.fit(x_train, {species_train, width_train},
                  {.epochs = 300, .validation_split = 0.2, .callbacks = {stop, log}, .verbose = 0});
    std::cout << "trained " << history.epoch.size() << " epochs; the log has "
              << history.history.size() << " columns, written to "
              << (out / "iris_training.csv").string() << "\n";

    // evaluate() returns a map: the total loss, each output's loss and metrics by name.
    nn::Logs logs = model.evaluate(x_test, {species_test, width_test}, 32, 0);
    for (const auto& [name, value] : logs) std::cout << "  test " << name << " = " << value << "\n";

    // predict() is for one output; predict_outputs() gives one tensor per output, in order.
    std::vector<nn::Tensor> predicted = model.predict_outputs(x_test);
    const nn::Tensor& probabilities = predicted.at(0);  // (30, 3)
    const nn::Tensor& widths = predicted.at(1);         // (30, 1)
    std::size_t correct = 0;
    double absolute_error = 0.0;
    for (std::size_t i = 0; i < x_test.shape(0); ++i) {
      std::size_t best = 0;
      for (std::size_t k = 1; k < 3; ++k) {
        if (probabilities(i, k) > probabilities(i, best)) best = k;
      }
      correct += static_cast<int>(best) == species_test(i) ? 1 : 0;
      absolute_error += std::abs(widths(i, 0) - width_test(i, 0));
    }
    const double accuracy = static_cast<double>(correct) / x_test.shape(0);
    const double mae = absolute_error / x_test.shape(0);
    std::cout << "by hand from predict_outputs: accuracy " << accuracy << ", mae " << mae << "\n";

    // The program checks itself: the book's tests run it.
    if (std::abs(accuracy - logs.at("species_accuracy")) > 1e-6 ||
        std::abs(mae - logs.at("width_mae")) > 1e-4 || accuracy < 0.85) {
      std::cerr << "iris: evaluate() and predict_outputs() disagree, or the model did not learn\n";
      return 1;
    }
    return 0;
  } catch (const nn::Error& e) {  // every error the library throws; nn::Error is in lib/nn.h
    std::cerr << "iris: " << e.what() << "\n";
    return 1;
  }
}

// A subclassed model with a Normalization layer on Auto MPG: adapted to the training cars,
// trained, its weights saved in Keras's HDF5 layout, then restored into fresh instances that
// never saw the data, once built first and once straight from the file.
//
//   bazel run //examples/your_own_program:restore        # writes out/your_own_program/
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>
#include <xtensor/xmath.hpp>

#include "lib/data/auto_mpg.h"  // nn::load_auto_mpg, nn::split_auto_mpg (//lib/data)
#include "lib/io/keras_h5.h"    // nn::save_weights, nn::load_weights (//lib/io)
#include "lib/nn.h"             // layers, models, losses, optimizers, callbacks (//lib:nn)

// As keras.Model subclassed: the layers are members, registered with track(), and call()
// says how they connect.
class MpgModel : public nn::Model {
 public:
  MpgModel() : nn::Model("mpg") {}

  std::vector<nn::Var> call(const std::vector<nn::Var>& inputs, bool training) override {
    nn::Var h = norm_(inputs.at(0), training);
    h = hidden1_(h, training);
    h = hidden2_(h, training);
    return {out_(h, training)};
  }
  nn::Normalization& norm() { return norm_; }

 private:
  nn::Normalization norm_ = track(nn::Normalization("norm"));
  nn::Dense hidden1_ = track(nn::Dense(32, "relu"));
  nn::Dense hidden2_ = track(nn::Dense(32, "relu"));
  nn::Dense out_ = track(nn::Dense(1, {.name = "mpg"}));
};

std::filesystem::path output_folder(int argc, char** argv) {  // as in iris.cc
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
    const std::string path = (output_folder(argc, argv) / "mpg.weights.h5").string();
    nn::AutoMpg cars = nn::load_auto_mpg();  // data/auto_mpg.csv
    nn::ThreeWaySplit<nn::Tensor> split = nn::split_auto_mpg(cars, 42);

    nn::set_random_seed(42);
    MpgModel model;
    model.norm().adapt(split.x_train);  // the training cars' means and variances
    model.compile("huber", "adam", {"mae"});
    model.fit(split.x_train, split.y_train,
              {.epochs = 100,
               .validation_data = {{split.x_validation, split.y_validation}},
               .verbose = 0});
    nn::Logs test = model.evaluate(split.x_test, split.y_test, 32, 0);
    std::cout << "test mae: " << test.at("mae") << " miles per gallon\n";
    nn::save_weights(model, path);
    const nn::Tensor expected = model.predict(split.x_test);

    // A fresh instance, built for 9 features: the un-adapted Normalization starts at mean 0,
    // variance 1, and load_weights() gives it the saved statistics with the other weights.
    MpgModel built;
    built.build({9});
    nn::load_weights(built, path);
    // Another, never built: load_weights() builds the layers from the shapes in the file.
    MpgModel unbuilt;
    nn::load_weights(unbuilt, path);

    bool same = true;
    for (MpgModel* fresh : {&built, &unbuilt}) {
      const nn::Tensor got = fresh->predict(split.x_test);
      const double largest = xt::amax(xt::abs(got - expected))();
      std::cout << "restored from " << path << ": largest difference " << largest << "\n";
      same = same && largest < 1e-5;
    }
    if (!same || test.at("mae") > 4.0) {
      std::cerr << "restore: the restored models disagree, or the model did not learn\n";
      return 1;
    }
    return 0;
  } catch (const nn::Error& e) {
    std::cerr << "restore: " << e.what() << "\n";
    return 1;
  }
}

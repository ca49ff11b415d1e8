#include "lib/io/keras_h5.h"

#include <catch2/catch.hpp>
#include <fstream>
#include <iterator>

#include "lib/error.h"
#include "lib/io/hdf5.h"
#include "lib/io/json_config.h"
#include "lib/io/optimizer_weights.h"
#include "lib/io/test_models_test.h"

namespace nn {
namespace {

using testing::fresh_folder;
using testing::random_inputs;

// Bit for bit: every float the same (NaN would fail, and must not occur here).
bool identical(const Tensor& a, const Tensor& b) {
  return a.shape() == b.shape() && std::equal(a.begin(), a.end(), b.begin());
}

}  // namespace

TEST_CASE("a Sequential model saved and loaded predicts the very same numbers", "[h5]") {
  const std::string folder = fresh_folder("sequential");
  const Tensor x = random_inputs(64, 4, 1);
  const Tensor y = testing::three_classes(x);
  Sequential model = testing::make_classifier(3);
  model.fit(x, y, {.epochs = 2, .batch_size = 16, .seed = 5, .verbose = 0});
  const std::string path = folder + "/my_model.h5";
  save_model(model, path);
  CHECK(testing::files_in(folder) == std::vector<std::string>{"my_model.h5"});

  std::unique_ptr<Model> loaded = load_model(path);
  REQUIRE(dynamic_cast<Sequential*>(loaded.get()) != nullptr);
  CHECK(identical(loaded->predict(x), model.predict(x)));
  CHECK(model_config(*loaded) == model_config(model));
  REQUIRE(loaded->compiled());  // the training_config compiled it again
  CHECK(loaded->optimizer().get_config() == model.optimizer().get_config());
  CHECK(loaded->metrics_names() == model.metrics_names());
  CHECK(loaded->evaluate(x, y, 32, 0) == model.evaluate(x, y, 32, 0));

  // Without compiling (Keras's compile=False): the same model, no optimizer.
  CHECK_FALSE(load_model(path, {.compile = false})->compiled());
}

TEST_CASE("the file has Keras's layout: attributes, model_weights, 1-D biases", "[h5]") {
  const std::string folder = fresh_folder("layout");
  Sequential model = testing::make_classifier(4);
  const std::string path = folder + "/model.h5";
  save_model(model, path);
  const h5::File file = h5::File::open(path);
  const h5::Group root = file.root();
  CHECK(root.string_attribute("keras_version") == kKerasVersion);
  CHECK(root.string_attribute("backend") == "tensorflow");
  const auto config = nlohmann::json::parse(root.string_attribute("model_config"));
  CHECK(config["class_name"] == "Sequential");
  const auto training = nlohmann::json::parse(root.string_attribute("training_config"));
  CHECK(training["loss"] == "sparse_categorical_crossentropy");
  CHECK(training["metrics"] == nlohmann::json::array({"accuracy"}));
  CHECK(training["optimizer_config"]["class_name"] == "Adam");
  CHECK(training["optimizer_config"]["config"]["learning_rate"] == 0.01);
  CHECK_FALSE(root.has_group("optimizer_weights"));  // no step taken yet: no state

  const h5::Group weights = root.group("model_weights");
  CHECK(weights.strings_attribute("layer_names") ==
        std::vector<std::string>{"dense", "dropout", "dense_1", "dense_2"});
  const h5::Group dense = weights.group("dense");
  CHECK(dense.strings_attribute("weight_names") ==
        std::vector<std::string>{"dense/kernel:0", "dense/bias:0"});
  CHECK(dense.read("dense/kernel:0").shape == std::vector<std::size_t>{4, 16});  // (in, units)
  CHECK(dense.read("dense/bias:0").shape == std::vector<std::size_t>{16});       // 1-D
  CHECK(weights.group("dropout").strings_attribute("weight_names").empty());
  const h5::Array kernel = weights.group("dense_2").read("dense_2/kernel:0");
  const Tensor& ours = model.get_layer("dense_2")->parameters()[0]->value();
  CHECK(std::equal(kernel.values.begin(), kernel.values.end(), ours.begin()));
}

TEST_CASE("the same model saved twice gives the same bytes", "[h5]") {
  const std::string folder = fresh_folder("bytes");
  for (const char* name : {"a.h5", "b.h5"}) {
    Sequential model = testing::make_classifier(3);
    save_model(model, folder + "/" + name);
  }
  const auto bytes = [&](const char* name) {
    std::ifstream in(folder + "/" + name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  CHECK(bytes("a.h5").size() > 1000);
  CHECK(bytes("a.h5") == bytes("b.h5"));  // no time stamps, no stray memory
}

TEST_CASE("a functional model with Normalization and Concatenate round-trips", "[h5]") {
  const std::string folder = fresh_folder("functional");
  const Tensor x_wide = random_inputs(50, 2, 11), x_deep = 3.0f * random_inputs(50, 4, 12) + 1.0f;
  Tensor y = Tensor::from_shape({50, 1});
  for (std::size_t i = 0; i < 50; ++i) y(i, 0) = x_wide(i, 0) - 0.5f * x_deep(i, 2);
  Functional model = testing::make_wide_and_deep(6, x_deep);
  model.fit({x_wide, x_deep}, y, {.epochs = 3, .batch_size = 10, .seed = 2, .verbose = 0});
  const std::string path = folder + "/wide_and_deep.h5";
  save_model(model, path);

  std::unique_ptr<Model> loaded = load_model(path);
  REQUIRE(dynamic_cast<Functional*>(loaded.get()) != nullptr);
  CHECK(identical(loaded->predict({x_wide, x_deep}), model.predict({x_wide, x_deep})));
  CHECK(model_config(*loaded) == model_config(model));
  // The statistics of the Normalization are weights: mean, variance and an int64 count.
  const h5::Group norm = h5::File::open(path).root().group("model_weights/norm");
  CHECK(norm.describe_dataset("norm/count:0") == "int64 ()");
  CHECK(norm.read("norm/mean:0").shape == std::vector<std::size_t>{4});
  // SGD with momentum: the momentum of each weight was saved and restored.
  const Parameter* kernel = model.get_layer("hidden")->parameters()[0];
  const Parameter* loaded_kernel = loaded->get_layer("hidden")->parameters()[0];
  CHECK(identical(loaded->optimizer().slots(*loaded_kernel).at(0),
                  model.optimizer().slots(*kernel).at(0)));
  CHECK(loaded->optimizer().iterations() == model.optimizer().iterations());
}

TEST_CASE("training resumed from a saved model matches training that never stopped", "[h5]") {
  const std::string folder = fresh_folder("resume");
  const Tensor x = random_inputs(96, 4, 21);
  const Tensor y = testing::three_classes(x);
  const FitOptions first{.epochs = 2, .batch_size = 16, .seed = 9, .verbose = 0};
  // No dropout: its random masks are a state that no model file holds (Keras's neither).
  Sequential uninterrupted = testing::make_classifier(8, /*dropout=*/0.0);
  uninterrupted.fit(x, y, first);
  const std::string path = folder + "/after_2_epochs.h5";
  save_model(uninterrupted, path);
  FitOptions rest = first;
  rest.epochs = 4;
  rest.initial_epoch = 2;
  uninterrupted.fit(x, y, rest);  // epochs 3 and 4, without stopping

  std::unique_ptr<Model> resumed = load_model(path);  // weights, Adam's m, v and step count
  resumed->fit(x, y, rest);                           // epochs 3 and 4 again, from the file
  const std::vector<Tensor> a = uninterrupted.get_weights(), b = resumed->get_weights();
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) CHECK(identical(a[i], b[i]));
  CHECK(resumed->optimizer().iterations() == uninterrupted.optimizer().iterations());

  // Without the optimizer's state, Adam starts afresh and the weights drift apart.
  save_model(*load_model(path), folder + "/no_state.h5", /*include_optimizer=*/false);
  std::unique_ptr<Model> fresh = load_model(folder + "/no_state.h5");
  fresh->fit(x, y, rest);
  CHECK_FALSE(identical(fresh->get_weights()[0], a[0]));
}

TEST_CASE("an optimizer state that does not fit the optimizer is left out, not half loaded",
          "[h5]") {
  const std::string folder = fresh_folder("optimizer_state");
  const Tensor x = random_inputs(32, 4, 41);
  const Tensor y = testing::three_classes(x);
  Sequential model = testing::make_classifier(9, /*dropout=*/0.0);
  model.fit(x, y, {.epochs = 1, .batch_size = 8, .seed = 1, .verbose = 0});
  const std::string path = folder + "/adam.h5";
  save_model(model, path);
  const h5::File file = h5::File::open(path);
  CHECK(file.root().group("optimizer_weights").strings_attribute("weight_names").size() ==
        1 + 2 * 6);  // iter, then m and v of 3 kernels and 3 biases

  std::unique_ptr<Model> other = load_model(path, {.compile = false});
  other->compile("sparse_categorical_crossentropy", SGD(0.1, 0.9));  // not Adam
  CHECK_FALSE(read_optimizer_weights(*other, file.root()));
  CHECK(other->optimizer().iterations() == 0);
  std::unique_ptr<Model> same = load_model(path, {.compile = false});
  same->compile("sparse_categorical_crossentropy", Adam(0.01));
  CHECK(read_optimizer_weights(*same, file.root()));
  CHECK(same->optimizer().iterations() == 4);  // 32 rows in batches of 8
}

TEST_CASE("a subclassed model saves its weights only, and they load into a new instance", "[h5]") {
  const std::string folder = fresh_folder("subclassed");
  const Tensor x = random_inputs(20, 4, 31);
  set_random_seed(1);
  testing::Residual model;
  const Tensor before = model.predict(x);
  CHECK_THROWS_WITH(save_model(model, folder + "/residual.h5"),
                    Catch::Contains("subclassed") && Catch::Contains("save_weights"));
  CHECK(testing::files_in(folder).empty());  // nothing was written, not even a temporary

  save_weights(model, folder + "/residual.weights.h5");
  set_random_seed(2);  // other initial weights
  testing::Residual copy;
  copy.build({4});
  CHECK_FALSE(identical(copy.predict(x), before));
  load_weights(copy, folder + "/residual.weights.h5");
  CHECK(identical(copy.predict(x), before));
  CHECK_THROWS_WITH(load_model(folder + "/residual.weights.h5"),
                    Catch::Contains("holds only weights"));
}

TEST_CASE("weights for another architecture are refused, naming the layer and the shapes", "[h5]") {
  const std::string folder = fresh_folder("mismatch");
  Sequential model = testing::make_classifier(5);
  const std::string path = folder + "/weights.h5";
  save_weights(model, path);

  set_random_seed(1);
  Sequential wider({Dense(16, "relu"), Dense(9, "tanh"), Dense(3, "softmax")});
  wider.build({4});
  const std::vector<Tensor> untouched = wider.get_weights();
  CHECK_THROWS_AS(load_weights(wider, path), ShapeError);
  CHECK_THROWS_WITH(load_weights(wider, path),
                    Catch::Contains(path) && Catch::Contains("layer 'dense_1' (Dense)") &&
                        Catch::Contains("kernel is (16, 9) in the model but (16, 8) in the file"));
  const std::vector<Tensor> after = wider.get_weights();  // the first layer fitted: unchanged
  for (std::size_t i = 0; i < after.size(); ++i) CHECK(identical(after[i], untouched[i]));

  Sequential shorter({Dense(16, "relu"), Dense(3, "softmax")});
  shorter.build({4});
  CHECK_THROWS_WITH(load_weights(shorter, path),
                    Catch::Contains("3 layers (dense, dense_1, dense_2)") &&
                        Catch::Contains("2 layers with weights (dense, dense_1)"));

  // A model not called yet takes its layers' widths from the file, then fails the same way.
  Sequential unbuilt({Dense(16, "relu"), Dense(3, "softmax")});
  CHECK_THROWS_WITH(load_weights(unbuilt, path),
                    Catch::Contains("2 layers with weights (dense, dense_1)"));

  // by_name: layers of the same name get their weights, the others keep theirs.
  set_random_seed(3);
  Sequential partial({Dense(16, "relu", "glorot_uniform", "zeros", "dense"),
                      Dense(3, "softmax", "glorot_uniform", "zeros", "elsewhere")});
  partial.build({4});
  const Tensor kept = partial.get_layer("elsewhere")->get_weights()[0];
  load_weights(partial, path, {.by_name = true});
  CHECK(identical(partial.get_layer("dense")->get_weights()[0],
                  model.get_layer("dense")->get_weights()[0]));
  CHECK(identical(partial.get_layer("elsewhere")->get_weights()[0], kept));
}

}  // namespace nn

// Tests for exercise 7.1. Do not edit: `./book grade weights_file` runs them.
#include "exercises/07_saving/weights_file.h"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "lib/error.h"
#include "lib/io/hdf5.h"
#include "lib/io/keras_h5.h"
#include "lib/nn.h"

using exercises::DenseWeights;
using exercises::read_dense_weights;
using exercises::write_dense_weights;

namespace {

std::string temporary(const std::string& name) {
  const char* folder = std::getenv("TEST_TMPDIR");
  return std::string(folder != nullptr ? folder : "/tmp") + "/" + name;
}

std::vector<DenseWeights> two_layers() {
  DenseWeights first{"hidden", {{0.5f, -1.0f, 2.0f}, {1.5f, 0.25f, -0.75f}}, {0.1f, 0.2f, 0.3f}};
  DenseWeights second{"out", {{1.0f}, {-2.0f}, {0.5f}}, {-0.5f}};
  return {first, second};
}

bool same(const nn::Tensor& a, const nn::Tensor& b) {
  return a.shape() == b.shape() && std::equal(a.begin(), a.end(), b.begin());
}

}  // namespace

TEST_CASE("what you write reads back: names, kernels and biases") {
  const std::string path = temporary("round_trip.h5");
  write_dense_weights(two_layers(), path);
  const std::vector<DenseWeights> layers = read_dense_weights(path);
  REQUIRE(layers.size() == 2);
  for (std::size_t i = 0; i < 2; ++i) {
    INFO("layer " << i << ": kernel " << nn::shape_string(layers[i].kernel) << ", bias "
                  << nn::shape_string(layers[i].bias));
    CHECK(layers[i].name == two_layers()[i].name);
    CHECK(same(layers[i].kernel, two_layers()[i].kernel));
    CHECK((layers[i].bias == two_layers()[i].bias));
  }
}

TEST_CASE("the file has Keras's layout") {
  const std::string path = temporary("layout.h5");
  write_dense_weights(two_layers(), path);
  const nn::h5::File file = nn::h5::File::open(path);
  const nn::h5::Group root = file.root();
  CHECK(root.strings_attribute("layer_names") == std::vector<std::string>{"hidden", "out"});
  const nn::h5::Group hidden = root.group("hidden");
  CHECK(hidden.strings_attribute("weight_names") ==
        std::vector<std::string>{"hidden/kernel:0", "hidden/bias:0"});
  CHECK(hidden.read("hidden/kernel:0").shape == std::vector<std::size_t>{2, 3});
  CHECK(hidden.read("hidden/bias:0").shape == std::vector<std::size_t>{3});  // 1-D
  CHECK(hidden.read("hidden/kernel:0").values ==
        std::vector<float>{0.5f, -1.0f, 2.0f, 1.5f, 0.25f, -0.75f});  // row by row
  CHECK(root.group("out").read("out/bias:0").values == std::vector<float>{-0.5f});
}

TEST_CASE("nn::load_weights reads your file, and the model computes xW + b with it") {
  const std::string path = temporary("for_keras.h5");
  write_dense_weights(two_layers(), path);
  nn::set_random_seed(1);
  nn::Sequential model({nn::Dense(3), nn::Dense(1)});
  model.build({2});
  nn::load_weights(model, path);
  const nn::Tensor x = {{1.0f, 2.0f}, {-1.0f, 0.5f}};
  // By hand: h = xW1 + b1, y = hW2 + b2.
  // row 0: h = (3.6, -0.3, 0.8), y = 3.6 + 0.6 + 0.4 - 0.5 = 4.1
  // row 1: h = (0.35, 1.325, -2.075), y = 0.35 - 2.65 - 1.0375 - 0.5 = -3.8375
  const nn::Tensor y = model.predict(x);
  CHECK(y(0, 0) == Approx(4.1f).margin(1e-5));
  CHECK(y(1, 0) == Approx(-3.8375f).margin(1e-5));
}

TEST_CASE("files written by nn::save_weights read back, layers without weights skipped") {
  const std::string path = temporary("saved_by_library.h5");
  nn::set_random_seed(2);
  nn::Sequential model({nn::Dense(5, "relu"), nn::Dropout(0.5), nn::Dense(2)});
  model.build({3});
  nn::save_weights(model, path);
  const std::vector<DenseWeights> layers = read_dense_weights(path);
  REQUIRE(layers.size() == 2);
  CHECK(layers[0].name == "dense");
  CHECK(layers[1].name == "dense_1");
  const std::vector<nn::Tensor> weights = model.get_weights();  // W1, b1 (1, 5), W2, b2
  CHECK(same(layers[0].kernel, weights[0]));
  CHECK(same(layers[1].kernel, weights[2]));
  REQUIRE(layers[1].bias.size() == 2);
  CHECK(layers[1].bias(1) == weights[3](0, 1));
}

TEST_CASE("a bias that does not fit its kernel is a DataError") {
  const std::string path = temporary("broken.h5");
  nn::h5::File file = nn::h5::File::create(path);
  {
    const nn::h5::Group root = file.root();
    root.set_strings_attribute("layer_names", {"d"});
    const nn::h5::Group d = root.create_group("d");
    d.set_strings_attribute("weight_names", {"d/kernel:0", "d/bias:0"});
    const float kernel[6] = {1, 2, 3, 4, 5, 6}, bias[2] = {0, 0};
    d.write("d/kernel:0", {2, 3}, kernel);
    d.write("d/bias:0", {2}, bias);  // 2 values for 3 units
  }
  file.close();
  CHECK_THROWS_AS(read_dense_weights(path), nn::DataError);
}

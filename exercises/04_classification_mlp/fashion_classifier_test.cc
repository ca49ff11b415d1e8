// Tests for exercise 4.6. Do not edit: `./book grade fashion_classifier` runs them. They read
// Fashion-MNIST from Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist).
#include "exercises/04_classification_mlp/fashion_classifier.h"

#include <catch2/catch.hpp>
#include <xtensor/xview.hpp>

#include "lib/data/fashion_mnist.h"
#include "lib/error.h"

namespace {

// 10,000 training images and 2,000 test images, loaded once.
const nn::FashionMnist& data() {
  static const nn::FashionMnist loaded = [] {
    nn::FashionMnistOptions options;
    options.validation = 1000;
    options.train_limit = 10000;
    options.test_limit = 2000;
    return nn::load_fashion_mnist(options);
  }();
  return loaded;
}

}  // namespace

TEST_CASE("the options stay within the limits") {
  const nn::FitOptions options = exercises::training_options();
  INFO("epochs " << options.epochs << ", batch_size " << options.batch_size);
  CHECK(options.epochs >= 1);
  CHECK(options.epochs <= 20);
  CHECK(options.batch_size >= 16);
  CHECK_FALSE(options.validation_data.has_value());
  CHECK(options.validation_split == 0.0);
  CHECK(options.callbacks.empty());
}

TEST_CASE("the model is compiled and outputs ten probabilities per image") {
  nn::set_random_seed(42);
  nn::Sequential model = exercises::make_classifier();
  REQUIRE(model.compiled());
  const nn::Tensor x = xt::view(data().x_test, xt::range(0, 5), xt::all());
  const nn::Tensor p = model.predict(x);
  INFO("predict() on 5 images gave " << nn::shape_string(p));
  REQUIRE(p.shape(0) == 5);
  REQUIRE(p.shape(1) == 10);
  for (std::size_t i = 0; i < 5; ++i) {
    INFO("row " << i << " sums to " << xt::sum(xt::row(p, i))());
    CHECK(xt::sum(xt::row(p, i))() == Approx(1.0).epsilon(1e-4));
    CHECK(xt::amin(xt::row(p, i))() >= 0.0f);
  }
}

TEST_CASE("trained on 10,000 images, it gets 85% of 2,000 test images right") {
  nn::set_random_seed(42);
  nn::Sequential model = exercises::make_classifier();
  REQUIRE(model.compiled());
  nn::FitOptions options = exercises::training_options();
  REQUIRE(options.epochs <= 20);
  REQUIRE(options.batch_size >= 16);
  options.seed = 42;
  options.verbose = 0;
  options.validation_data.reset();
  options.validation_split = 0.0;
  options.callbacks.clear();
  try {
    model.fit(data().x_train, data().y_train, options);
    const nn::Logs test = model.evaluate(data().x_test, data().y_test, 32, 0);
    REQUIRE(test.count("accuracy") == 1);
    INFO("test accuracy " << test.at("accuracy") << " after " << options.epochs
                          << " epochs (batch size " << options.batch_size << ")");
    CHECK(test.at("accuracy") >= 0.85);
  } catch (const nn::Error& e) {
    FAIL("the library refused: " << e.what());
  }
}

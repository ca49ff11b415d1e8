// Tests for exercise 4.6. Do not edit: `./book grade fashion_classifier` runs them. They read
// Fashion-MNIST from Debian's dataset-fashion-mnist (/usr/share/datasets/fashion-mnist).
#include "exercises/04_classification_mlp/fashion_classifier.h"

#include <algorithm>
#include <catch2/catch.hpp>

#include "exercises/04_classification_mlp/fashion_data_test.h"
#include "lib/error.h"

using exercises::testing::fashion_data;

TEST_CASE("the options stay within the limits and validate on the validation set") {
  const auto& data = fashion_data();
  const nn::FitOptions options = exercises::training_options(data.x_valid, data.y_valid);
  INFO("epochs " << options.epochs << ", batch_size " << options.batch_size);
  CHECK(options.epochs >= 1);
  CHECK(options.epochs <= 20);
  CHECK(options.batch_size >= 16);
  REQUIRE(options.validation_data.has_value());
  CHECK(options.validation_data->first.rows() == data.x_valid.shape(0));
  CHECK(options.validation_split == 0.0);
  CHECK_FALSE(options.callbacks.empty());  // something must keep the best epoch
}

TEST_CASE("the model is compiled and outputs ten probabilities per image") {
  nn::set_random_seed(42);
  nn::Sequential model = exercises::make_classifier();
  REQUIRE(model.compiled());
  const nn::Tensor x = xt::view(fashion_data().x_valid, xt::range(0, 5), xt::all());
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

TEST_CASE("chosen on validation, it gets 84.5% of 5,000 held-out test images right") {
  const auto& data = fashion_data();
  nn::set_random_seed(42);
  nn::Sequential model = exercises::make_classifier();
  REQUIRE(model.compiled());
  nn::FitOptions options = exercises::training_options(data.x_valid, data.y_valid);
  REQUIRE(options.epochs <= 20);
  REQUIRE(options.batch_size >= 16);
  REQUIRE(options.validation_data.has_value());
  REQUIRE(options.validation_data->first.rows() == data.x_valid.shape(0));
  options.seed = 42;
  options.verbose = 0;
  options.validation_split = 0.0;
  try {
    const nn::History history = model.fit(data.x_train, data.y_train, options);
    REQUIRE(history.history.count("val_accuracy") == 1);
    const std::vector<double>& validated = history.history.at("val_accuracy");
    const double best = *std::max_element(validated.begin(), validated.end());
    // The model fit() leaves is the epoch that validated best: the selection was made there.
    const nn::Logs again = model.evaluate(data.x_valid, data.y_valid, 32, 0);
    INFO("val_accuracy per epoch " << Catch::Detail::stringify(validated) << "; the model left "
                                   << "after fit() validates at " << again.at("accuracy"));
    CHECK(again.at("accuracy") == Approx(best).margin(1e-9));
    const nn::Logs held_out = model.evaluate(data.x_held_out, data.y_held_out, 32, 0);
    REQUIRE(held_out.count("accuracy") == 1);
    INFO("held-out accuracy " << held_out.at("accuracy") << " after " << validated.size()
                              << " epochs (batch size " << options.batch_size << ")");
    CHECK(held_out.at("accuracy") >= 0.845);
  } catch (const nn::Error& e) {
    FAIL("the library refused: " << e.what());
  }
}

// Naming a layer, or changing one setting, without restating the defaults: each layer with
// options takes them as a struct with designated initializers, as Keras takes keywords.
#include <catch2/catch.hpp>

#include "lib/error.h"
#include "lib/layers/batch_normalization.h"
#include "lib/layers/dense.h"
#include "lib/layers/dropout.h"
#include "lib/layers/relu.h"

TEST_CASE("Dense takes its options by name") {
  const nn::Dense species(3, {.activation = "softmax", .name = "species"});
  CHECK(species->name() == "species");
  CHECK(species->activation() == "softmax");
  CHECK(species->use_bias());
  const nn::Dense no_bias(2, {.use_bias = false, .kernel_initializer = "zeros"});
  CHECK_FALSE(no_bias->use_bias());
  CHECK(no_bias->get_config()["kernel_initializer"]["class_name"] == "Zeros");
  CHECK(species->get_config()["kernel_initializer"]["class_name"] == "GlorotUniform");
}

TEST_CASE("a layer name where the kernel initializer goes says how to name a layer") {
  // nn::Dense(3, "softmax", "out") compiles (the third argument is the initializer, as in
  // Keras's positional order); the error must lead to the options form.
  CHECK_THROWS_AS(nn::Dense(3, "softmax", "out"), nn::ValueError);
  CHECK_THROWS_WITH(nn::Dense(3, "softmax", "out"), Catch::Contains("unknown initializer 'out'") &&
                                                        Catch::Contains(".name = \"out\""));
}

TEST_CASE("BatchNormalization, Dropout, ReLU and LeakyReLU take options by name") {
  const nn::BatchNormalization bn({.momentum = 0.9, .name = "bn1"});
  CHECK(bn->name() == "bn1");
  CHECK(bn->get_config()["momentum"].get<double>() == Approx(0.9));
  CHECK(bn->get_config()["epsilon"].get<double>() == Approx(1e-3));
  const nn::Dropout drop(0.25, {.name = "drop"});
  CHECK(drop->name() == "drop");
  CHECK(drop->get_config()["rate"].get<double>() == Approx(0.25));
  const nn::ReLU relu6({.max_value = 6.0, .name = "relu6"});
  CHECK(relu6->name() == "relu6");
  CHECK(relu6->get_config()["max_value"].get<double>() == Approx(6.0));
  const nn::LeakyReLU leaky({.name = "leaky"});
  CHECK(leaky->name() == "leaky");
  CHECK(leaky->get_config()["negative_slope"].get<double>() == Approx(0.3));
}

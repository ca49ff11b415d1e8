// lib/nn.h is enough for a Keras-style program: the layers, models, optimizers, schedules
// and regularizers it names, and nn::Error to catch what goes wrong (before, a
// catch (const nn::Error&) needed lib/error.h found by hand).
#include <catch2/catch.hpp>

#include "lib/nn.h"  // the only include: what this test uses must come through it

TEST_CASE("a program that includes only lib/nn.h can build, train and catch nn::Error") {
  nn::Sequential model({nn::Dense(4, {.activation = "elu", .kernel_regularizer = nn::L2(0.01)}),
                        nn::Dense(1, {.name = "out"})});
  model.compile("mse", nn::RMSprop(0.01));
  nn::Tensor x = xt::ones<float>({8, 3});
  CHECK_NOTHROW(model.fit(x, xt::zeros<float>({8}), {.epochs = 1, .verbose = 0}));
  bool caught = false;
  try {
    model.predict(xt::ones<float>({2, 5}));  // 5 features where the model takes 3
  } catch (const nn::Error& e) {
    caught = true;
    CHECK_THAT(e.what(), Catch::Contains("(2, 5)"));
  }
  CHECK(caught);
  // The rest of what a reader reaches for is named here too.
  nn::AdamW adamw;
  nn::ExponentialDecay decay(0.01, 100, 0.9);
  CHECK(adamw.name() == "AdamW");
  CHECK(decay(0) == Approx(0.01));
}

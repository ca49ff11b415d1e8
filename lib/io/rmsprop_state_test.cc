// RMSprop's state in saved files, as Keras lays it out: in a Keras 3 file every velocity
// comes first, then every momentum, then every average gradient (Keras 3's RMSprop.build
// makes them kind by kind, where Adam makes m and v weight by weight); in a Keras 2 file
// the slots are named rms, momentum and mg. A round trip restores the same state.
#include <catch2/catch.hpp>

#include "lib/io/hdf5.h"
#include "lib/io/keras3_weights.h"
#include "lib/io/keras_archive.h"
#include "lib/io/keras_h5.h"
#include "lib/io/test_models_test.h"
#include "lib/layers/dense.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/rmsprop.h"

namespace nn {
namespace {

// A trained two-layer model whose RMSprop has all three kinds of slot.
Sequential trained_with_rmsprop() {
  set_random_seed(4);
  Sequential model({Dense(5, "tanh"), Dense(1)}, "rms");
  model.compile("mse", RMSprop(0.01, 0.9, 0.5, 1e-7, true));
  const Tensor x = testing::random_inputs(16, 3, 1);
  const Tensor y = testing::random_inputs(16, 1, 2);
  model.fit(x, y, {.epochs = 2, .batch_size = 8, .seed = 5, .verbose = 0});
  return model;
}

bool same(const Tensor& a, const Tensor& b) { return a.shape() == b.shape() && a == b; }

}  // namespace

TEST_CASE("Keras 3 files hold RMSprop's slots kind by kind") {
  Sequential model = trained_with_rmsprop();
  const std::string path = testing::fresh_folder("rmsprop3") + "/state.h5";
  {
    h5::File file = h5::File::create(path);
    write_keras3_optimizer(model, file.root());
    file.close();  // built in memory, written at close
  }
  const h5::File file = h5::File::open(path);
  const h5::Group vars = file.root().group("optimizer/vars");
  const std::vector<Parameter*> weights = model.trainable_parameters();
  const std::size_t n = weights.size();  // 4: two kernels, two biases
  REQUIRE(vars.children().size() == 2 + 3 * n);
  for (std::size_t w = 0; w < n; ++w) {
    const std::vector<Tensor>& slots = model.optimizer().slots(*weights[w]);
    REQUIRE(slots.size() == 3);
    for (std::size_t k = 0; k < 3; ++k) {  // velocity, momentum, average gradient
      const h5::Array saved = vars.read(std::to_string(2 + k * n + w));
      CHECK(std::equal(saved.values.begin(), saved.values.end(), slots[k].begin()));
    }
  }
}

TEST_CASE("RMSprop's state comes back from a .keras archive and from a Keras 2 file") {
  Sequential model = trained_with_rmsprop();
  const std::string folder = testing::fresh_folder("rmsprop_round_trip");
  for (const std::string name : {"m.keras", "m.h5"}) {
    const std::string path = folder + "/" + name;
    if (name == "m.keras") {
      save_keras_archive(model, path);
    } else {
      save_model(model, path);
    }
    const std::unique_ptr<Model> back =
        name == "m.keras" ? load_keras_archive(path) : load_model(path);
    REQUIRE(back->optimizer().name() == "RMSprop");
    CHECK(back->optimizer().iterations() == model.optimizer().iterations());
    const std::vector<Parameter*> before = model.trainable_parameters();
    const std::vector<Parameter*> after = back->trainable_parameters();
    REQUIRE(before.size() == after.size());
    for (std::size_t w = 0; w < before.size(); ++w) {
      const auto& a = model.optimizer().slots(*before[w]);
      const auto& b = back->optimizer().slots(*after[w]);
      REQUIRE(a.size() == b.size());
      for (std::size_t k = 0; k < a.size(); ++k) CHECK(same(a[k], b[k]));
    }
  }
}

}  // namespace nn

// A subclassed model gets its weights back in a fresh instance, without the training data:
// the case of a model with a Normalization layer, whose statistics are weights. As in Keras,
// either build() the fresh model (an un-adapted Normalization builds with mean 0, variance 1,
// count 0) and load_weights(), or load_weights() straight away (the layers take their widths
// from the file).
#include <catch2/catch.hpp>
#include <xtensor/xview.hpp>

#include "lib/error.h"
#include "lib/io/keras_h5.h"
#include "lib/io/test_models_test.h"
#include "lib/layers/dense.h"
#include "lib/layers/normalization.h"
#include "lib/models/model.h"
#include "lib/random.h"

namespace nn {
namespace {

// Auto MPG's shape: 9 features, standardized inside the model, one output.
class MpgModel : public Model {
 public:
  MpgModel() : Model("mpg") {}
  std::vector<Var> call(const std::vector<Var>& inputs, bool training) override {
    return {out_(hidden_(norm_(inputs.at(0), training), training), training)};
  }
  Normalization& norm() { return norm_; }

 private:
  Normalization norm_ = track(Normalization());
  Dense hidden_ = track(Dense(16, "relu"));
  Dense out_ = track(Dense(1));
};

// x with features on very different scales, as Auto MPG's are, so the statistics matter.
Tensor cars(std::uint64_t seed) {
  Tensor x = testing::random_inputs(40, 9, seed);
  for (std::size_t i = 0; i < x.shape(0); ++i) x(i, 2) = 1000.0f + 500.0f * x(i, 2);
  return x;
}

}  // namespace

TEST_CASE("a fresh subclassed model with a Normalization layer loads its weights") {
  const Tensor x = cars(1);
  const std::string folder = testing::fresh_folder("fresh_load");
  set_random_seed(2);
  MpgModel trained;
  trained.norm().adapt(x);
  trained.compile("mse", "adam");
  const Tensor y = xt::view(x, xt::all(), xt::range(0, 1));
  trained.fit(x, y, {.epochs = 2, .verbose = 0});
  const Tensor expected = trained.predict(x);
  for (const std::string name : {"mpg.weights.h5", "mpg.h5"}) {
    const std::string path = folder + "/" + name;
    save_weights(trained, path);
    SECTION(name + ": build, then load_weights") {
      set_random_seed(9);  // other random weights, no adapt(): only the file can fix them
      MpgModel fresh;
      fresh.build({9});
      CHECK_FALSE(fresh.norm()->adapted());
      load_weights(fresh, path);
      CHECK(fresh.norm()->adapted());
      CHECK(fresh.norm()->count() == 40.0);
      CHECK(xt::allclose(fresh.predict(x), expected));
    }
    SECTION(name + ": load_weights into a model never called") {
      set_random_seed(9);
      MpgModel fresh;
      CHECK_FALSE(fresh.built());
      load_weights(fresh, path);
      CHECK(xt::allclose(fresh.predict(x), expected));
    }
  }
  SECTION("an un-adapted Normalization still refuses real data") {
    MpgModel fresh;
    fresh.build({9});
    CHECK_THROWS_WITH(fresh.predict(x), Catch::Contains("has no statistics yet"));
  }
}

}  // namespace nn

// Tests for exercise 7.6. Do not edit: `./book grade new_head` runs them.
// The reference is the model that wrote the files: its predictions and its layers' weights.
#include "exercises/07_saving/new_head.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "lib/io/json_config.h"
#include "lib/io/keras_h5.h"
#include "lib/nn.h"

using exercises::restore;
using exercises::with_new_head;

namespace {

std::string temp_path(const std::string& name) {
  const char* tmp = std::getenv("TEST_TMPDIR");
  return std::string(tmp != nullptr ? tmp : "/tmp") + "/" + name;
}

// The colleague's model: 5 features → hidden1 → hidden2 → 3 classes, non-zero biases.
struct Saved {
  nn::Sequential model{{nn::Dense(8, "relu", "glorot_uniform", "zeros", "hidden1"),
                        nn::Dense(6, "tanh", "glorot_uniform", "zeros", "hidden2"),
                        nn::Dense(3, "softmax", "glorot_uniform", "zeros", "output")}};
  nn::Tensor x = nn::Tensor::from_shape({7, 5});
  // Keras 2's layout (a name ending in .weights.h5 gets Keras 3's): by_name needs the names.
  std::string json, weights = temp_path("colleague_weights.h5");
  Saved() {
    nn::set_random_seed(21);
    model.build({5});
    std::vector<nn::Tensor> w = model.get_weights();
    nn::Rng rng(4);
    for (nn::Tensor& t : w) {
      for (float& v : t) v += 0.1f * rng.normal();  // biases away from zero, like a trained model
    }
    model.set_weights(w);
    for (float& v : x) v = rng.uniform(-2.0f, 2.0f);
    json = nn::model_to_json(model);
    nn::save_weights(model, weights);
  }
};

void check_same(const std::vector<nn::Tensor>& got, const std::vector<nn::Tensor>& expected,
                const std::string& what) {
  INFO(what);
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    INFO("weight " << i << ": shapes " << nn::shape_string(got[i]) << " and "
                   << nn::shape_string(expected[i]));
    REQUIRE(got[i].shape() == expected[i].shape());
    CHECK((got[i] == expected[i]));
  }
}

}  // namespace

TEST_CASE("restore gives the saved model back: same layers, same predictions") {
  Saved saved;
  std::unique_ptr<nn::Model> model = restore(saved.json, saved.weights);
  REQUIRE(model != nullptr);
  REQUIRE(model->layers().size() == 3);
  check_same(model->get_weights(), saved.model.get_weights(), "all weights");
  const nn::Tensor expected = saved.model.predict(saved.x);
  const nn::Tensor got = model->predict(saved.x);
  REQUIRE(got.shape() == expected.shape());
  CHECK(xt::amax(xt::abs(got - expected))() < 1e-6f);
}

TEST_CASE("the new head has the new shape and name; the rest keeps the saved weights") {
  Saved saved;
  nn::set_random_seed(99);
  std::unique_ptr<nn::Model> model =
      with_new_head(saved.json, saved.weights, 1, "sigmoid", "is_shirt");
  REQUIRE(model != nullptr);
  REQUIRE(model->layers().size() == 3);
  for (const char* name : {"hidden1", "hidden2"}) {
    check_same(model->get_layer(name)->get_weights(), saved.model.get_layer(name)->get_weights(),
               std::string("layer ") + name);
  }
  const std::shared_ptr<nn::Layer> head = model->layers().back();
  CHECK(head->name() == "is_shirt");
  CHECK(head->get_config().at("activation") == "sigmoid");
  const std::vector<nn::Tensor> w = head->get_weights();
  REQUIRE(w.size() == 2);
  CHECK(nn::shape_string(w[0]) == "(6, 1)");
  CHECK(nn::shape_string(w[1]) == "(1, 1)");
  CHECK(xt::amax(xt::abs(w[0]))() > 0.0f);  // fresh Glorot weights, not zeros
  const nn::Tensor p = model->predict(saved.x);
  REQUIRE(nn::shape_string(p) == "(7, 1)");
  CHECK(xt::amin(p)() > 0.0f);
  CHECK(xt::amax(p)() < 1.0f);
}

TEST_CASE("a wider head with another activation, and the old model untouched") {
  Saved saved;
  const std::vector<nn::Tensor> before = saved.model.get_weights();
  std::unique_ptr<nn::Model> model =
      with_new_head(saved.json, saved.weights, 4, "softmax", "styles");
  CHECK(nn::shape_string(model->predict(saved.x)) == "(7, 4)");
  CHECK(nn::shape_string(model->get_layer("styles")->get_weights()[0]) == "(6, 4)");
  check_same(model->get_layer("hidden1")->get_weights(),
             saved.model.get_layer("hidden1")->get_weights(), "layer hidden1");
  check_same(saved.model.get_weights(), before, "the saved model's own weights");
  // The hidden layers' outputs are the saved model's: compare through a model that stops
  // at hidden2 (the new model's head sees exactly what the old head saw).
  nn::Sequential trunk_new(
      {nn::Dense(std::dynamic_pointer_cast<nn::DenseLayer>(model->get_layer("hidden1"))),
       nn::Dense(std::dynamic_pointer_cast<nn::DenseLayer>(model->get_layer("hidden2")))});
  nn::Sequential trunk_old(
      {nn::Dense(std::dynamic_pointer_cast<nn::DenseLayer>(saved.model.get_layer("hidden1"))),
       nn::Dense(std::dynamic_pointer_cast<nn::DenseLayer>(saved.model.get_layer("hidden2")))});
  CHECK(xt::amax(xt::abs(trunk_new.predict(saved.x) - trunk_old.predict(saved.x)))() < 1e-6f);
}

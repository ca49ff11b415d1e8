#include "lib/io/json_config.h"

#include <catch2/catch.hpp>

#include "lib/error.h"
#include "lib/io/layer_config.h"
#include "lib/nn.h"

namespace nn {
namespace {

using nlohmann::json;

Sequential make_mlp() {
  set_random_seed(1);
  Sequential model({Dense(8, "relu", "he_normal"), Dropout(0.25), Dense(3), Activation("softmax")},
                   "mlp");
  model.build({4});
  return model;
}

class Twice : public Model {  // a subclassed model: its architecture is code
 public:
  Twice() : Model("twice") {}
  std::vector<Var> call(const std::vector<Var>& inputs, bool training) override {
    return {dense_(dense_(inputs.at(0), training), training)};
  }

 private:
  Dense dense_ = track(Dense(4));
};

}  // namespace

TEST_CASE("a Sequential config is Keras's, and rebuilds the same architecture", "[json]") {
  Sequential model = make_mlp();
  const json config = model_config(model);
  CHECK(config["class_name"] == "Sequential");
  const json& layers = config["config"]["layers"];
  REQUIRE(layers.size() == 5);  // InputLayer first, as Keras 2.4+ writes it
  CHECK(layers[0]["class_name"] == "InputLayer");
  CHECK(layers[0]["config"]["batch_input_shape"] == json::parse("[null, 4]"));
  CHECK(layers[1]["class_name"] == "Dense");
  CHECK(layers[1]["config"]["units"] == 8);
  CHECK(layers[1]["config"]["activation"] == "relu");
  CHECK(layers[1]["config"]["kernel_initializer"]["class_name"] == "HeNormal");
  CHECK(layers[2]["config"]["rate"] == 0.25);

  const json text = json::parse(model_to_json(model));
  CHECK(text["keras_version"] == kKerasVersion);
  std::unique_ptr<Model> copy = model_from_json(text.dump());
  CHECK(model_config(*copy) == config);
  CHECK(copy->layers().at(0)->built());  // the InputLayer gave the width: weights exist
  CHECK(copy->count_params() == model.count_params());
}

TEST_CASE("older Sequential configs: a list of layers, batch_input_shape on each", "[json]") {
  // Keras 2.1 (konduit-serving's model): every layer repeats the first one's input shape.
  const json config = json::parse(R"({"class_name": "Sequential", "config": [
    {"class_name": "Dense", "config": {"name": "d1", "batch_input_shape": [null, 4],
     "units": 8, "activation": "relu", "use_bias": true, "dtype": "float32",
     "kernel_initializer": {"class_name": "VarianceScaling", "config": {"scale": 1.0,
       "mode": "fan_avg", "distribution": "uniform", "seed": null}},
     "bias_initializer": {"class_name": "Zeros", "config": {}}, "kernel_regularizer": null}},
    {"class_name": "Dense", "config": {"name": "d2", "batch_input_shape": [null, 4],
     "units": 3, "activation": "softmax"}}]})");
  std::unique_ptr<Model> model = model_from_config(config);
  REQUIRE(model->layers().size() == 2);
  CHECK(model->layers()[0]->name() == "d1");
  CHECK(model->layers()[1]->input_dims() == std::vector<std::size_t>{8});  // not the stale 4
  CHECK(model->count_params() == 4 * 8 + 8 + 8 * 3 + 3);
}

TEST_CASE("images enter through a Flatten: an InputLayer of (28, 28) makes Flatten({28, 28})",
          "[json]") {
  const json config = json::parse(R"({"class_name": "Sequential", "config": {"name": "s",
    "layers": [{"class_name": "InputLayer", "config": {"batch_input_shape": [null, 28, 28]}},
               {"class_name": "Flatten", "config": {"name": "flatten"}},
               {"class_name": "Dense", "config": {"name": "out", "units": 10}}]}})");
  std::unique_ptr<Model> model = model_from_config(config);
  CHECK(model->layers()[0]->declared_input_dim() == std::optional<std::size_t>(784));
  CHECK(model->count_params() == 7850);

  json dense_first = config;
  dense_first["config"]["layers"].erase(1);
  CHECK_THROWS_WITH(model_from_config(dense_first),
                    Catch::Contains("[28,28]") && Catch::Contains("only a Flatten"));
}

TEST_CASE("a functional graph with two inputs and a Concatenate round-trips", "[json]") {
  set_random_seed(2);
  SymbolicTensor wide = Input({5}, "wide");
  SymbolicTensor deep = Input({6}, "deep");
  SymbolicTensor hidden = Dense(30, "relu", "glorot_uniform", "zeros", "hidden")(deep);
  SymbolicTensor both = concatenate({wide, hidden}, "both");
  SymbolicTensor output = Dense(1, "linear", "glorot_uniform", "zeros", "output")(both);
  Functional model({wide, deep}, {output}, "wide_and_deep");
  const json config = model_config(model);
  CHECK(config["class_name"] == "Functional");
  CHECK(config["config"]["input_layers"] == json::parse(R"([["wide", 0, 0], ["deep", 0, 0]])"));
  CHECK(config["config"]["output_layers"] == json::parse(R"([["output", 0, 0]])"));

  std::unique_ptr<Model> copy = model_from_json(model_to_json(model));
  CHECK(dynamic_cast<Functional*>(copy.get()) != nullptr);
  CHECK(model_config(*copy) == config);
  CHECK(copy->count_params() == model.count_params());
}

TEST_CASE("what cannot be rebuilt is refused by name", "[json]") {
  const auto with_layer = [](const std::string& layer) {
    return json::parse(R"({"class_name": "Sequential", "config": {"name": "s", "layers": [)" +
                       layer + "]}}");
  };
  CHECK_THROWS_WITH(
      model_from_config(with_layer(R"({"class_name": "Conv2D", "config": {"name": "conv"}})")),
      Catch::Contains("'conv' (Conv2D)") && Catch::Contains("Dense"));
  // A kernel regularizer is read (its penalty joins the loss); a bias regularizer is refused.
  const auto regularized = model_from_config(with_layer(
      R"({"class_name": "Dense", "config": {"name": "d", "units": 2,
      "kernel_regularizer": {"class_name": "L2", "config": {"l2": 0.01}}}})"));
  CHECK(regularized->get_layer("d")->get_config()["kernel_regularizer"] ==
        json::parse(R"({"class_name": "L2", "config": {"l2": 0.01}})"));
  CHECK_THROWS_WITH(model_from_config(with_layer(
                        R"({"class_name": "Dense", "config": {"name": "d", "units": 2,
                        "bias_regularizer": {"class_name": "L2", "config": {"l2": 0.01}}}})")),
                    Catch::Contains("'d' (Dense)") && Catch::Contains("bias_regularizer"));
  CHECK_NOTHROW(model_from_config(with_layer(
      R"({"class_name": "Dense", "config": {"name": "d", "units": 2,
      "kernel_regularizer": {"class_name": "L1L2", "config": {"l1": 0.0, "l2": 0.0}}}})")));
  CHECK_THROWS_WITH(model_from_config(with_layer(
                        R"({"class_name": "Dense", "config": {"name": "d", "units": 2,
                        "dtype": "float64"}})")),
                    Catch::Contains("float64"));
  CHECK_THROWS_WITH(model_from_config(with_layer(
                        R"({"class_name": "Dense", "config": {"name": "d", "units": "two"}})")),
                    Catch::Contains("'d' (Dense)") && Catch::Contains("whole number") &&
                        Catch::Contains("\"two\""));
  CHECK_THROWS_WITH(model_from_config(json::parse(R"({"class_name": "Functional", "config": {
      "name": "f", "layers": [{"class_name": "Dense", "name": "d", "config": {"name": "d",
      "units": 2}, "inbound_nodes": [[["ghost", 0, 0, {}]]]}], "input_layers": [],
      "output_layers": [["d", 0, 0]]}})")),
                    Catch::Contains("'d'") && Catch::Contains("ghost"));
  CHECK_THROWS_AS(model_from_json("{\"class_name\": "), DataError);
  // Found by json_config_fuzzer: JSON that is not an object, or whose class_name is not a
  // string, threw nlohmann's type_error instead of an nn::Error.
  CHECK_THROWS_WITH(model_from_json(R"("bias")"),
                    Catch::Contains("JSON object") && Catch::Contains("got string"));
  CHECK_THROWS_AS(model_from_json("[1, 2]"), ValueError);
  CHECK_THROWS_WITH(model_from_config(with_layer(
                        R"({"class_name": "Dense", "config": {"name": "d", "units": 2.2e22}})")),
                    Catch::Contains("Dense units") && Catch::Contains("whole number"));
  CHECK_THROWS_WITH(model_from_config(with_layer(
                        R"({"class_name": "Dense", "config": {"name": "d", "units": -3}})")),
                    Catch::Contains("Dense units"));
  CHECK_THROWS_WITH(model_from_config(with_layer(
                        R"({"class_name": "Dropout", "config": {"name": "o", "rate": 0.5,
                        "seed": -1}})")),
                    Catch::Contains("seed"));
  CHECK_THROWS_WITH(model_from_json("22222222e220211111111"),  // nlohmann's out_of_range
                    Catch::Contains("not JSON") && Catch::Contains("number overflow"));
  CHECK_THROWS_WITH(model_from_json(R"({"class_name": 3, "config": {}})"),
                    Catch::Contains("\"class_name\" string"));
  CHECK_THROWS_WITH(model_from_json(R"({"class_name": "Transformer", "config": {}})"),
                    Catch::Contains("Transformer"));

  Twice subclassed;
  CHECK_THROWS_WITH(model_config(subclassed), Catch::Contains("subclassed"));
}

TEST_CASE("initializers from Keras configs, old and new", "[json]") {
  const auto config_of = [](const json& keras) {
    return initializer_from_config(keras).get_config();
  };
  CHECK(config_of("glorot_uniform") == GlorotUniform().get_config());
  CHECK(config_of(json::parse(R"({"class_name": "HeNormal", "config": {"seed": 7}})")) ==
        HeNormal(7).get_config());
  // Keras 2.0-2.2 wrote "normal" for what later versions call "truncated_normal".
  CHECK(config_of(json::parse(R"({"class_name": "VarianceScaling", "config": {"scale": 2.0,
      "mode": "fan_in", "distribution": "normal", "seed": null}})")) ==
        VarianceScaling(2.0, "fan_in", "truncated_normal").get_config());
  CHECK_THROWS_WITH(initializer_from_config(json::parse(R"({"class_name": "Orthogonal"})")),
                    Catch::Contains("Orthogonal"));
}

}  // namespace nn

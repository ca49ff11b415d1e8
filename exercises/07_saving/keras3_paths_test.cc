// Tests for exercise 7.5. Do not edit: `./book grade keras3_paths` runs them.
// Reference values: tools/keras3_names.py prints Keras 3's snake case of the class names
// below (the rule of keras/src/utils/naming.py) and, for the three Keras 3 archives in
// ../shared/fixtures/keras3 (saved by Keras 3.3.3, 3.9.2 and 3.10.0), the config's layers and
// the datasets under layers/ in model.weights.h5; the cases below are those archives.
#include "exercises/07_saving/keras3_paths.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using exercises::ConfigLayer;
using exercises::keras3_groups;
using exercises::keras3_weight_path;
using exercises::keras_snake_case;

namespace {

// FlowNet_final_model.keras (Keras 3.9.2): weightless layers between the Dense ones.
const std::vector<ConfigLayer> flownet = {{"InputLayer", "input_layer"},  {"Dense", "dense"},
                                          {"Dropout", "dropout"},         {"Dense", "dense_1"},
                                          {"LeakyReLU", "leaky_re_lu"},   {"Dense", "dense_2"},
                                          {"LeakyReLU", "leaky_re_lu_1"}, {"Dense", "dense_3"}};

// churn_404error.keras (Keras 3.10.0): layers named by an earlier session's counters.
const std::vector<ConfigLayer> churn = {{"InputLayer", "input_layer_2"},
                                        {"Dense", "dense_6"},
                                        {"Dense", "dense_7"},
                                        {"Dense", "dense_8"}};

}  // namespace

TEST_CASE("class names in Keras 3's snake case") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"Dense", "dense"},
      {"Dropout", "dropout"},
      {"LeakyReLU", "leaky_re_lu"},
      {"InputLayer", "input_layer"},
      {"BatchNormalization", "batch_normalization"},
      {"Conv2D", "conv2d"},
      {"GRU", "gru"},
      {"LSTM", "lstm"},
      {"PReLU", "p_re_lu"},
      {"ReLU", "re_lu"},
      {"GlobalAveragePooling2D", "global_average_pooling2d"},
      {"MultiHeadAttention", "multi_head_attention"},
      {"Conv2DTranspose", "conv2d_transpose"},
      {"TextVectorization", "text_vectorization"},
  };
  for (const auto& [name, snake] : cases) {
    INFO("class " << name);
    CHECK(keras_snake_case(name) == snake);
  }
}

TEST_CASE("groups count the layers of each class, not all layers, and skip the input") {
  // The weights file of FlowNet_final_model.keras has exactly these groups.
  const std::vector<std::string> expected = {"",
                                             "layers/dense",
                                             "layers/dropout",
                                             "layers/dense_1",
                                             "layers/leaky_re_lu",
                                             "layers/dense_2",
                                             "layers/leaky_re_lu_1",
                                             "layers/dense_3"};
  const std::vector<std::string> got = keras3_groups(flownet);
  INFO("got " << Catch::Detail::stringify(got));
  CHECK(got == expected);
}

TEST_CASE("the group comes from the class and the order, not from the layer's name") {
  // churn_404error.keras: layers named dense_6, dense_7, dense_8; their kernels are
  // layers/dense/vars/0, layers/dense_1/vars/0 and layers/dense_2/vars/0 in the file.
  const std::vector<std::string> expected = {"", "layers/dense", "layers/dense_1",
                                             "layers/dense_2"};
  CHECK(keras3_groups(churn) == expected);
  CHECK(keras3_weight_path(churn, "dense_6", 0) == "layers/dense/vars/0");
  CHECK(keras3_weight_path(churn, "dense_7", 1) == "layers/dense_1/vars/1");
  CHECK(keras3_weight_path(churn, "dense_8", 0) == "layers/dense_2/vars/0");
  CHECK(keras3_weight_path(flownet, "dense_2", 1) == "layers/dense_2/vars/1");
  CHECK(keras3_weight_path(flownet, "dense_3", 0) == "layers/dense_3/vars/0");
}

TEST_CASE("a model built in another order files the same classes differently") {
  // A functional-style config where the names were given by hand: the places decide.
  const std::vector<ConfigLayer> layers = {
      {"InputLayer", "features"},   {"Normalization", "scale"}, {"Dense", "output"},
      {"BatchNormalization", "bn"}, {"Dense", "hidden"},        {"Normalization", "rescale"}};
  CHECK(keras3_weight_path(layers, "scale", 2) == "layers/normalization/vars/2");
  CHECK(keras3_weight_path(layers, "output", 0) == "layers/dense/vars/0");
  CHECK(keras3_weight_path(layers, "bn", 3) == "layers/batch_normalization/vars/3");
  CHECK(keras3_weight_path(layers, "hidden", 1) == "layers/dense_1/vars/1");
  CHECK(keras3_weight_path(layers, "rescale", 0) == "layers/normalization_1/vars/0");
  CHECK(keras3_groups({}).empty());
}

TEST_CASE("unknown names, the input layer and negative indices are refused") {
  CHECK_THROWS_AS(keras3_weight_path(churn, "dense", 0), nn::ValueError);
  CHECK_THROWS_WITH(keras3_weight_path(churn, "dense_9", 0), Catch::Contains("dense_9") &&
                                                                 Catch::Contains("dense_6") &&
                                                                 Catch::Contains("dense_8"));
  CHECK_THROWS_AS(keras3_weight_path(churn, "input_layer_2", 0), nn::ValueError);
  CHECK_THROWS_AS(keras3_weight_path(churn, "dense_6", -1), nn::ValueError);
}

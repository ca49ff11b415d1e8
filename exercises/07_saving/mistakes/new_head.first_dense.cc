// Mistake: the first Dense layer is taken for the head instead of the last
#include "exercises/07_saving/new_head.h"

#include <nlohmann/json.hpp>

#include "lib/error.h"
#include "lib/io/json_config.h"
#include "lib/io/keras_h5.h"

namespace exercises {

std::unique_ptr<nn::Model> restore(const std::string& architecture_json,
                                   const std::string& weights_path) {
  std::unique_ptr<nn::Model> model = nn::model_from_json(architecture_json);
  nn::load_weights(*model, weights_path);  // same architecture: by order is right
  return model;
}

std::unique_ptr<nn::Model> with_new_head(const std::string& architecture_json,
                                         const std::string& weights_path, int units,
                                         const std::string& activation,
                                         const std::string& head_name) {
  nlohmann::json config = nlohmann::json::parse(architecture_json);
  nlohmann::json& layers = config.at("config").at("layers");
  nlohmann::json* head = nullptr;
  for (nlohmann::json& layer : layers) {
    if (layer.at("class_name") == "Dense" && head == nullptr) head = &layer;
  }
  if (head == nullptr) throw nn::ValueError("with_new_head: the architecture has no Dense layer");
  (*head)["config"]["units"] = units;
  (*head)["config"]["activation"] = activation;
  // A new name: by name, the file has nothing for the head, so it keeps its fresh weights;
  // under the old name, the old head's weights (another shape) would be refused.
  (*head)["config"]["name"] = head_name;
  std::unique_ptr<nn::Model> model = nn::model_from_config(config);
  nn::load_weights(*model, weights_path, {.by_name = true});
  return model;
}

}  // namespace exercises

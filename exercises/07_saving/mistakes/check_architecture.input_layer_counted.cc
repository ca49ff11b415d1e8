// Mistake: counts the InputLayer of one config against the first real layer of the other.
#include "exercises/07_saving/check_architecture.h"

#include <nlohmann/json.hpp>

#include "lib/error.h"
#include "lib/io/hdf5.h"
#include "lib/io/json_config.h"

namespace exercises {
namespace {

using nlohmann::json;

std::vector<json> layers_of(const json& config) {
  std::vector<json> layers;
  for (const json& layer : config.at("config").at("layers")) {
    layers.push_back(layer);
  }
  return layers;
}

std::string text(const json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

}  // namespace

std::vector<std::string> architecture_differences(const nn::Model& model, const std::string& path) {
  const nn::h5::File file = nn::h5::File::open(path);
  const nn::h5::Group root = file.root();
  if (!root.has_attribute("model_config")) {
    throw nn::DataError(path + " has no model_config: it holds only weights");
  }
  const std::vector<json> saved = layers_of(json::parse(root.string_attribute("model_config")));
  const std::vector<json> ours = layers_of(nn::model_config(model));
  if (saved.size() != ours.size()) {
    return {"the file has " + std::to_string(saved.size()) + " layers, the model " +
            std::to_string(ours.size())};
  }
  std::vector<std::string> differences;
  for (std::size_t i = 0; i < saved.size(); ++i) {
    const std::string title =
        "layer " + std::to_string(i) + " (" + saved[i]["config"].value("name", "?") + "): ";
    const auto compare = [&](const std::string& what, const json& in_file, const json& in_model) {
      if (in_file != in_model) {
        differences.push_back(title + what + " is " + text(in_file) + " in the file, " +
                              text(in_model) + " in the model");
      }
    };
    compare("class", saved[i]["class_name"], ours[i]["class_name"]);
    if (saved[i]["class_name"] == "Dense" && ours[i]["class_name"] == "Dense") {
      compare("units", saved[i]["config"]["units"], ours[i]["config"]["units"]);
      compare("activation", saved[i]["config"]["activation"], ours[i]["config"]["activation"]);
    }
  }
  return differences;
}

}  // namespace exercises

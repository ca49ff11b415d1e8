#include "lib/models/sequential.h"

#include "lib/error.h"

namespace nn {

Sequential::Sequential(std::string name) : Model(std::move(name)) {}

Sequential::Sequential(std::initializer_list<std::shared_ptr<Layer>> layers, std::string name)
    : Model(std::move(name)) {
  for (const auto& layer : layers) add(layer);
}

void Sequential::add(const std::shared_ptr<Layer>& layer) { track_layer(layer); }

std::vector<Var> Sequential::call(const std::vector<Var>& inputs, bool training) {
  if (inputs.size() != 1) {
    throw Error("Sequential model " + name() + " takes one input, got " +
                std::to_string(inputs.size()));
  }
  if (layers().empty()) throw Error("Sequential model " + name() + " has no layers");
  Var x = inputs[0];
  for (const auto& layer : layers()) x = (*layer)(x, training);
  return {x};
}

nlohmann::json Sequential::get_config() const {
  nlohmann::json layer_configs = nlohmann::json::array();
  if (!layers().empty()) {
    const Layer& first = *layers().front();
    nlohmann::json shape = first.get_config().value("batch_input_shape", nlohmann::json());
    if (shape.is_null() && first.built()) shape = {nullptr, first.input_dims().at(0)};
    if (!shape.is_null()) {
      layer_configs.push_back({{"class_name", "InputLayer"},
                               {"config",
                                {{"batch_input_shape", shape},
                                 {"dtype", "float32"},
                                 {"sparse", false},
                                 {"ragged", false},
                                 {"name", first.name() + "_input"}}}});
    }
  }
  for (const auto& layer : layers()) {
    layer_configs.push_back({{"class_name", layer->class_name()}, {"config", layer->get_config()}});
  }
  return {{"name", name()}, {"layers", layer_configs}};
}

std::vector<std::string> Sequential::output_names() const {
  if (layers().empty()) return {"output_1"};
  return {layers().back()->name()};
}

std::string Sequential::output_shape_of(const Layer& layer) const {
  if (!layer.built()) return "?";
  return "(None, " + std::to_string(layer.output_dim(layer.input_dims())) + ")";
}

std::optional<std::vector<std::size_t>> Sequential::declared_input_dims() const {
  if (layers().empty()) return std::nullopt;
  const std::optional<std::size_t> width = layers().front()->declared_input_dim();
  if (!width) return std::nullopt;
  return std::vector<std::size_t>{*width};
}

}  // namespace nn

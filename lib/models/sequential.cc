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

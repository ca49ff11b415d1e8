#include "lib/layers/input.h"

#include "lib/error.h"

namespace nn {
namespace {

std::string layer_title(const Layer& layer) {
  return layer.name() + " (" + layer.class_name() + ")";
}

std::string describe_all(const std::vector<SymbolicTensor>& tensors) {
  std::string text;
  for (std::size_t i = 0; i < tensors.size(); ++i) {
    text += (i == 0 ? "" : i + 1 == tensors.size() ? " and " : ", ") + tensors[i].describe();
  }
  return text;
}

std::string dims_string(const std::vector<std::size_t>& dims) {
  std::string text;
  for (std::size_t i = 0; i < dims.size(); ++i) {
    text += (i == 0 ? "(None, " : ", (None, ") + std::to_string(dims[i]) + ")";
  }
  return text;
}

// The rows every input agrees on, if any is fixed; ShapeError if two fixed ones differ.
std::optional<std::size_t> common_batch_size(const Layer& layer,
                                             const std::vector<SymbolicTensor>& inputs) {
  std::optional<std::size_t> batch;
  const SymbolicTensor* first = nullptr;
  for (const SymbolicTensor& x : inputs) {
    if (!x.batch_size()) continue;
    if (batch && *batch != *x.batch_size()) {
      throw ShapeError("layer " + layer_title(layer) + " is called on inputs with different " +
                       "batch sizes: " + first->describe() + ", and " + x.describe() +
                       "; every input of a layer needs the same number of rows");
    }
    batch = x.batch_size();
    first = &x;
  }
  return batch;
}

}  // namespace

const SymbolicNode& SymbolicTensor::checked() const {
  if (!node_) throw Error("an empty nn::SymbolicTensor was used; make tensors with nn::Input()");
  return *node_;
}

std::size_t SymbolicTensor::width() const { return checked().width; }

std::optional<std::size_t> SymbolicTensor::batch_size() const { return checked().batch_size; }

std::string SymbolicTensor::shape_string() const {
  const SymbolicNode& node = checked();
  return "(" + (node.batch_size ? std::to_string(*node.batch_size) : std::string("None")) + ", " +
         std::to_string(node.width) + ")";
}

const std::shared_ptr<Layer>& SymbolicTensor::layer() const { return checked().layer; }

const std::vector<SymbolicTensor>& SymbolicTensor::inputs() const { return checked().inputs; }

bool SymbolicTensor::is_input() const { return checked().inputs.empty(); }

std::string SymbolicTensor::describe() const {
  if (is_input()) return "input " + layer()->name() + ", " + shape_string();
  return "the output of " + layer_title(*layer()) + ", " + shape_string();
}

InputLayer::InputLayer(std::size_t width, std::optional<std::size_t> batch_size, std::string name)
    : Layer(std::move(name)), width_(width), batch_size_(batch_size) {
  Layer::build({width});
}

Var InputLayer::forward(const std::vector<Var>& inputs, bool) { return single_input(inputs); }

nlohmann::json InputLayer::get_config() const {
  nlohmann::json batch = batch_size_ ? nlohmann::json(*batch_size_) : nlohmann::json(nullptr);
  return {{"batch_input_shape", {batch, width_}},
          {"dtype", "float32"},
          {"sparse", false},
          {"ragged", false},
          {"name", name()}};
}

SymbolicTensor Input(const std::vector<std::size_t>& shape, std::string name,
                     std::optional<std::size_t> batch_size) {
  if (shape.size() != 1 || shape[0] == 0) {
    std::string given;
    for (std::size_t d : shape) given += (given.empty() ? "" : ", ") + std::to_string(d);
    throw ValueError("Input" + (name.empty() ? "" : " " + name) + ": shape {" + given +
                     "} is not one positive width; tensors here are (batch, features), so an "
                     "input is Input({features}) (images: Input({784}), then Flatten({28, 28}))");
  }
  if (batch_size && *batch_size == 0) throw ValueError("Input " + name + ": batch_size is 0");
  auto node = std::make_shared<SymbolicNode>();
  node->layer = std::make_shared<InputLayer>(shape[0], batch_size, std::move(name));
  node->width = shape[0];
  node->batch_size = batch_size;
  return SymbolicTensor(std::move(node));
}

SymbolicTensor call_layer(std::shared_ptr<Layer> layer, const std::vector<SymbolicTensor>& inputs) {
  if (!layer) throw Error("call_layer: no layer");
  if (inputs.empty()) throw Error("layer " + layer_title(*layer) + " called on no inputs");
  std::vector<std::size_t> dims;
  for (const SymbolicTensor& x : inputs) dims.push_back(x.width());
  auto node = std::make_shared<SymbolicNode>();
  node->batch_size = common_batch_size(*layer, inputs);
  const std::optional<std::size_t> declared = layer->declared_input_dim();
  if (declared && (dims.size() != 1 || dims[0] != *declared)) {
    throw ShapeError("layer " + layer_title(*layer) + " was made for inputs of shape (None, " +
                     std::to_string(*declared) + ") but is called on " + describe_all(inputs));
  }
  if (layer->built() && layer->input_dims() != dims) {
    throw ShapeError("layer " + layer_title(*layer) + " is built for inputs of shape " +
                     dims_string(layer->input_dims()) + " but is called on " +
                     describe_all(inputs) + "; its weights fit one input width, so this call " +
                     "needs a layer of its own");
  }
  // The weights are made now, for these widths: whatever build() checks is checked here, at
  // the line that wires the layer. (Nothing runs yet: a Normalization may be adapted later.)
  try {
    if (!layer->built()) {
      layer->build(dims);
      layer->Layer::build(dims);
    }
    node->width = layer->output_dim(dims);
  } catch (const ShapeError& e) {
    throw ShapeError("layer " + layer_title(*layer) + " cannot be called on " +
                     describe_all(inputs) + ": " + e.what());
  }
  node->layer = std::move(layer);
  node->inputs = inputs;
  return SymbolicTensor(std::move(node));
}

SymbolicTensor call_layer(std::shared_ptr<Layer> layer, const SymbolicTensor& input) {
  return call_layer(std::move(layer), std::vector<SymbolicTensor>{input});
}

}  // namespace nn

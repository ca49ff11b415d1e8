#include "lib/models/functional.h"

#include <algorithm>

#include "lib/error.h"
#include "lib/models/summary.h"
#include "lib/text.h"

namespace nn {
namespace {

std::string names_of(const std::vector<SymbolicTensor>& tensors) {
  std::string text;
  for (const SymbolicTensor& t : tensors) text += (text.empty() ? "" : ", ") + t.layer()->name();
  return text;
}

}  // namespace

Model::Model(std::vector<SymbolicTensor> inputs, std::vector<SymbolicTensor> outputs,
             std::string name)
    : name_(name),
      graph_(std::make_shared<Functional>(std::move(inputs), std::move(outputs), name)) {
  for (const auto& layer : graph_->layers()) track_layer(layer);  // named by the graph
}

Model::Model(const SymbolicTensor& input, const SymbolicTensor& output, std::string name)
    : Model(std::vector<SymbolicTensor>{input}, std::vector<SymbolicTensor>{output},
            std::move(name)) {}

Functional::Functional(const SymbolicTensor& input, const SymbolicTensor& output, std::string name)
    : Functional(std::vector<SymbolicTensor>{input}, std::vector<SymbolicTensor>{output},
                 std::move(name)) {}

Functional::Functional(std::vector<SymbolicTensor> inputs, std::vector<SymbolicTensor> outputs,
                       std::string name)
    : Model(std::move(name)), inputs_(std::move(inputs)), outputs_(std::move(outputs)) {
  const std::string model = "model " + this->name() + ": ";
  if (inputs_.empty()) throw ValueError(model + "no inputs");
  if (outputs_.empty()) throw ValueError(model + "no outputs");
  for (std::size_t i = 0; i < inputs_.size(); ++i) {
    const SymbolicTensor& input = inputs_[i];
    if (!input) throw ValueError(model + "inputs[" + std::to_string(i) + "] is empty");
    if (!input.is_input()) {
      throw ValueError(model + "inputs[" + std::to_string(i) + "] is " + input.describe() +
                       ", not an nn::Input(); a model's inputs must come from nn::Input()");
    }
    if (index_of(input)) {
      throw ValueError(model + input.describe() + " is given twice as an input");
    }
    add_node(input, {});
  }
  // Depth first from each output: a node is added after everything it was called on.
  for (const SymbolicTensor& output : outputs_) {
    if (!output) throw ValueError(model + "an output is empty");
    output_index_.push_back(visit(output, nullptr));
  }
  for (std::size_t i = 0; i < inputs_.size(); ++i) {
    const bool used =
        std::any_of(
            inbound_.begin(), inbound_.end(),
            [i](const auto& in) { return std::find(in.begin(), in.end(), i) != in.end(); }) ||
        std::find(output_index_.begin(), output_index_.end(), i) != output_index_.end();
    if (!used) {
      throw ValueError(model + inputs_[i].describe() +
                       " is not connected to any output; remove it from the inputs or use it");
    }
  }
  // The layers, in graph order: unnamed ones get their names here ("dense", "dense_1", ...).
  for (const SymbolicTensor& node : nodes_) track_layer(node.layer());
}

std::optional<std::size_t> Functional::index_of(const SymbolicTensor& tensor) const {
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].node() == tensor.node()) return i;
  }
  return std::nullopt;
}

std::size_t Functional::add_node(const SymbolicTensor& tensor, std::vector<std::size_t> inbound) {
  std::size_t calls = 0;
  for (const SymbolicTensor& node : nodes_) calls += node.layer() == tensor.layer() ? 1 : 0;
  nodes_.push_back(tensor);
  inbound_.push_back(std::move(inbound));
  call_index_.push_back(calls);
  return nodes_.size() - 1;
}

std::size_t Functional::visit(const SymbolicTensor& tensor, const SymbolicTensor* needed_by) {
  if (const auto known = index_of(tensor)) return *known;
  if (tensor.is_input()) {  // an nn::Input that is not among the model's inputs
    const std::string who = needed_by != nullptr ? "layer " + needed_by->layer()->name() + " (" +
                                                       needed_by->layer()->class_name() + ") needs "
                                                 : "an output is ";
    throw ValueError("model " + name() + ": graph disconnected: " + who + tensor.describe() +
                     ", which is not among the model's inputs (" + names_of(inputs_) +
                     "); pass it as an input, or wire the layer to one of them");
  }
  std::vector<std::size_t> inbound;
  for (const SymbolicTensor& x : tensor.inputs()) inbound.push_back(visit(x, &tensor));
  return add_node(tensor, std::move(inbound));
}

// book:begin functional_call
std::vector<Var> Functional::call(const std::vector<Var>& inputs, bool training) {
  if (inputs.size() != inputs_.size()) {
    throw Error("model " + name() + " takes " + std::to_string(inputs_.size()) + " input" +
                (inputs_.size() == 1 ? "" : "s") + " (" + names_of(inputs_) + "), got " +
                std::to_string(inputs.size()));
  }
  std::vector<Var> values(nodes_.size());  // values[i]: the output of node i on this batch
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    if (inputs[i].cols() != inputs_[i].width()) {
      throw ShapeError("model " + name() + ": input " + inputs_[i].layer()->name() + " expects " +
                       inputs_[i].shape_string() + " but was given " +
                       shape_string(inputs[i].value()) + ": " +
                       count_of(inputs[i].cols(), "feature") + " instead of " +
                       std::to_string(inputs_[i].width()));
    }
    values[i] = inputs[i];
  }
  for (std::size_t i = inputs.size(); i < nodes_.size(); ++i) {
    std::vector<Var> args;
    for (std::size_t j : inbound_[i]) args.push_back(values[j]);
    values[i] = (*nodes_[i].layer())(args, training);
  }
  std::vector<Var> outputs;
  for (std::size_t i : output_index_) outputs.push_back(values[i]);
  return outputs;
}
// book:end functional_call

std::string Functional::tensor_name(std::size_t i) const {
  return nodes_.at(i).layer()->name() + "[" + std::to_string(call_index_.at(i)) + "][0]";
}

std::string Functional::output_shape_of(const Layer& layer) const {
  std::string shape;
  for (const SymbolicTensor& node : nodes_) {
    if (node.layer().get() != &layer) continue;
    if (!shape.empty() && shape != node.shape_string()) return "multiple";
    shape = node.shape_string();
  }
  if (shape.empty()) return "?";
  return layer.class_name() == "InputLayer" ? "[" + shape + "]" : shape;
}

std::vector<std::string> Functional::output_names() const {
  std::vector<std::string> names;
  for (std::size_t i : output_index_) {
    std::string name = nodes_[i].layer()->name();
    for (int k = 1; std::find(names.begin(), names.end(), name) != names.end(); ++k) {
      name = nodes_[i].layer()->name() + "_" + std::to_string(k);
    }
    names.push_back(name);
  }
  return names;
}

std::optional<std::vector<std::size_t>> Functional::declared_input_dims() const {
  std::vector<std::size_t> dims;
  for (const SymbolicTensor& input : inputs_) dims.push_back(input.width());
  return dims;
}

// Keras prints a graph that is a plain chain (one input, one output, each layer called once
// on the one before) as it prints a Sequential model: without the "Connected to" column.
bool Functional::is_chain() const {
  if (inputs_.size() != 1 || outputs_.size() != 1) return false;
  std::vector<int> uses(nodes_.size(), 0);
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (call_index_[i] > 0 || (i > 0 && inbound_[i].size() != 1)) return false;
    for (std::size_t j : inbound_[i]) {
      if (++uses[j] > 1) return false;
    }
  }
  return true;
}

void Functional::summary(std::ostream& out) {
  const bool chain = is_chain();
  std::vector<SummaryRow> rows;
  std::size_t trainable = 0, frozen = 0;
  for (const auto& layer : layers()) {
    SummaryRow row{layer->name() + " (" + layer->class_name() + ")", output_shape_of(*layer),
                   std::to_string(layer->count_params())};
    if (!chain) {
      std::string connected;  // Keras 2 prints the Python list: ['input_1[0][0]', ...]
      for (std::size_t i = 0; i < nodes_.size(); ++i) {
        if (nodes_[i].layer() != layer) continue;
        for (std::size_t j : inbound_[i]) {
          connected += (connected.empty() ? "'" : ", '") + tensor_name(j) + "'";
        }
      }
      row.push_back("[" + connected + "]");
    }
    rows.push_back(row);
    for (const Parameter* p : layer->parameters()) {
      (p->trainable() ? trainable : frozen) += p->value().size();
    }
  }
  if (chain) {
    print_summary(out, name(), {"Layer (type)", "Output Shape", "Param #"}, rows, 65,
                  {0.45, 0.85, 1.0}, trainable, frozen);
  } else {
    print_summary(out, name(), {"Layer (type)", "Output Shape", "Param #", "Connected to"}, rows,
                  98, {0.33, 0.55, 0.67, 1.0}, trainable, frozen);
  }
}

nlohmann::json Functional::get_config() const {
  nlohmann::json layers = nlohmann::json::array();
  for (const auto& layer : this->layers()) {
    nlohmann::json inbound_nodes = nlohmann::json::array();
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].layer() != layer || inbound_[i].empty()) continue;
      nlohmann::json call = nlohmann::json::array();  // [[layer, call, output, kwargs], ...]
      for (std::size_t j : inbound_[i]) {
        call.push_back({nodes_[j].layer()->name(), call_index_[j], 0, nlohmann::json::object()});
      }
      inbound_nodes.push_back(call);
    }
    layers.push_back({{"class_name", layer->class_name()},
                      {"config", layer->get_config()},
                      {"name", layer->name()},
                      {"inbound_nodes", inbound_nodes}});
  }
  const auto ends = [this](const std::vector<std::size_t>& which) {
    nlohmann::json list = nlohmann::json::array();
    for (std::size_t i : which) list.push_back({nodes_[i].layer()->name(), call_index_[i], 0});
    return list;
  };
  std::vector<std::size_t> input_index(inputs_.size());
  for (std::size_t i = 0; i < inputs_.size(); ++i) input_index[i] = i;
  return {{"name", name()},
          {"layers", layers},
          {"input_layers", ends(input_index)},
          {"output_layers", ends(output_index_)}};
}

}  // namespace nn

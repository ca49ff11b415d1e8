#pragma once
// The functional API: a model made of the graph that layer calls on symbolic tensors recorded.
//
//   nn::SymbolicTensor input = nn::Input({8}, "features");              // (None, 8)
//   nn::SymbolicTensor hidden = nn::Dense(30, "relu")(input);           // (None, 30)
//   nn::SymbolicTensor both = nn::Concatenate()({input, hidden});       // (None, 38)
//   nn::SymbolicTensor output = nn::Dense(1)(both);                     // (None, 1)
//   nn::Functional model({input}, {output}, "wide_and_deep");
//
// (Keras writes keras.Model(inputs, outputs) and gets an object of class Functional; here
// both spellings work: nn::Model(inputs, outputs) holds an nn::Functional and runs it.) The
// constructor walks back from the outputs to the inputs, puts the layer calls in an order where
// each comes after what it needs, and checks the wiring: every output must be computable from the
// inputs, and every input must be used. call() then replays the calls on real tensors, so a
// functional model trains like any other; and since its graph is data, it can be printed (summary()
// with "Connected to"), drawn (model_to_dot) and written down (get_config()).

#include <cstddef>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "lib/layers/input.h"
#include "lib/models/model.h"

namespace nn {

/// A model whose call() replays a graph of layer calls recorded on symbolic tensors.
class Functional : public Model {
 public:
  /// The model from `inputs` (each made by nn::Input) to `outputs`. Throws ValueError when
  /// an input is not an nn::Input or is given twice, when an output needs an nn::Input that
  /// is not among `inputs` (the graph is disconnected), when an input reaches no output, and
  /// when two layers have the same name.
  Functional(std::vector<SymbolicTensor> inputs, std::vector<SymbolicTensor> outputs,
             std::string name = "model");
  /// A model with one input and one output.
  Functional(const SymbolicTensor& input, const SymbolicTensor& output, std::string name = "model");

  /// The recorded layer calls, replayed on `inputs` (one per model input). Throws Error for
  /// the wrong number of inputs and ShapeError, naming the input, for a wrong width.
  std::vector<Var> call(const std::vector<Var>& inputs, bool training) override;
  /// Keras 2's table: each layer, its output shape, its parameters and, unless the graph is a
  /// plain chain, the layers it is connected to ("dense_1[0][0]": layer, call, output).
  void summary(std::ostream& out = std::cout) override;
  /// Itself: its graph is what it is.
  const Functional* graph() const override { return this; }
  /// True: the architecture is a graph, which can be shown, checked and saved.
  bool is_graph_network() const override { return true; }
  /// Keras 2's functional config: {"name", "layers": [{"class_name", "config", "name",
  /// "inbound_nodes"}], "input_layers", "output_layers"}.
  nlohmann::json get_config() const override;

  /// The model's inputs, in the order call() and fit() take them.
  const std::vector<SymbolicTensor>& inputs() const { return inputs_; }
  /// The model's outputs, in the order call() returns them.
  const std::vector<SymbolicTensor>& outputs() const { return outputs_; }
  /// Every node of the graph (the inputs first, then each layer call), in the order call()
  /// runs them: each node comes after the nodes it was called on.
  const std::vector<SymbolicTensor>& nodes() const { return nodes_; }
  /// The positions in nodes() of the tensors node `i` was called on.
  const std::vector<std::size_t>& inbound(std::size_t i) const { return inbound_.at(i); }
  /// Which call of its layer node `i` is (0 for the first; a shared layer has several).
  std::size_t call_index(std::size_t i) const { return call_index_.at(i); }
  /// The position in nodes() of each output.
  const std::vector<std::size_t>& output_nodes() const { return output_index_; }
  /// The Keras name of node `i`'s output: "dense_1[0][0]" (layer name, call, output 0).
  std::string tensor_name(std::size_t i) const;
  /// The output shape of a layer in this graph: "(None, 30)", "[(None, 8)]" for an input
  /// (as Keras 2 prints it), "multiple" for a shared layer whose calls differ.
  std::string output_shape_of(const Layer& layer) const override;
  /// The names of the outputs, as the logs use them ("main_output" → "main_output_loss"):
  /// the names of the layers that make them.
  std::vector<std::string> output_names() const override;

 protected:
  /// The inputs' widths: a functional model knows its shapes before seeing data.
  std::optional<std::vector<std::size_t>> declared_input_dims() const override;

 private:
  std::size_t add_node(const SymbolicTensor& tensor, std::vector<std::size_t> inbound);
  std::size_t visit(const SymbolicTensor& tensor, const SymbolicTensor* needed_by);
  std::optional<std::size_t> index_of(const SymbolicTensor& tensor) const;
  bool is_chain() const;

  std::vector<SymbolicTensor> inputs_, outputs_, nodes_;
  std::vector<std::vector<std::size_t>> inbound_;  // [node] -> positions of its inputs
  std::vector<std::size_t> call_index_;            // [node] -> which call of its layer
  std::vector<std::size_t> output_index_;          // [output] -> node
};

}  // namespace nn

#pragma once
// Sequential: a plain stack of layers, each feeding the next.
//
//   nn::Sequential model({nn::Flatten({28, 28}), nn::Dense(300, "relu"),
//                         nn::Dense(100, "relu"), nn::Dense(10, "softmax")});

#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "lib/models/model.h"

namespace nn {

/// A model whose call() runs its layers one after the other.
class Sequential : public Model {
 public:
  /// An empty stack; add() layers to it.
  explicit Sequential(std::string name = "sequential");
  /// A stack of these layers (handles such as nn::Dense convert on their own).
  Sequential(std::initializer_list<std::shared_ptr<Layer>> layers, std::string name = "sequential");
  /// Puts a layer on top of the stack.
  void add(const std::shared_ptr<Layer>& layer);
  /// x through every layer in turn.
  std::vector<Var> call(const std::vector<Var>& inputs, bool training) override;
  /// True: a stack of layers is a static graph (its architecture can be saved).
  bool is_graph_network() const override { return true; }
  /// Keras's Sequential config: {"name", "layers": [{"class_name", "config"}, ...]}, the
  /// layers led by an InputLayer when the input shape is known (as Keras 2.4 and later write).
  nlohmann::json get_config() const override;

 protected:
  /// The last layer's name.
  std::vector<std::string> output_names() const override;
  /// "(None, 300)".
  std::string output_shape_of(const Layer& layer) const override;
  /// The first layer's declared input width, if it has one.
  std::optional<std::vector<std::size_t>> declared_input_dims() const override;
};

}  // namespace nn

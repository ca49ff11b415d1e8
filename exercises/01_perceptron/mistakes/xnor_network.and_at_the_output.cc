// Mistake: the output unit is an AND of the hidden AND and NOR (bias -1.5), which never fires.
#include "exercises/01_perceptron/xnor_network.h"

#include <stdexcept>
#include <string>

namespace exercises {

std::vector<int> forward(const TluNetwork& network, const std::vector<float>& x) {
  std::vector<float> activations = x;
  std::vector<int> outputs;
  for (std::size_t l = 0; l < network.size(); ++l) {
    const TluLayer& layer = network[l];
    if (layer.weights.size() != layer.bias.size()) {
      throw std::invalid_argument("layer " + std::to_string(l) + ": " +
                                  std::to_string(layer.weights.size()) + " weight rows for " +
                                  std::to_string(layer.bias.size()) + " biases");
    }
    outputs.assign(layer.weights.size(), 0);
    for (std::size_t j = 0; j < layer.weights.size(); ++j) {
      if (layer.weights[j].size() != activations.size()) {
        throw std::invalid_argument("layer " + std::to_string(l) + ", unit " + std::to_string(j) +
                                    ": " + std::to_string(layer.weights[j].size()) +
                                    " weights for " + std::to_string(activations.size()) +
                                    " inputs");
      }
      float z = layer.bias[j];
      for (std::size_t i = 0; i < activations.size(); ++i)
        z += layer.weights[j][i] * activations[i];
      outputs[j] = z >= 0.0f ? 1 : 0;
    }
    activations.assign(outputs.begin(), outputs.end());
  }
  return outputs;
}

TluNetwork xnor_network() {
  // Hidden: AND (both) and NOR (neither); output: OR of the two, "both or neither".
  const TluLayer hidden{{{1.0f, 1.0f}, {-1.0f, -1.0f}}, {-1.5f, 0.5f}};
  const TluLayer output{{{1.0f, 1.0f}}, {-1.5f}};
  return {hidden, output};
}

}  // namespace exercises

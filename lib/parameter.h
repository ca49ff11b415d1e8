#pragma once
// A weight of a layer: a leaf of the tape, like any input that asks for a gradient. A layer's
// op lists its weights among its inputs, so loss.backward() fills a weight's grad the way it
// fills every leaf's (micrograd's model): one backward pass, one place for every gradient.
// A frozen weight (trainable false) is a leaf that asks for no gradient.

#include <string>

#include "lib/tensor.h"
#include "lib/var.h"

namespace nn {

/// A weight tensor of a layer: a leaf Var with Keras's name. Copies share the weight.
class Parameter : public Var {
 public:
  /// A weight called `name` ("kernel", "bias") holding `value`; trainable weights ask for a
  /// gradient, frozen ones (or statistics such as a Normalization's mean) do not.
  explicit Parameter(std::string name, Tensor value = {}, bool trainable = true);

  /// Keras's name: "kernel", "bias", "mean", ...
  const std::string& name() const { return name_; }
  /// Whether optimizers update it (whether backward() brings it a gradient).
  bool trainable() const { return requires_grad(); }
  /// Freezes (false) or unfreezes (true) the weight.
  void set_trainable(bool trainable) { node()->requires_grad = trainable; }
  /// Forgets the gradient: the next one to arrive is written, not added.
  void zero_grad() const { Var::zero_grad(); }

 private:
  std::string name_;
};

}  // namespace nn

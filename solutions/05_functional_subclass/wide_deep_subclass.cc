#include "exercises/05_functional_subclass/wide_deep_subclass.h"

#include <string>

#include "lib/error.h"

namespace exercises {

std::vector<nn::Var> WideAndDeep::call(const std::vector<nn::Var>& inputs, bool training) {
  if (inputs.size() != 2) {
    throw nn::Error("WideAndDeep takes 2 inputs (wide, deep), got " +
                    std::to_string(inputs.size()));
  }
  const nn::Var& wide = inputs[0];                                      // (batch, wide)
  const nn::Var& deep = inputs[1];                                      // (batch, deep)
  const nn::Var hidden = hidden2_(hidden1_(deep, training), training);  // (batch, units)
  const nn::Var main = main_output_(nn::concat({wide, hidden}), training);
  return {main, aux_output_(hidden, training)};
}

}  // namespace exercises

// Mistake: takes inputs[0] as the deep input and inputs[1] as the wide one: the order is swapped.
#include "exercises/05_functional_subclass/wide_deep_subclass.h"

#include <string>
#include <vector>

namespace exercises {

namespace {

// Wide & Deep where the main output sees the wide input and both hidden layers, and the
// auxiliary output the first hidden layer.
class WideAndDeepVariant : public nn::Model {
 public:
  explicit WideAndDeepVariant(int units)
      : nn::Model("wide_and_deep_variant"),
        hidden1_(track(nn::Dense(units, "relu"))),
        hidden2_(track(nn::Dense(units, "relu"))),
        main_output_(track(nn::Dense(1))),
        aux_output_(track(nn::Dense(1))) {}

  std::vector<nn::Var> call(const std::vector<nn::Var>& inputs, bool training) override {
    if (inputs.size() != 2) {
      throw nn::Error("WideAndDeepVariant takes 2 inputs (wide, deep), got " +
                      std::to_string(inputs.size()));
    }
    const nn::Var h1 = hidden1_(inputs[0], training);  // (batch, units)
    const nn::Var h2 = hidden2_(h1, training);         // (batch, units)
    const nn::Var main = main_output_(nn::concat({inputs[1], h1, h2}), training);
    return {main, aux_output_(h1, training)};
  }

 private:
  nn::Dense hidden1_, hidden2_, main_output_, aux_output_;
};

}  // namespace

std::unique_ptr<nn::Model> make_wide_and_deep(int units) {
  return std::make_unique<WideAndDeepVariant>(units);
}

}  // namespace exercises

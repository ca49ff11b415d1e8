// Mistake: replaces h by the block's output instead of adding it: h = tanh(h W + b), no skip.
#include "exercises/05_functional_subclass/repeated_block.h"

#include <string>

#include "lib/error.h"

namespace exercises {

namespace {

// A first layer, one block applied depth() times with a skip connection, and an output.
class RepeatedBlock : public DepthModel {
 public:
  RepeatedBlock(int units, int depth)
      : DepthModel("repeated_block"),
        first_(track(nn::Dense(units, "tanh"))),
        block_(track(nn::Dense(units, "tanh"))),
        output_(track(nn::Dense(1))) {
    set_depth(depth);
  }

  void set_depth(int depth) override {
    if (depth < 0) {
      throw nn::ValueError("RepeatedBlock: depth must be 0 or more, got " + std::to_string(depth));
    }
    depth_ = depth;
  }

  int depth() const override { return depth_; }

  std::vector<nn::Var> call(const std::vector<nn::Var>& inputs, bool training) override {
    nn::Var h = first_(inputs.at(0), training);                // (batch, units)
    for (int i = 0; i < depth_; ++i) h = block_(h, training);  // the same block each time
    return {output_(h, training)};
  }

 private:
  int depth_ = 0;
  nn::Dense first_, block_, output_;
};

}  // namespace

std::unique_ptr<DepthModel> make_repeated_block(int units, int depth) {
  return std::make_unique<RepeatedBlock>(units, depth);
}

}  // namespace exercises

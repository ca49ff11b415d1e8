// Mistake: repeats the block depth + 1 times (i <= depth).
#include "exercises/05_functional_subclass/repeated_block.h"

#include <string>

#include "lib/error.h"

namespace exercises {

void RepeatedBlock::set_depth(int depth) {
  if (depth < 0) {
    throw nn::ValueError("RepeatedBlock: depth must be 0 or more, got " + std::to_string(depth));
  }
  depth_ = depth;
}

std::vector<nn::Var> RepeatedBlock::call(const std::vector<nn::Var>& inputs, bool training) {
  nn::Var h = first_(inputs.at(0), training);                     // (batch, units)
  for (int i = 0; i <= depth_; ++i) h = h + block_(h, training);  // the same block each time
  return {output_(h, training)};
}

}  // namespace exercises

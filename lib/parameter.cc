#include "lib/parameter.h"

#include <utility>

namespace nn {

Parameter::Parameter(std::string name, Tensor value, bool trainable)
    : Var(std::move(value), trainable), name_(std::move(name)) {}

}  // namespace nn

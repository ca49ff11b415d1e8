#include "exercises/07_saving/check_architecture.h"

#include <nlohmann/json.hpp>

#include "lib/io/hdf5.h"
#include "lib/io/json_config.h"

namespace exercises {

std::vector<std::string> architecture_differences(const nn::Model& model, const std::string& path) {
  // TODO: parse the file's model_config and nn::model_config(model), drop the InputLayer
  // entries of both "layers" lists, and compare: count, then class, units and activation.
  (void)model;
  (void)path;
  return {};
}

}  // namespace exercises

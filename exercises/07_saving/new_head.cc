#include "exercises/07_saving/new_head.h"

#include <nlohmann/json.hpp>

#include "lib/io/json_config.h"
#include "lib/io/keras_h5.h"

namespace exercises {

std::unique_ptr<nn::Model> restore(const std::string& architecture_json,
                                   const std::string& weights_path) {
  // TODO: build the model from the JSON text, then load the weights into it.
  (void)weights_path;
  return nn::model_from_json(architecture_json);
}

std::unique_ptr<nn::Model> with_new_head(const std::string& architecture_json,
                                         const std::string& weights_path, int units,
                                         const std::string& activation,
                                         const std::string& head_name) {
  // TODO: parse the JSON, change the last Dense entry of ["config"]["layers"] (units,
  // activation, name), build the model from the changed config, and load the weights so
  // that every layer but the head gets its own.
  (void)weights_path;
  (void)units;
  (void)activation;
  (void)head_name;
  return nn::model_from_json(architecture_json);
}

}  // namespace exercises

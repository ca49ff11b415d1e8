#include "exercises/07_saving/keras3_paths.h"

namespace exercises {

std::string keras_snake_case(const std::string& class_name) {
  // TODO: drop non-word characters; "_" before a capitalised word that follows any
  // character; "_" between a lower-case and an upper-case letter; lower the case.
  return class_name;
}

std::vector<std::string> keras3_groups(const std::vector<ConfigLayer>& layers) {
  // TODO: count the layers of each class seen so far (InputLayer excluded): the first is
  // "layers/<snake>", the next "layers/<snake>_1", ...; "" for an InputLayer.
  return std::vector<std::string>(layers.size());
}

std::string keras3_weight_path(const std::vector<ConfigLayer>& layers, const std::string& name,
                               int index) {
  // TODO: find the layer by name (nn::ValueError listing the names if absent), refuse an
  // InputLayer and a negative index, and return its group + "/vars/" + index.
  (void)layers;
  return "layers/" + name + "/vars/" + std::to_string(index);
}

}  // namespace exercises

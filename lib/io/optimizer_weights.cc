#include "lib/io/optimizer_weights.h"

#include <algorithm>
#include <map>
#include <optional>

#include "lib/error.h"
#include "lib/io/keras_weights.h"
#include "lib/optimizers/rmsprop.h"

namespace nn {
namespace {

// Keras's names of the slots: Adam's (and AdamW's) moments m and v, SGD's momentum,
// RMSprop's rms, then momentum (if momentum > 0), then mg (if centered).
std::string slot_name(const Optimizer& optimizer, std::size_t k) {
  if ((optimizer.name() == "Adam" || optimizer.name() == "AdamW") && k < 2) {
    return k == 0 ? "m" : "v";
  }
  if (optimizer.name() == "SGD" && k == 0) return "momentum";
  if (const auto* rmsprop = dynamic_cast<const RMSprop*>(&optimizer)) {
    std::vector<std::string> kinds{"rms"};
    if (rmsprop->momentum() > 0.0) kinds.push_back("momentum");
    if (rmsprop->centered()) kinds.push_back("mg");
    if (k < kinds.size()) return kinds[k];
  }
  return "slot_" + std::to_string(k);
}

}  // namespace

void write_optimizer_weights(Model& model, const h5::Group& root) {
  const Optimizer& optimizer = model.optimizer();
  if (optimizer.iterations() == 0) return;
  std::vector<std::pair<const Layer*, const Parameter*>> updated;  // weights with slots
  std::size_t slots = 0;
  for (const auto& layer : model.layers()) {
    for (const Parameter* p : layer->parameters()) {
      if (optimizer.slots(*p).empty()) continue;
      updated.push_back({layer.get(), p});
      slots = std::max(slots, optimizer.slots(*p).size());
    }
  }
  const h5::Group group = root.create_group("optimizer_weights");
  const std::string prefix = optimizer.name() + "/";
  std::vector<std::string> names = {prefix + "iter:0"};
  group.write_int64(names[0], optimizer.iterations());
  for (std::size_t k = 0; k < slots; ++k) {  // every weight's slot k, then slot k + 1
    for (const auto& [layer, p] : updated) {
      names.push_back(prefix + layer->name() + "/" + p->name() + "/" + slot_name(optimizer, k) +
                      ":0");
      group.write(names.back(), keras_shape(*p), optimizer.slots(*p).at(k).data());
    }
  }
  group.set_strings_attribute("weight_names", names);
}

bool read_optimizer_weights(Model& model, const h5::Group& root) {
  if (!root.has_group("optimizer_weights")) return false;
  Optimizer& optimizer = model.optimizer();
  const h5::Group group = root.group("optimizer_weights");
  std::map<std::string, Parameter*> parameters;  // "dense/kernel" -> the weight
  for (const auto& layer : model.layers()) {
    for (Parameter* p : layer->parameters()) parameters[layer->name() + "/" + p->name()] = p;
  }
  const std::string prefix = optimizer.name() + "/";
  std::optional<std::int64_t> iterations;
  std::map<Parameter*, std::vector<Tensor>> slots;
  for (const std::string& name : group.strings_attribute("weight_names")) {
    const bool ours = name.rfind(prefix, 0) == 0 && name.size() > prefix.size() + 2 &&
                      name.compare(name.size() - 2, 2, ":0") == 0;
    if (!ours) return false;
    const std::string path = name.substr(prefix.size(), name.size() - prefix.size() - 2);
    if (path == "iter") {
      iterations = group.read_int64(name);
      continue;
    }
    const std::size_t slash = path.rfind('/');
    const auto found = parameters.find(path.substr(0, slash == std::string::npos ? 0 : slash));
    if (slash == std::string::npos || found == parameters.end()) return false;
    std::size_t k = 0;
    while (k < 8 && slot_name(optimizer, k) != path.substr(slash + 1)) ++k;
    const h5::Array array = group.read(name);
    if (k == 8 || array.values.size() != found->second->value().size()) return false;
    std::vector<Tensor>& list = slots[found->second];
    if (list.size() <= k) list.resize(k + 1);
    list[k] = Tensor::from_shape(found->second->value().shape());
    std::copy(array.values.begin(), array.values.end(), list[k].begin());
  }
  if (!iterations) return false;
  for (const auto& [p, list] : slots) {  // every weight has all its slots
    if (list.size() != slots.begin()->second.size() ||
        std::any_of(list.begin(), list.end(), [](const Tensor& t) { return t.size() == 0; })) {
      return false;
    }
  }
  try {
    for (auto& [p, list] : slots) optimizer.set_slots(*p, std::move(list));
  } catch (const ShapeError&) {
    return false;  // another number of slots: the first set_slots refuses, nothing is set
  }
  optimizer.set_iterations(*iterations);
  return true;
}

}  // namespace nn

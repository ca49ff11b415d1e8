#include "lib/models/per_output.h"

#include <algorithm>

#include "lib/error.h"
#include "lib/text.h"

namespace nn {
namespace {

std::string listed(const std::vector<std::string>& names) {
  std::string text;
  for (const std::string& name : names) text += (text.empty() ? "'" : ", '") + name + "'";
  return text;
}

// The position of each key among the outputs, checked: every key is an output's name, and
// no key comes twice.
std::vector<std::size_t> positions(const std::string& where, const std::vector<std::string>& keys,
                                   const std::vector<std::string>& outputs) {
  std::vector<std::size_t> found;
  for (const std::string& key : keys) {
    const auto at = std::find(outputs.begin(), outputs.end(), key);
    if (at == outputs.end()) {
      throw ValueError(where + " names '" + key + "', which is not an output; the outputs are " +
                       listed(outputs));
    }
    const std::size_t i = static_cast<std::size_t>(at - outputs.begin());
    if (std::find(found.begin(), found.end(), i) != found.end()) {
      throw ValueError(where + " names output '" + key + "' twice");
    }
    found.push_back(i);
  }
  return found;
}

}  // namespace

PerOutput resolve_per_output(const std::string& model, const std::vector<std::string>& outputs,
                             const LossList& losses, const MetricList& metrics,
                             const LossWeights& loss_weights) {
  const std::string where = "compile (model " + model + ", " + count_of(outputs.size(), "output") +
                            ": " + listed(outputs) + "):";
  PerOutput resolved;
  // Losses: one for all, one per output in order, or one per output by name.
  if (losses.output_names().empty()) {
    const std::size_t given = losses.get().size();
    if (given != 1 && given != outputs.size()) {
      throw ValueError(where + " " + count_of(given, "loss", "losses") +
                       " given; give one for all outputs or one per output");
    }
    for (const LossArg& loss : losses.get()) resolved.losses.push_back(loss.get());
  } else {
    const auto at = positions(where + " the losses", losses.output_names(), outputs);
    resolved.losses.resize(outputs.size());
    for (std::size_t k = 0; k < at.size(); ++k) resolved.losses[at[k]] = losses.get()[k].get();
    for (std::size_t i = 0; i < outputs.size(); ++i) {
      if (!resolved.losses[i]) {
        throw ValueError(where + " no loss for output '" + outputs[i] +
                         "'; the losses keyed by name must name every output");
      }
    }
  }
  // Loss weights: none, one per output in order, or by name (an output not named weighs 1).
  if (loss_weights.output_names().empty()) {
    const std::size_t given = loss_weights.get().size();
    if (given != 0 && given != outputs.size()) {
      throw ValueError(where + " " + count_of(given, "loss weight") +
                       " given; give one per output");
    }
    resolved.loss_weights = loss_weights.get();
  } else {
    const auto at = positions(where + " the loss weights", loss_weights.output_names(), outputs);
    resolved.loss_weights.assign(outputs.size(), 1.0);
    for (std::size_t k = 0; k < at.size(); ++k)
      resolved.loss_weights[at[k]] = loss_weights.get()[k];
  }
  // Metrics: the same for every output, or by name (an output not named has none).
  resolved.metrics.resize(outputs.size());
  if (metrics.by_output().empty()) {
    for (auto& per_output : resolved.metrics) {
      for (const MetricArg& metric : metrics.every_output()) per_output.push_back(metric.get());
    }
  } else {
    std::vector<std::string> keys;
    for (const auto& [name, _] : metrics.by_output()) keys.push_back(name);
    const auto at = positions(where + " the metrics", keys, outputs);
    for (std::size_t k = 0; k < at.size(); ++k) {
      for (const MetricArg& metric : metrics.by_output()[k].second.get()) {
        resolved.metrics[at[k]].push_back(metric.get());
      }
    }
  }
  return resolved;
}

}  // namespace nn

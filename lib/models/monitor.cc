#include "lib/models/monitor.h"

#include "lib/error.h"

namespace nn {
namespace {

bool ends_with(const std::string& text, const std::string& end) {
  return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

}  // namespace

bool larger_is_better(const std::string& monitor) {
  return ends_with(monitor, "accuracy") || ends_with(monitor, "acc") || ends_with(monitor, "auc");
}

double monitored_value(const std::string& who, const std::string& key, const Logs& logs) {
  const auto found = logs.find(key);
  if (found != logs.end()) return found->second;
  std::string known;
  for (const auto& [name, value] : logs) known += " \"" + name + "\"";
  const bool validation = key.rfind("val_", 0) == 0;
  throw ValueError(who + ": the logs have no \"" + key + "\"; they have:" + known +
                   (validation ? " (val_ keys need validation_data or validation_split)" : ""));
}

}  // namespace nn

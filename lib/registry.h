#pragma once
// Names to things: the one table behind every name a reader may type (an activation, a loss, a
// metric, an optimizer, an initializer, a layer class in a saved file), so that every unknown
// name gets the same message: what was asked for, and every name that would have worked.
//
//   static const Registry<ActivationFn> activations("activation", {{"relu", &relu}, ...});
//   activations.get("rleu");  // ValueError: unknown activation 'rleu'; known: "linear" "relu" ...

#include <initializer_list>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "lib/error.h"

namespace nn {

/// A table of named entries of one kind, kept in name order.
template <class Value>
class Registry {
 public:
  /// A registry of `kind`s ("activation", "loss", "layer class"): the word its errors use.
  Registry(std::string kind, std::initializer_list<std::pair<const std::string, Value>> entries)
      : kind_(std::move(kind)), entries_(entries) {}

  /// Adds `name`, or replaces what it named.
  void add(const std::string& name, Value value) { entries_[name] = std::move(value); }
  /// The entry called `name`, or null.
  const Value* find(const std::string& name) const {
    const auto found = entries_.find(name);
    return found == entries_.end() ? nullptr : &found->second;
  }
  /// The entry called `name`; ValueError naming it and every known name otherwise.
  const Value& get(const std::string& name) const {
    if (const Value* value = find(name)) return *value;
    throw ValueError(unknown(name));
  }
  /// Every name, in order.
  std::vector<std::string> names() const {
    std::vector<std::string> names;
    for (const auto& entry : entries_) names.push_back(entry.first);
    return names;
  }
  /// "unknown <kind> '<name>'; known: "a" "b" ...": the message get() throws.
  std::string unknown(const std::string& name) const {
    std::string message = "unknown " + kind_ + " '" + name + "'; known:";
    for (const auto& entry : entries_) message += " \"" + entry.first + "\"";
    return message;
  }

 private:
  std::string kind_;
  std::map<std::string, Value> entries_;
};

}  // namespace nn

// Mistake: numbering starts at _1 for the first layer of a class
#include "exercises/07_saving/keras3_paths.h"

#include <cctype>
#include <map>

namespace exercises {

namespace {

bool upper(char c) { return std::isupper(static_cast<unsigned char>(c)) != 0; }
bool lower(char c) { return std::islower(static_cast<unsigned char>(c)) != 0; }

}  // namespace

std::string keras_snake_case(const std::string& class_name) {
  std::string word;  // \W removed: letters, digits and '_' stay
  for (char c : class_name) {
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '_') word += c;
  }
  // "(.)([A-Z][a-z]+)" → "\1_\2": "_" before an upper-case letter that starts a capitalised
  // word, when something comes before it. (Python's matches do not overlap, so it skips a
  // word that starts right after another; the next rule puts that "_" in anyway, since the
  // letter before is then lower-case.)
  std::string first;
  for (std::size_t i = 0; i < word.size(); ++i) {
    if (i > 0 && upper(word[i]) && i + 1 < word.size() && lower(word[i + 1])) first += '_';
    first += word[i];
  }
  // "([a-z])([A-Z])" → "\1_\2".
  std::string second;
  for (std::size_t i = 0; i < first.size(); ++i) {
    if (i > 0 && lower(first[i - 1]) && upper(first[i])) second += '_';
    second += first[i];
  }
  for (char& c : second) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return second;
}

std::vector<std::string> keras3_groups(const std::vector<ConfigLayer>& layers) {
  std::map<std::string, int> seen;  // snake-case class → layers of it so far
  std::vector<std::string> groups;
  for (const ConfigLayer& layer : layers) {
    if (layer.class_name == "InputLayer") {
      groups.emplace_back();
      continue;
    }
    const std::string snake = keras_snake_case(layer.class_name);
    const int n = ++seen[snake];  // the first dense becomes dense_1
    groups.push_back("layers/" + snake + "_" + std::to_string(n));
  }
  return groups;
}

std::string keras3_weight_path(const std::vector<ConfigLayer>& layers, const std::string& name,
                               int index) {
  if (index < 0) {
    throw nn::ValueError("keras3_weight_path: variable index " + std::to_string(index) +
                         " of layer '" + name + "' is negative");
  }
  const std::vector<std::string> groups = keras3_groups(layers);
  std::string known;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    if (layers[i].name == name) {
      if (groups[i].empty()) {
        throw nn::ValueError("keras3_weight_path: layer '" + name + "' is an " +
                             layers[i].class_name + ", which has no weights");
      }
      return groups[i] + "/vars/" + std::to_string(index);
    }
    known += (known.empty() ? "" : ", ") + layers[i].name;
  }
  throw nn::ValueError("keras3_weight_path: no layer named '" + name + "'; the layers are " +
                       known);
}

}  // namespace exercises

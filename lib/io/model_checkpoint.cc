#include "lib/io/model_checkpoint.h"

#include <cmath>
#include <cstdio>
#include <limits>
#include <regex>

#include "lib/error.h"
#include "lib/io/keras_h5.h"
#include "lib/models/model.h"
#include "lib/models/monitor.h"

namespace nn {
namespace {

// One {key} or {key:spec} field, formatted as Python would.
std::string format_field(const std::string& field, int epoch, const Logs& logs) {
  const std::size_t colon = field.find(':');
  const std::string key = field.substr(0, colon);
  const std::string spec = colon == std::string::npos ? "" : field.substr(colon + 1);
  static const std::regex kSpec("(0?)([0-9]*)(?:\\.([0-9]+))?([dfeg]?)");
  std::smatch parts;
  if (!std::regex_match(spec, parts, kSpec)) {
    throw ValueError("ModelCheckpoint: format spec '" + spec + "' of {" + field +
                     "} is not [0][width][.precision][d|f|e|g]");
  }
  const bool is_epoch = key == "epoch";
  const double value = is_epoch ? epoch + 1 : monitored_value("ModelCheckpoint path", key, logs);
  std::string type = parts[4].str();
  if (type == "d" && value != std::floor(value)) {
    throw ValueError("ModelCheckpoint: {" + field + "}: " + key + " is not a whole number");
  }
  if (type.empty()) type = is_epoch ? "d" : "g";  // Python's str() of a float is close to %g
  std::string format = "%" + parts[1].str() + parts[2].str();
  if (parts[3].matched && type != "d") format += "." + parts[3].str();
  char text[128];
  if (type == "d") {
    std::snprintf(text, sizeof text, (format + "lld").c_str(), static_cast<long long>(value));
  } else {
    std::snprintf(text, sizeof text, (format + type).c_str(), value);
  }
  return text;
}

// The path with each {field} replaced by field(text inside the braces).
template <class Field>
std::string expand(const std::string& filepath, Field field) {
  std::string path;
  for (std::size_t i = 0; i < filepath.size(); ++i) {
    const char c = filepath[i];
    if ((c == '{' || c == '}') && i + 1 < filepath.size() && filepath[i + 1] == c) {
      path += c;  // {{ and }} are literal braces
      ++i;
    } else if (c == '{') {
      const std::size_t end = filepath.find('}', i);
      if (end == std::string::npos) {
        throw ValueError("ModelCheckpoint: '" + filepath + "' opens a { it does not close");
      }
      path += field(filepath.substr(i + 1, end - i - 1));
      i = end;
    } else if (c == '}') {
      throw ValueError("ModelCheckpoint: '" + filepath + "' closes a } it did not open");
    } else {
      path += c;
    }
  }
  return path;
}

}  // namespace

std::string format_checkpoint_path(const std::string& filepath, int epoch, const Logs& logs) {
  return expand(filepath,
                [&](const std::string& field) { return format_field(field, epoch, logs); });
}

ModelCheckpoint::ModelCheckpoint(std::string filepath, ModelCheckpointOptions options,
                                 std::ostream& out)
    : filepath_(std::move(filepath)), options_(std::move(options)), out_(&out) {
  const std::string& mode = options_.mode;
  if (mode != "auto" && mode != "min" && mode != "max") {
    throw ValueError("ModelCheckpoint: unknown mode '" + mode +
                     "'; known: \"auto\" \"min\" \"max\"");
  }
  expand(filepath_, [](const std::string&) { return ""; });  // braces now, keys later
  minimize_ = mode == "min" || (mode == "auto" && !larger_is_better(options_.monitor));
  const double worst = std::numeric_limits<double>::infinity();
  best_ = options_.initial_value_threshold.value_or(minimize_ ? worst : -worst);
}

void ModelCheckpoint::on_epoch_end(int epoch, Logs& logs) {
  const std::string path = format_checkpoint_path(filepath_, epoch, logs);
  char line[512];
  if (options_.save_best_only) {
    const double value = monitored_value("ModelCheckpoint", options_.monitor, logs);
    const bool better = minimize_ ? value < best_ : value > best_;
    if (!better) {
      std::snprintf(line, sizeof line, "\nEpoch %05d: %s did not improve from %.5f\n", epoch + 1,
                    options_.monitor.c_str(), best_);
      if (options_.verbose > 0) *out_ << line;
      return;
    }
    std::snprintf(line, sizeof line,
                  "\nEpoch %05d: %s improved from %.5f to %.5f, saving model to %s\n", epoch + 1,
                  options_.monitor.c_str(), best_, value, path.c_str());
    best_ = value;
  } else {
    std::snprintf(line, sizeof line, "\nEpoch %05d: saving model to %s\n", epoch + 1, path.c_str());
  }
  if (options_.verbose > 0) *out_ << line;
  if (options_.save_weights_only) {
    save_weights(*model(), path);
  } else {
    save_model(*model(), path);
  }
  saved_.push_back(path);
}

}  // namespace nn

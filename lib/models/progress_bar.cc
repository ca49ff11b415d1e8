#include "lib/models/progress_bar.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "lib/models/model.h"

namespace nn {
namespace {

std::string printf_string(const char* format, double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

// " 1ms/step", " 2s/epoch": the unit Keras picks for a duration.
std::string format_time(double seconds, const std::string& unit) {
  if (seconds >= 1.0 || seconds == 0.0) return printf_string(" %.0fs/", seconds) + unit;
  if (seconds >= 1e-3) return printf_string(" %.0fms/", seconds * 1e3) + unit;
  return printf_string(" %.0fus/", seconds * 1e6) + unit;
}

std::string format_eta(double seconds) {
  const long s = static_cast<long>(seconds);
  char buffer[64];
  if (seconds > 3600) {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld:%02ld", s / 3600, (s % 3600) / 60, s % 60);
  } else if (seconds > 60) {
    std::snprintf(buffer, sizeof buffer, "%ld:%02ld", s / 60, s % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%lds", s);
  }
  return buffer;
}

std::string count_text(int current, int target) {
  const int digits = static_cast<int>(std::log10(std::max(1, target))) + 1;
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%*d/%d", digits, current, target);
  return buffer;
}

}  // namespace

std::string format_log_value(double value) {
  return printf_string(std::abs(value) > 1e-3 ? "%.4f" : "%.4e", value);
}

Progbar::Progbar(int target, int verbose, std::ostream& out, bool dynamic, int width)
    : target_(target),
      verbose_(verbose),
      width_(width),
      out_(&out),
      dynamic_(dynamic),
      start_(Clock::now()) {}

double Progbar::step_seconds(int current, Clock::time_point now) {
  // Keras leaves the first step out of the estimate when it can: it is often slower.
  if (current <= 0) return 0.0;
  double seconds = std::chrono::duration<double>(now - start_).count() / current;
  if (after_first_step_ && current > 1) {
    seconds = std::chrono::duration<double>(now - *after_first_step_).count() / (current - 1);
  }
  if (current == 1) after_first_step_ = now;
  return seconds;
}

void Progbar::update(int current, const std::vector<std::pair<std::string, double>>& values,
                     bool finalize) {
  const Clock::time_point now = Clock::now();
  const double per_step = step_seconds(current, now);
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  std::string info = printf_string(" - %.0fs", elapsed);
  if (verbose_ == 2) {
    if (!finalize) return;
    std::string line = count_text(current, target_) + info;
    for (const auto& [key, value] : values) line += " - " + key + ": " + format_log_value(value);
    *out_ << line << " -" << format_time(elapsed, "epoch") << " -" << format_time(per_step, "step")
          << '\n'
          << std::flush;
    return;
  }
  if (!finalize && (!dynamic_ || now - last_draw_ < std::chrono::milliseconds(50))) return;
  last_draw_ = now;
  // "  32/1719 [>.............................]"
  std::string bar = count_text(current, target_) + " [";
  const int done =
      target_ > 0 ? static_cast<int>(width_ * static_cast<double>(current) / target_) : width_;
  if (done > 0) bar += std::string(done - 1, '=') + (current < target_ ? '>' : '=');
  bar += std::string(std::max(0, width_ - done), '.') + "]";
  if (finalize) {
    info += format_time(per_step, "step");
  } else {
    info = " - ETA: " + format_eta(per_step * (target_ - current));
  }
  for (const auto& [key, value] : values) info += " - " + key + ": " + format_log_value(value);
  std::string line = bar + info;
  const std::size_t width = line.size();
  if (dynamic_) {
    if (width < drawn_width_) line += std::string(drawn_width_ - width, ' ');
    *out_ << '\r';
  }
  drawn_width_ = width;
  *out_ << line;
  if (finalize) *out_ << '\n';
  *out_ << std::flush;
}

ProgbarLogger::ProgbarLogger(std::ostream& out)
    : out_(&out), dynamic_(&out == &std::cout && isatty(STDOUT_FILENO)) {}

void ProgbarLogger::on_epoch_begin(int epoch, Logs&) {
  if (params().epochs > 1) *out_ << "Epoch " << epoch + 1 << "/" << params().epochs << '\n';
  seen_ = 0;
  bar_ = std::make_unique<Progbar>(params().steps, params().verbose, *out_, dynamic_);
}

void ProgbarLogger::on_batch_end(int batch, Logs& logs) {
  seen_ = batch + 1;
  if (bar_) bar_->update(seen_, ordered(logs), false);
}

void ProgbarLogger::on_epoch_end(int, Logs& logs) {
  if (bar_) bar_->update(seen_, ordered(logs), true);
  bar_.reset();
}

std::vector<std::pair<std::string, double>> ProgbarLogger::ordered(const Logs& logs) const {
  // Keras's order: the model's metrics ("loss" first), then their "val_" twins, then the rest.
  std::vector<std::string> keys;
  if (model() != nullptr) keys = model()->metrics_names();
  const std::size_t count = keys.size();
  for (std::size_t i = 0; i < count; ++i) keys.push_back("val_" + keys[i]);
  std::vector<std::pair<std::string, double>> values;
  for (const std::string& key : keys) {
    const auto found = logs.find(key);
    if (found != logs.end()) values.emplace_back(key, found->second);
  }
  for (const auto& [key, value] : logs) {
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) values.emplace_back(key, value);
  }
  return values;
}

}  // namespace nn

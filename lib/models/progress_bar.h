#pragma once
// The progress bar, drawn as Keras draws it:
//
//   Epoch 1/30
//   1719/1719 [==============================] - 2s 1ms/step - loss: 0.7189 - accuracy: 0.7656
//
// On a terminal the bar is redrawn in place ('\r') as batches finish, at most every 50 ms.
// When the output is not a terminal (a log file, CI), only the finished line of each epoch
// is written. With verbose = 2, one short line per epoch:
//
//   1719/1719 - 2s - loss: 0.7189 - accuracy: 0.7656 - 2s/epoch - 1ms/step

#include <chrono>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "lib/models/callback.h"

namespace nn {

/// One bar: `target` steps, drawn on `out`.
class Progbar {
 public:
  /// verbose 1 draws the bar, 2 one line at the end; dynamic: redraw in place (carriage
  /// return) rather than only writing the finished line.
  Progbar(int target, int verbose, std::ostream& out, bool dynamic, int width = 30);
  /// Shows `current` steps done with these values, in order; finalize: the last update.
  void update(int current, const std::vector<std::pair<std::string, double>>& values,
              bool finalize);

 private:
  using Clock = std::chrono::steady_clock;
  double step_seconds(int current, Clock::time_point now);

  int target_, verbose_, width_;
  std::ostream* out_;
  bool dynamic_;
  std::size_t drawn_width_ = 0;
  Clock::time_point start_, last_draw_;
  std::optional<Clock::time_point> after_first_step_;
};

/// The callback that draws a Progbar per epoch; fit() adds one when verbose > 0.
class ProgbarLogger : public Callback {
 public:
  /// Draws on `out`; redraws in place only if `out` is standard output on a terminal.
  explicit ProgbarLogger(std::ostream& out = std::cout);
  /// Prints "Epoch 3/30" (when there are several) and starts a bar.
  void on_epoch_begin(int epoch, Logs& logs) override;
  /// Advances the bar.
  void on_batch_end(int batch, Logs& logs) override;
  /// Finishes the bar, with the validation results.
  void on_epoch_end(int epoch, Logs& logs) override;
  /// It does: fit() adds no second bar.
  bool shows_progress() const override { return true; }

 private:
  std::vector<std::pair<std::string, double>> ordered(const Logs& logs) const;

  std::ostream* out_;
  bool dynamic_;
  int seen_ = 0;
  std::unique_ptr<Progbar> bar_;
};

/// Keras's number format in logs: "%.4f", or "%.4e" for magnitudes up to 1e-3.
std::string format_log_value(double value);

}  // namespace nn

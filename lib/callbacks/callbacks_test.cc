#include <catch2/catch.hpp>
#include <regex>
#include <sstream>

#include "lib/layers/dense.h"
#include "lib/models/history.h"
#include "lib/models/progress_bar.h"
#include "lib/models/sequential.h"
#include "lib/optimizers/sgd.h"

namespace {

// Writes down every moment fit() calls, with the keys of the logs at epoch end.
struct Recorder : nn::Callback {
  std::vector<std::string> events;
  void on_train_begin(nn::Logs&) override { events.push_back("train_begin"); }
  void on_train_end(nn::Logs&) override { events.push_back("train_end"); }
  void on_epoch_begin(int e, nn::Logs&) override {
    events.push_back("epoch_begin " + std::to_string(e));
  }
  void on_epoch_end(int e, nn::Logs& logs) override {
    std::string keys;
    for (const auto& [key, value] : logs) keys += " " + key;
    events.push_back("epoch_end " + std::to_string(e) + ":" + keys);
    logs["lr"] = model()->optimizer().learning_rate();  // History, last, sees it
  }
  void on_batch_begin(int b, nn::Logs&) override {
    events.push_back("batch_begin " + std::to_string(b));
  }
  void on_batch_end(int b, nn::Logs& logs) override {
    events.push_back("batch_end " + std::to_string(b) + (logs.count("loss") ? " loss" : ""));
  }
};

nn::Sequential small_model() {
  nn::Sequential model({nn::Dense(3, "relu"), nn::Dense(2, "softmax")});
  model.compile("sparse_categorical_crossentropy", nn::SGD(0.1), {"accuracy"});
  return model;
}

const nn::Tensor x = {{0, 1}, {1, 0}, {1, 1}, {0, 0}};
const nn::Tensor y = {{1}, {1}, {0}, {0}};

}  // namespace

TEST_CASE("fit calls the callbacks in Keras's order, with Keras's log keys") {
  nn::Sequential model = small_model();
  auto recorder = std::make_shared<Recorder>();
  nn::FitOptions options;
  options.epochs = 2;
  options.batch_size = 2;
  options.verbose = 0;
  options.validation_data = {{x, y}};
  options.callbacks = {recorder};
  nn::History history = model.fit(x, y, options);
  const std::vector<std::string> expected = {"train_begin",
                                             "epoch_begin 0",
                                             "batch_begin 0",
                                             "batch_end 0 loss",
                                             "batch_begin 1",
                                             "batch_end 1 loss",
                                             "epoch_end 0: accuracy loss val_accuracy val_loss",
                                             "epoch_begin 1",
                                             "batch_begin 0",
                                             "batch_end 0 loss",
                                             "batch_begin 1",
                                             "batch_end 1 loss",
                                             "epoch_end 1: accuracy loss val_accuracy val_loss",
                                             "train_end"};
  CHECK(recorder->events == expected);
  CHECK(recorder->params().steps == 2);
  CHECK(recorder->params().epochs == 2);
  CHECK(history.history["lr"] == std::vector<double>{0.1, 0.1});
  CHECK(history.history["val_loss"].size() == 2);
}

TEST_CASE("the progress bar, as Keras prints it when the output is not a terminal") {
  nn::Sequential model = small_model();
  std::ostringstream out;
  nn::FitOptions options;
  options.epochs = 2;
  options.batch_size = 2;
  options.validation_data = {{x, y}};
  options.callbacks = {std::make_shared<nn::ProgbarLogger>(out)};
  model.fit(x, y, options);
  const std::regex line(
      "2/2 \\[==============================\\] - \\d+s \\d+(s|ms|us)/step - loss: \\d\\.\\d{4} - "
      "accuracy: \\d\\.\\d{4} - val_loss: \\d\\.\\d{4} - val_accuracy: \\d\\.\\d{4}");
  std::istringstream lines(out.str());
  std::string first, second, third, fourth, rest;
  std::getline(lines, first);
  std::getline(lines, second);
  std::getline(lines, third);
  std::getline(lines, fourth);
  CHECK(first == "Epoch 1/2");
  INFO(second);
  CHECK(std::regex_match(second, line));
  CHECK(third == "Epoch 2/2");
  CHECK(std::regex_match(fourth, line));
  CHECK_FALSE(std::getline(lines, rest));
  CHECK(out.str().find('\r') == std::string::npos);
}

TEST_CASE("verbose 2: one line per epoch, with the epoch's time") {
  nn::Sequential model = small_model();
  std::ostringstream out;
  nn::FitOptions options;
  options.batch_size = 4;
  options.verbose = 2;
  options.callbacks = {std::make_shared<nn::ProgbarLogger>(out)};
  model.fit(x, y, options);
  INFO(out.str());
  CHECK(std::regex_match(out.str(),
                         std::regex("1/1 - \\d+s - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4} - "
                                    "\\d+(s|ms|us)/epoch - \\d+(s|ms|us)/step\n")));
}

TEST_CASE("on a terminal the bar is redrawn in place, with an ETA") {
  std::ostringstream out;
  nn::Progbar bar(1719, 1, out, true);
  bar.update(32, {{"loss", 0.5}}, false);
  bar.update(1719, {{"loss", 0.25}, {"accuracy", 0.0001}}, true);
  const std::string text = out.str();
  CHECK(text.rfind("\r  32/1719 [..............................] - ETA: ", 0) == 0);
  CHECK_THAT(text, Catch::Contains("\r1719/1719 [==============================] - ") &&
                       Catch::Contains(" - loss: 0.2500 - accuracy: 1.0000e-04"));
  CHECK(text.back() == '\n');
  CHECK(nn::format_log_value(0.71894) == "0.7189");
  CHECK(nn::format_log_value(-2.5e-5) == "-2.5000e-05");
}

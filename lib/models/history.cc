#include "lib/models/history.h"

namespace nn {

void History::on_train_begin(Logs&) {
  history.clear();
  epoch.clear();
}

void History::on_epoch_end(int e, Logs& logs) {
  epoch.push_back(e);
  for (const auto& [key, value] : logs) history[key].push_back(value);
}

}  // namespace nn

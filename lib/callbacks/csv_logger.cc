#include "lib/callbacks/csv_logger.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "lib/atomic_file.h"
#include "lib/error.h"
#include "lib/text.h"

namespace nn {

CSVLogger::CSVLogger(std::string filename, char separator, bool append)
    : filename_(std::move(filename)), separator_(separator), append_(append) {
  if (filename_.empty()) throw ValueError("CSVLogger: no file name given");
}

void CSVLogger::on_train_begin(Logs&) {
  text_.clear();
  existing_header_.clear();
  keys_.clear();
  if (!append_) return;
  std::ifstream in(filename_, std::ios::binary);
  if (!in) return;  // nothing to append to yet
  std::ostringstream contents;
  contents << in.rdbuf();
  if (in.bad()) throw DataError("CSVLogger: cannot read " + filename_);
  text_ = contents.str();
  if (!text_.empty() && text_.back() != '\n') text_ += '\n';
  existing_header_ = text_.substr(0, text_.find('\n'));
}

std::string CSVLogger::header() const {
  std::string line = "epoch";
  for (const std::string& key : keys_) line += separator_ + key;
  return line;
}

void CSVLogger::on_epoch_end(int epoch, Logs& logs) {
  if (keys_.empty()) {
    for (const auto& [key, value] : logs) keys_.push_back(key);  // a std::map: sorted
    if (!existing_header_.empty() && existing_header_ != header()) {
      throw ValueError("CSVLogger: " + filename_ + " has the columns '" + existing_header_ +
                       "' but this training logs '" + header() + "'");
    }
    if (existing_header_.empty()) text_ += header() + '\n';
  }
  for (const auto& [key, value] : logs) {
    if (std::find(keys_.begin(), keys_.end(), key) == keys_.end()) {
      throw ValueError("CSVLogger: epoch " + std::to_string(epoch) + " logs \"" + key +
                       "\", which is not a column of " + filename_ + " (" + header() + ")");
    }
  }
  std::string row = std::to_string(epoch);
  for (const std::string& key : keys_) {
    const auto found = logs.find(key);
    row += separator_;
    row += found == logs.end() ? "NA" : shortest_decimal(found->second);
  }
  text_ += row + '\n';
  write_file_atomically(filename_, text_);
}

}  // namespace nn

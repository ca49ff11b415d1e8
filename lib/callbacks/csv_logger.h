#pragma once
// CSVLogger: one line per epoch in a CSV file, as Keras's writes it:
//
//   epoch,accuracy,loss,val_accuracy,val_loss
//   0,0.7657,0.7183,0.8268,0.5034
//
// The columns are "epoch" then the log keys in sorted order, fixed by the first epoch; a key
// missing from a later epoch is written "NA". Numbers are written in the shortest form that
// reads back to the same double. The file is rewritten whole after every epoch, atomically
// (a temporary file renamed over it), so whoever reads it during training sees complete lines
// only, and a crash leaves the file as it was after the last finished epoch.

#include <string>
#include <vector>

#include "lib/models/callback.h"
#include "lib/text.h"  // shortest_decimal, which the columns are written with

namespace nn {

/// Writes every epoch's logs to a CSV file.
class CSVLogger : public Callback {
 public:
  /// Logs to `filename`, columns separated by `separator`; append keeps the rows of an
  /// existing file (a resumed training) instead of starting it afresh.
  explicit CSVLogger(std::string filename, char separator = ',', bool append = false);
  /// Starts the file's text: empty, or with append, the existing file's lines (DataError
  /// naming the file if it cannot be read).
  void on_train_begin(Logs& logs) override;
  /// Adds the epoch's row and rewrites the file. Throws ValueError naming the file when the
  /// logs hold a key that is not one of its columns, or when an appended file's header
  /// differs from this training's columns; nn::Error naming the file if it cannot be written.
  void on_epoch_end(int epoch, Logs& logs) override;

  /// The file's name.
  const std::string& filename() const { return filename_; }

 private:
  std::string header() const;

  std::string filename_;
  char separator_;
  bool append_;
  std::string text_;               // the whole file, as last written
  std::string existing_header_;    // the first line of an appended file, if any
  std::vector<std::string> keys_;  // the columns after "epoch", fixed by the first epoch
};

}  // namespace nn

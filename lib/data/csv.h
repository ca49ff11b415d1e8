#pragma once
// Reading a table from a CSV file: a header row of column names, then one row per example.
// Every column is numbers unless it is named as text (iris's `species`). A bad file gives one
// nn::DataError that names the file, the line and, for a bad value, the column.

#include <cstddef>
#include <string>
#include <vector>

#include "lib/tensor.h"

namespace nn {

/// What read_csv() reads from a file.
struct CsvOptions {
  /// The columns to read, in this order; empty reads every column of the header.
  std::vector<std::string> columns;
  /// Columns kept as text, such as {"species"}; every other column read must hold numbers.
  std::vector<std::string> text_columns;
};

/// A table read by read_csv(): named columns, each of numbers or of text, all rows() long.
class Table {
 public:
  /// The number of data rows (the header is not a row).
  std::size_t rows() const { return rows_; }
  /// The column names, in the order they were read.
  std::vector<std::string> names() const;
  /// Whether the table has a column of this name.
  bool has(const std::string& name) const;
  /// A numeric column. Throws ValueError (listing the names) if unknown or text.
  const std::vector<float>& numbers(const std::string& name) const;
  /// A text column. Throws ValueError (listing the names) if unknown or numeric.
  const std::vector<std::string>& text(const std::string& name) const;
  /// Numeric columns side by side: (rows, names.size()), column j is names[j].
  Tensor tensor(const std::vector<std::string>& names) const;
  /// One numeric column: (rows,).
  Vector vector(const std::string& name) const;
  /// A text column as class indices (rows,): class i is `class_names[i]`, the distinct
  /// values sorted, written to `class_names` when it is not null.
  Labels labels(const std::string& name, std::vector<std::string>* class_names = nullptr) const;

 private:
  struct Column {
    std::string name;
    bool is_text = false;
    std::vector<float> numbers;
    std::vector<std::string> text;
  };
  const Column& find(const std::string& name) const;
  /// read_csv() fills the columns.
  friend Table read_csv(const std::string& path, const CsvOptions& options);

  std::vector<Column> columns_;
  std::size_t rows_ = 0;
};

/// Reads `path` (workspace-relative, e.g. "data/iris.csv"): header row, ',' between fields,
/// "quoted, fields" with "" for a quote, CRLF or LF line ends, empty lines at the end.
/// Throws DataError naming the file and line: cannot open, empty file, a column asked for
/// that the header lacks, a row with the wrong number of fields, a value that is not a number.
Table read_csv(const std::string& path, const CsvOptions& options = {});

}  // namespace nn

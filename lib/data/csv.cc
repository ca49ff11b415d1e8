#include "lib/data/csv.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "lib/error.h"

namespace nn {
namespace {

std::string join(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) text += (text.empty() ? "" : ", ") + name;
  return text;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Reads one line without its line end (LF or CRLF); counts it in `line_no`.
bool next_line(std::istream& in, std::string& line, int& line_no) {
  if (!std::getline(in, line)) return false;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  ++line_no;
  return true;
}

// Reads one record into `fields`: one line, or more when a quoted field holds a line break.
// `blank` tells an empty line. Returns false at the end of the file.
bool read_record(std::istream& in, const std::string& path, int& line_no,
                 std::vector<std::string>& fields, bool& blank) {
  std::string line;
  if (!next_line(in, line, line_no)) return false;
  const int first_line = line_no;
  blank = line.empty();
  fields.assign(1, "");
  bool quoted = false;
  std::size_t i = 0;
  while (true) {
    if (i == line.size()) {
      if (!quoted) return true;
      if (!next_line(in, line, line_no)) {
        throw DataError(path + ":" + std::to_string(first_line) + ": unterminated quoted field");
      }
      fields.back() += '\n';  // the line break is part of the quoted field
      i = 0;
      continue;
    }
    const char c = line[i++];
    if (quoted && c == '"' && i < line.size() && line[i] == '"') {
      fields.back() += '"';  // "" inside quotes is one quote
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
}

// A numeric field: optional spaces around a decimal number ("5.1", "-2", "1e-3").
bool parse_number(const std::string& field, float& value) {
  const auto begin = field.find_first_not_of(' ');
  if (begin == std::string::npos) return false;
  const auto end = field.find_last_not_of(' ') + 1;
  double number = 0.0;  // parsed as a double, then rounded once to float (as numpy does)
  const auto result = std::from_chars(field.data() + begin, field.data() + end, number);
  if (result.ec != std::errc() || result.ptr != field.data() + end) return false;
  if (!std::isfinite(number)) return false;
  value = static_cast<float>(number);
  return std::isfinite(value);
}

}  // namespace

std::vector<std::string> Table::names() const {
  std::vector<std::string> names;
  for (const auto& column : columns_) names.push_back(column.name);
  return names;
}

bool Table::has(const std::string& name) const { return contains(names(), name); }

const Table::Column& Table::find(const std::string& name) const {
  for (const auto& column : columns_) {
    if (column.name == name) return column;
  }
  throw ValueError("no column '" + name + "' (columns: " + join(names()) + ")");
}

const std::vector<float>& Table::numbers(const std::string& name) const {
  const Column& column = find(name);
  if (column.is_text) throw ValueError("column '" + name + "' holds text, not numbers");
  return column.numbers;
}

const std::vector<std::string>& Table::text(const std::string& name) const {
  const Column& column = find(name);
  if (!column.is_text) throw ValueError("column '" + name + "' holds numbers, not text");
  return column.text;
}

Tensor Table::tensor(const std::vector<std::string>& names) const {
  Tensor x = Tensor::from_shape({rows_, names.size()});  // (rows, k)
  for (std::size_t j = 0; j < names.size(); ++j) {
    const std::vector<float>& column = numbers(names[j]);
    for (std::size_t i = 0; i < rows_; ++i) x(i, j) = column[i];
  }
  return x;
}

Vector Table::vector(const std::string& name) const {
  const std::vector<float>& column = numbers(name);
  Vector v = Vector::from_shape({rows_});  // (rows,)
  std::copy(column.begin(), column.end(), v.begin());
  return v;
}

Labels Table::labels(const std::string& name, std::vector<std::string>* class_names) const {
  const std::vector<std::string>& values = text(name);
  std::vector<std::string> classes = values;
  std::sort(classes.begin(), classes.end());
  classes.erase(std::unique(classes.begin(), classes.end()), classes.end());
  Labels y = Labels::from_shape({rows_});  // (rows,)
  for (std::size_t i = 0; i < rows_; ++i) {
    y(i) = static_cast<int>(std::lower_bound(classes.begin(), classes.end(), values[i]) -
                            classes.begin());
  }
  if (class_names != nullptr) *class_names = classes;
  return y;
}

Table read_csv(const std::string& path, const CsvOptions& options) {
  errno = 0;
  std::ifstream in(path, std::ios::binary);
  if (!in || std::filesystem::is_directory(path)) {
    const std::string reason = std::filesystem::is_directory(path) ? "is a directory"
                               : errno != 0                        ? std::strerror(errno)
                                                                   : "cannot read";
    throw DataError("cannot open " + path + ": " + reason);
  }

  // The header: which columns there are, and where each column we read sits in a row.
  int line_no = 0;
  std::vector<std::string> header;
  bool blank = false;
  if (!read_record(in, path, line_no, header, blank) || blank) {
    throw DataError(path + ": empty file (expected a header row of column names)");
  }
  if (header[0].rfind("\xEF\xBB\xBF", 0) == 0) header[0].erase(0, 3);  // a UTF-8 mark
  for (std::size_t j = 0; j < header.size(); ++j) {
    if (std::count(header.begin(), header.end(), header[j]) > 1) {
      throw DataError(path + ":1: column '" + header[j] + "' appears twice in the header");
    }
  }
  std::vector<std::string> wanted = options.columns.empty() ? header : options.columns;
  for (const auto& name : options.text_columns) {
    if (!contains(wanted, name)) wanted.push_back(name);
  }
  Table table;
  std::vector<std::size_t> field_of;  // field_of[c]: the field that holds column c
  for (const auto& name : wanted) {
    const auto at = std::find(header.begin(), header.end(), name);
    if (at == header.end()) {
      throw DataError(path + ":1: no column '" + name +
                      "' in the header (columns: " + join(header) + ")");
    }
    field_of.push_back(static_cast<std::size_t>(at - header.begin()));
    table.columns_.push_back({name, contains(options.text_columns, name), {}, {}});
  }

  // The rows. Empty lines are allowed only at the end of the file.
  std::vector<std::string> fields;
  int blank_line = 0;
  while (read_record(in, path, line_no, fields, blank)) {
    if (blank) {
      if (blank_line == 0) blank_line = line_no;
      continue;
    }
    const std::string where = path + ":" + std::to_string(line_no);
    if (blank_line != 0) {
      throw DataError(path + ":" + std::to_string(blank_line) +
                      ": empty line before the end of the file");
    }
    if (fields.size() != header.size()) {
      throw DataError(where + ": expected " + std::to_string(header.size()) + " fields, got " +
                      std::to_string(fields.size()));
    }
    for (std::size_t c = 0; c < table.columns_.size(); ++c) {
      Table::Column& column = table.columns_[c];
      const std::string& field = fields[field_of[c]];
      float value = 0.0f;
      if (column.is_text) {
        column.text.push_back(field);
      } else if (parse_number(field, value)) {
        column.numbers.push_back(value);
      } else {
        throw DataError(where + ": column '" + column.name + "': '" + field + "' is not a number");
      }
    }
    ++table.rows_;
  }
  return table;
}

}  // namespace nn

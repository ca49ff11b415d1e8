#pragma once
// Errors a reader can cause: bad files, bad shapes, bad names. Everything the book throws
// derives from nn::Error, so a chapter's main() can catch one type and print one line.

#include <stdexcept>
#include <string>

namespace nn {

/// Base class of every error the library reports to its user.
class Error : public std::runtime_error {
 public:
  /// Creates an error with a message that names what was wrong and where.
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

/// Tensors whose shapes do not fit together (names the layer or op and both shapes).
class ShapeError : public Error {
 public:
  /// Creates a shape error with its message.
  explicit ShapeError(const std::string& message) : Error(message) {}
};

/// A file that cannot be read or parsed (names the file and, where it can, the line).
class DataError : public Error {
 public:
  /// Creates a data error with its message.
  explicit DataError(const std::string& message) : Error(message) {}
};

/// A name or value that the library does not know (lists the ones it knows).
class ValueError : public Error {
 public:
  /// Creates a value error with its message.
  explicit ValueError(const std::string& message) : Error(message) {}
};

}  // namespace nn

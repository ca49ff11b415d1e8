#pragma once
// A small, safe door to HDF5, the file format of Keras's .h5 models. HDF5 files are trees:
// groups (folders) hold groups and datasets (n-dimensional arrays), and any of them carries
// attributes (small named values). This wrapper covers what model files use: open and
// create, groups, string attributes (scalars and lists), float arrays. Every HDF5 call is
// checked; a failure becomes an nn::DataError naming the file, the object and HDF5's own
// reason, and HDF5's habit of printing its error stack to stderr is switched off.

#include <hdf5.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace nn::h5 {

/// Owns one HDF5 identifier and closes it (with the right H5?close) when destroyed.
class Handle {
 public:
  /// No identifier.
  Handle() = default;
  /// Takes ownership of `id`, closed with `close` (H5Gclose, H5Dclose, ...).
  Handle(hid_t id, herr_t (*close)(hid_t)) : id_(id), close_(close) {}
  ~Handle() { reset(); }
  Handle(const Handle&) = delete;             ///< one owner
  Handle& operator=(const Handle&) = delete;  ///< one owner
  /// Moves ownership.
  Handle(Handle&& other) noexcept;
  /// Moves ownership, closing what this held.
  Handle& operator=(Handle&& other) noexcept;
  /// The identifier, for HDF5's C functions.
  hid_t get() const { return id_; }
  /// Closes now; returns HDF5's status (negative on failure, e.g. a full disk at H5Fclose).
  herr_t reset();

 private:
  hid_t id_ = H5I_INVALID_HID;
  herr_t (*close_)(hid_t) = nullptr;
};

/// A float array read from a dataset: its shape as stored and its values, row-major.
struct Array {
  std::vector<std::size_t> shape;  ///< () for a scalar, (n,) for a vector, ...
  std::vector<float> values;       ///< product(shape) values, converted to float
};

/// A group of an open file (the root is a group too). It keeps the file open while it lives.
class Group {
 public:
  /// The file's name (for messages).
  const std::string& file() const { return file_; }
  /// The path inside the file: "/", "/model_weights/dense".
  const std::string& path() const { return path_; }

  /// Whether a child (group or dataset) named `name` exists ("a/b" paths allowed).
  bool has(const std::string& name) const;
  /// Whether the child `name` exists and is a group.
  bool has_group(const std::string& name) const;
  /// The names of the direct children, sorted by name (as h5py lists them).
  std::vector<std::string> children() const;
  /// Opens the child group `name`; DataError if it is missing or not a group.
  Group group(const std::string& name) const;
  /// Creates the child group `name`.
  Group create_group(const std::string& name) const;

  /// Whether the attribute `name` exists.
  bool has_attribute(const std::string& name) const;
  /// The names of the attributes, in the order they were written.
  std::vector<std::string> attribute_names() const;
  /// A scalar string attribute (fixed-length or variable-length, as h5py writes either).
  std::string string_attribute(const std::string& name) const;
  /// A list-of-strings attribute; an empty numeric array (Keras's "no weights") gives {}.
  std::vector<std::string> strings_attribute(const std::string& name) const;
  /// Writes a scalar string attribute: fixed-length bytes, as Keras writes them (longer than
  /// 64000 bytes: variable-length UTF-8, which HDF5 keeps outside the object's header).
  void set_string_attribute(const std::string& name, const std::string& value) const;
  /// Writes a list of fixed-length byte strings (what Keras writes for layer_names); an
  /// empty list is written as an empty float64 array, as Keras does.
  void set_strings_attribute(const std::string& name, const std::vector<std::string>& values) const;

  /// Reads a numeric dataset ("a/b" paths allowed) as floats; DataError if it is missing,
  /// not numeric, or larger than the file could hold.
  Array read(const std::string& name) const;
  /// Reads a scalar integer dataset exactly (an optimizer's step count, say).
  std::int64_t read_int64(const std::string& name) const;
  /// Writes a float32 dataset of this shape (intermediate groups of "a/b:0" are created).
  /// Nothing records the time, so the same model gives the same bytes.
  void write(const std::string& name, const std::vector<std::size_t>& shape,
             const float* values) const;
  /// Writes a scalar int64 dataset (an optimizer's step count, say).
  void write_int64(const std::string& name, std::int64_t value) const;

  /// A description of an attribute for listings: `"text"`, `["a", "b"]`, `float64 (0,)`.
  std::string describe_attribute(const std::string& name) const;
  /// A description of a dataset for listings: "float32 (16, 64)".
  std::string describe_dataset(const std::string& name) const;

 private:
  friend class File;
  Group(std::string file, std::string path, std::shared_ptr<Handle> file_handle, Handle handle)
      : file_(std::move(file)),
        path_(std::move(path)),
        file_handle_(std::move(file_handle)),
        handle_(std::move(handle)) {}
  [[noreturn]] void fail(const std::string& what) const;
  std::vector<std::string> read_attribute_strings(const std::string& name) const;
  Handle create_dataset(const std::string& name, const std::vector<std::size_t>& shape,
                        hid_t type) const;
  std::string child_path(const std::string& name) const;

  std::string file_, path_;
  std::shared_ptr<Handle> file_handle_;  // declared first: the group closes before the file
  Handle handle_;
};

/// An open HDF5 file.
class File {
 public:
  /// Opens an existing file to read. DataError if it does not exist, is not an HDF5 file, or
  /// is truncated or damaged. A child process reads the whole file first (check_in_child in
  /// lib/io/hdf5_guard.h): HDF5's parser can crash on some damaged files, and a crash there
  /// becomes a DataError here.
  static File open(const std::string& path);
  /// Opens an existing file to read, without that first reading in a child process.
  static File open_unchecked(const std::string& path);
  /// Creates a new file to write. It is built in memory (HDF5's "core" driver) and reaches
  /// the disk only at close(), in one atomic write: nothing half-written is ever on disk,
  /// and HDF5 never meets a failing disk (it handles that badly: a file whose close failed
  /// crashed it at exit).
  static File create(const std::string& path);
  /// The root group "/".
  Group root() const;
  /// Closes the file, and with it every group still open. A created file is then written
  /// to its path with write_file_atomically (a temporary file beside it, then a rename);
  /// if that fails (a full disk), DataError says so and the previous file at the path is
  /// unchanged. A created file dropped without close() is never written. An opened file
  /// left open closes with its last group or File.
  void close();
  /// The file's name.
  const std::string& path() const { return path_; }

 private:
  File(std::string path, Handle handle, bool created)
      : path_(std::move(path)),
        handle_(std::make_shared<Handle>(std::move(handle))),
        created_(created) {}
  std::string path_;
  std::shared_ptr<Handle> handle_;
  bool created_;
};

/// Whether the bytes of `path` start like an HDF5 file (its signature at offset 0, 512,
/// 1024, ...), checked before HDF5 itself opens it.
bool looks_like_hdf5(const std::string& path);

/// HDF5's innermost error message for the failure that just happened ("" if none).
std::string last_error();

}  // namespace nn::h5

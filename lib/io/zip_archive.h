#pragma once
// A small, checked door to zip archives (Debian's libzip), the container of Keras 3's .keras
// model files. Reading is guarded against what a hostile or damaged archive holds: a member
// name with ".." or an absolute path (zip-slip), a member whose uncompressed size is absurd
// (a zip bomb), a truncated or inconsistent archive, a damaged member (its CRC). Each is a
// DataError naming the archive and the fault. Nothing is ever extracted under a member's
// name: members are read into memory, up to a limit the caller gives.

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace nn::zip {

/// One member of an archive, as its central directory describes it.
struct Member {
  std::string name;          ///< "config.json", "model.weights.h5"
  std::uint64_t size = 0;    ///< uncompressed size, as the archive states it
  std::uint64_t packed = 0;  ///< compressed size
};

/// An archive open to read.
class Reader {
 public:
  /// Opens the archive at `path` and checks its directory: DataError if the file is missing,
  /// not a zip, truncated or inconsistent, or if a member's name is unsafe (empty, absolute,
  /// with a ".." part or a drive letter) or appears twice.
  explicit Reader(const std::string& path);
  ~Reader();
  Reader(const Reader&) = delete;             ///< one owner of the open archive
  Reader& operator=(const Reader&) = delete;  ///< one owner of the open archive

  /// The archive's file name (for messages).
  const std::string& path() const { return path_; }
  /// Every member, in the archive's order.
  const std::vector<Member>& members() const { return members_; }
  /// Whether a member of this name exists.
  bool has(const std::string& name) const;
  /// The bytes of member `name`. DataError naming the archive and the member if it is
  /// missing, if it states or yields more than `limit` bytes (a zip bomb), or if it cannot be
  /// decompressed or its CRC is wrong.
  std::string read(const std::string& name, std::uint64_t limit) const;

 private:
  std::string path_;
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<Member> members_;
};

/// Writes an archive of these (name, bytes) members, stored uncompressed as Keras does, with
/// a fixed time stamp (the same members give the same bytes), atomically: a temporary file
/// beside `path`, then a rename. nn::Error naming the path if it cannot be written.
void write(const std::string& path,
           const std::vector<std::pair<std::string, std::string>>& members);

/// Whether the bytes of `path` start like a zip archive: "PK" then bytes 3, 4 (a member) or
/// 5, 6 (an empty archive).
bool looks_like_zip(const std::string& path);

/// Whether a member name is safe: not empty, not absolute (a leading slash or backslash, or a drive
/// as in C:x), no ".." part between slashes or backslashes, no NUL.
bool safe_name(const std::string& name);

}  // namespace nn::zip

#pragma once
/// \file
/// # Exercise 7.2: an atomic save ★★ (20 points)
///
/// This is systems work, and it belongs in a book on models because a trained model is
/// hours of computation kept in one file: the checkpoint that `ModelCheckpoint` rewrites
/// after every epoch is exactly the file a crash in the middle of a save would destroy,
/// and with it the only copy of the best weights so far.
///
/// A save that writes straight into the target file destroys the old file the moment it
/// starts; if the program then dies, or the disk fills up, neither the old nor the new
/// version survives. Write `save_atomically(path, bytes)`, which replaces the file at
/// `path` by `bytes` so that every reader of `path`, at every moment, sees either the old
/// file whole or the new one whole:
///
/// 1. create a new temporary file *in the same folder* as `path` (a rename does not cross
///    file systems), with a name no other file has: `mkstemp` with the pattern
///    `path + ".tmp-XXXXXX"` does it and gives an open file descriptor;
/// 2. write all the bytes (`write` may write fewer than asked: loop), then `fsync` the
///    descriptor, so that the data is on the disk before the name points at it, and
///    `close` it;
/// 3. `std::rename` the temporary file over `path`: POSIX makes this one atomic step.
///
/// If any step fails, remove the temporary file, leave `path` as it was, and throw
/// `std::runtime_error` with a message that names `path` and the reason (`std::strerror`
/// of `errno`). No temporary file may be left behind, after a success or a failure.

#include <string>

namespace exercises {

/// Replaces the file at `path` by `bytes`, atomically.
void save_atomically(const std::string& path, const std::string& bytes);

}  // namespace exercises

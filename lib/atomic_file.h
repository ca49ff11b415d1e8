#pragma once
// Files that a reader keeps (figures, results, models, checkpoints) are never half written:
// the bytes go to a temporary file in the same folder, which is then renamed over the target
// in one step. If anything fails, the temporary file is removed and the previous file, if
// any, is left as it was.

#include <functional>
#include <string>

namespace nn {

/// Writes `bytes` to `path` atomically (a temporary file beside it, then rename). Throws
/// nn::Error naming the path and the reason when the file cannot be written.
void write_file_atomically(const std::string& path, const std::string& bytes);

/// The general form, for writers that need a file name (an HDF5 library, say): calls
/// `write(temporary_path)`, which must create and fill that file, then flushes it to disk and
/// renames it over `path`. If `write` throws, the temporary file is removed, `path` is left
/// as it was, and the exception goes on to the caller.
void replace_file_atomically(const std::string& path,
                             const std::function<void(const std::string&)>& write);

}  // namespace nn

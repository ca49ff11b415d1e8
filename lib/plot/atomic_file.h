#pragma once
// Files that a reader keeps are never half written: the bytes go to a temporary file in the
// same folder, which is then renamed over the target in one step. If anything fails, the
// temporary file is removed and the previous file, if any, is left as it was.

#include <string>

namespace nn::plot {

/// Writes `bytes` to `path` atomically (a temporary file beside it, then rename). Throws
/// nn::Error naming the path and the reason when the file cannot be written.
void write_file_atomically(const std::string& path, const std::string& bytes);

}  // namespace nn::plot

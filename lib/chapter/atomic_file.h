#pragma once
// Writing a file a reader keeps: into a temporary file beside the target, then renamed over
// it, so a crash or a full disk never leaves a half-written file behind.

#include <string>

namespace nn {

/// Writes `contents` to `path` atomically (temporary file in the same folder, then rename).
/// Creates missing parent folders. Throws nn::Error naming the path when it cannot.
void write_file_atomically(const std::string& path, const std::string& contents);

}  // namespace nn

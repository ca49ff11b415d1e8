#include "lib/io/zip_archive.h"

#include <zip.h>

#include <fstream>
#include <set>

#include "lib/atomic_file.h"
#include "lib/error.h"

namespace nn::zip {
namespace {

std::string libzip_error(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

// Closes a member being read.
struct FileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

struct Reader::Impl {
  zip_t* archive = nullptr;
  ~Impl() {
    if (archive != nullptr) zip_discard(archive);  // read only: nothing to write back
  }
};

bool safe_name(const std::string& name) {
  if (name.empty() || name.find('\0') != std::string::npos) return false;
  if (name[0] == '/' || name[0] == '\\') return false;
  if (name.size() >= 2 && name[1] == ':') return false;  // C:foo, a Windows drive
  std::size_t start = 0;
  while (start <= name.size()) {
    const std::size_t end = name.find_first_of("/\\", start);
    const std::string part = name.substr(start, end == std::string::npos ? end : end - start);
    if (part == "..") return false;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return true;
}

Reader::Reader(const std::string& path) : path_(path), impl_(std::make_unique<Impl>()) {
  int code = 0;
  impl_->archive = zip_open(path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
  if (impl_->archive == nullptr) {
    const std::string why = code == ZIP_ER_NOZIP    ? "not a zip archive"
                            : code == ZIP_ER_INCONS ? "a damaged or truncated zip archive"
                                                    : "cannot open it as a zip archive";
    throw DataError(path + ": " + why + " (" + libzip_error(code) + ")");
  }
  const zip_int64_t count = zip_get_num_entries(impl_->archive, 0);
  std::set<std::string> seen;
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat_index(impl_->archive, static_cast<zip_uint64_t>(i), 0, &stat) != 0 ||
        (stat.valid & (ZIP_STAT_NAME | ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) !=
            (ZIP_STAT_NAME | ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) {
      throw DataError(path + ": member " + std::to_string(i) +
                      " of the zip cannot be read: " + zip_strerror(impl_->archive));
    }
    const std::string name = stat.name;
    if (!safe_name(name)) {
      throw DataError(path + ": member name '" + name +
                      "' is unsafe (absolute, or with a '..' part); the archive is refused");
    }
    if (!seen.insert(name).second) {
      throw DataError(path + ": member '" + name + "' appears twice in the archive");
    }
    members_.push_back({name, stat.size, stat.comp_size});
  }
}

Reader::~Reader() = default;

bool Reader::has(const std::string& name) const {
  for (const Member& member : members_) {
    if (member.name == name) return true;
  }
  return false;
}

std::string Reader::read(const std::string& name, std::uint64_t limit) const {
  const std::string what = path_ + ": member " + name;
  const zip_int64_t index = zip_name_locate(impl_->archive, name.c_str(), ZIP_FL_ENC_RAW);
  if (index < 0) throw DataError(path_ + ": the archive has no member " + name);
  const Member& member = members_.at(static_cast<std::size_t>(index));
  if (member.size > limit) {
    throw DataError(what + " states " + std::to_string(member.size) +
                    " bytes uncompressed, more than the " + std::to_string(limit) +
                    " allowed (a zip bomb?)");
  }
  std::unique_ptr<zip_file_t, FileCloser> file(
      zip_fopen_index(impl_->archive, static_cast<zip_uint64_t>(index), 0));
  if (!file) throw DataError(what + " cannot be opened: " + zip_strerror(impl_->archive));
  std::string bytes;
  bytes.reserve(member.size);
  char buffer[1 << 16];
  for (;;) {
    const zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
    if (n < 0) {
      throw DataError(what + " is damaged: " + zip_file_strerror(file.get()));
    }
    if (n == 0) break;
    if (bytes.size() + static_cast<std::uint64_t>(n) > limit) {
      throw DataError(what + " yields more than the " + std::to_string(limit) +
                      " bytes allowed (a zip bomb?)");
    }
    bytes.append(buffer, static_cast<std::size_t>(n));
  }
  if (bytes.size() != member.size) {
    throw DataError(what + " yields " + std::to_string(bytes.size()) + " bytes, not the " +
                    std::to_string(member.size) + " its directory states");
  }
  return bytes;
}

void write(const std::string& path,
           const std::vector<std::pair<std::string, std::string>>& members) {
  replace_file_atomically(path, [&](const std::string& temporary) {
    int code = 0;
    zip_t* archive = zip_open(temporary.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (archive == nullptr) {
      throw Error("cannot write '" + path + "': " + libzip_error(code));
    }
    const auto fail = [&](const std::string& doing) {
      const std::string why = zip_strerror(archive);
      zip_discard(archive);
      throw Error("cannot write '" + path + "': " + doing + ": " + why);
    };
    for (const auto& [name, bytes] : members) {
      zip_source_t* source = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
      if (source == nullptr) fail("member " + name);
      const zip_int64_t index = zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8);
      if (index < 0) {
        zip_source_free(source);
        fail("member " + name);
      }
      const auto i = static_cast<zip_uint64_t>(index);
      // Stored, as Keras stores them; 1980-01-01 00:00, the zip format's first day.
      if (zip_set_file_compression(archive, i, ZIP_CM_STORE, 0) != 0 ||
          zip_file_set_mtime(archive, i, 315532800 + 12 * 3600, 0) != 0) {
        fail("member " + name);
      }
    }
    if (zip_close(archive) != 0) fail("closing the archive");
  });
}

bool looks_like_zip(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  char head[4] = {};
  if (!file.read(head, 4)) return false;
  return head[0] == 'P' && head[1] == 'K' &&
         ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
}

}  // namespace nn::zip

#include "lib/models/graphviz.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <vector>

#include "lib/error.h"

extern char** environ;

namespace nn {
namespace {

std::string escape_html(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

// The shapes a layer's calls in this graph take and give: "(None, 5), (None, 30) → (None, 35)".
std::string shapes_of(const Functional& model, const Layer& layer) {
  std::string in, out;
  for (std::size_t i = 0; i < model.nodes().size(); ++i) {
    if (model.nodes()[i].layer().get() != &layer) continue;
    std::string node_in;
    for (std::size_t j : model.inbound(i)) {
      node_in += (node_in.empty() ? "" : ", ") + model.nodes()[j].shape_string();
    }
    const std::string node_out = model.nodes()[i].shape_string();
    in = in.empty() || in == node_in ? node_in : "multiple";
    out = out.empty() || out == node_out ? node_out : "multiple";
  }
  return in.empty() ? out : in + " &#8594; " + out;
}

}  // namespace

std::string model_to_dot(const Functional& model, const PlotModelOptions& options) {
  const std::string& dir = options.rankdir;
  if (dir != "TB" && dir != "BT" && dir != "LR" && dir != "RL") {
    throw ValueError("model_to_dot: rankdir '" + dir + "' is not one of TB, BT, LR, RL");
  }
  const auto& layers = model.layers();
  const auto id = [&](const std::shared_ptr<Layer>& layer) {
    for (std::size_t k = 0; k < layers.size(); ++k) {
      if (layers[k] == layer) return "n" + std::to_string(k);
    }
    return std::string("n?");
  };
  std::ostringstream dot;
  dot << "digraph \"" << escape_html(model.name()) << "\" {\n"
      << "  graph [rankdir=" << dir << ", nodesep=0.35, ranksep=0.4, bgcolor=\"white\"];\n"
      << "  node [shape=plain, fontname=\"Helvetica,Arial,sans-serif\", fontsize=11];\n"
      << "  edge [color=\"#555555\", arrowsize=0.7, penwidth=1.1];\n";
  for (const auto& layer : layers) {
    bool is_output = false;
    for (std::size_t i : model.output_nodes()) is_output |= model.nodes()[i].layer() == layer;
    const bool is_input = layer->class_name() == "InputLayer";
    const char* fill = is_input ? "#e3f1e1" : is_output ? "#fbe7d3" : "#e4ecf7";
    const char* line = is_input ? "#5b8c5a" : is_output ? "#b8733a" : "#4a6fa5";
    std::string title = options.show_layer_names
                            ? "<b>" + escape_html(layer->name()) + "</b>: " + layer->class_name()
                            : "<b>" + layer->class_name() + "</b>";
    dot << "  " << id(layer) << " [label=<<table border=\"1\" cellborder=\"0\" cellspacing=\"0\" "
        << "cellpadding=\"4\" bgcolor=\"" << fill << "\" color=\"" << line << "\"><tr><td>" << title
        << "</td></tr>";
    if (options.show_shapes) {
      dot << "<tr><td><font point-size=\"10\">" << shapes_of(model, *layer) << "</font></td></tr>";
    }
    dot << "</table>>];\n";
  }
  for (std::size_t i = 0; i < model.nodes().size(); ++i) {
    for (std::size_t j : model.inbound(i)) {
      dot << "  " << id(model.nodes()[j].layer()) << " -> " << id(model.nodes()[i].layer())
          << ";\n";
    }
  }
  dot << "}\n";
  return dot.str();
}

std::string render_dot(const std::string& dot_source, const std::string& format) {
  for (char c : format) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == ':')) {
      throw ValueError("render_dot: '" + format + "' is not a Graphviz output format");
    }
  }
  // dot reads a file and writes one, in a private temporary folder.
  const char* tmp = std::getenv("TMPDIR");
  std::string folder = std::string(tmp != nullptr && *tmp != '\0' ? tmp : "/tmp") + "/dot.XXXXXX";
  if (mkdtemp(folder.data()) == nullptr) {
    throw Error("render_dot: cannot make a temporary folder in " + folder + ": " +
                std::strerror(errno));
  }
  const std::string in = folder + "/graph.dot", out = folder + "/graph." + format,
                    err = folder + "/dot.err";
  const auto read = [](const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(file), {});
  };
  const auto clean_up = [&] {
    for (const std::string& path : {in, out, err}) std::remove(path.c_str());
    rmdir(folder.c_str());
  };
  std::ofstream(in, std::ios::binary) << dot_source;

  std::string type = "-T" + format;
  std::vector<char*> argv = {const_cast<char*>("dot"),      type.data(),
                             const_cast<char*>("-o"),       const_cast<char*>(out.c_str()),
                             const_cast<char*>(in.c_str()), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, err.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    clean_up();
    if (spawned == ENOENT) {
      throw Error(
          "render_dot: Graphviz's `dot` program is not on the PATH; install Debian's "
          "graphviz package (sudo apt-get install graphviz; tools/install-deps.sh "
          "installs it)");
    }
    throw Error(std::string("render_dot: cannot run dot: ") + std::strerror(spawned));
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const std::string message = read(err);
    clean_up();
    throw Error("render_dot: dot -T" + format + " failed: " + message);
  }
  std::string result = read(out);
  clean_up();
  return result;
}

std::string model_to_dot(const Model& model, const PlotModelOptions& options) {
  if (const Functional* graph = model.graph()) return model_to_dot(*graph, options);
  throw ValueError("model_to_dot: model " + model.name() +
                   " is not a graph of layers (a subclassed model's architecture is the code "
                   "of its call()); build it with the functional API to draw it");
}

}  // namespace nn

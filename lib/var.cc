#include "lib/var.h"

#include <algorithm>
#include <unordered_set>

#include "lib/error.h"
#include "lib/gemm.h"
#include "lib/text.h"

namespace nn {
namespace {

// Per-thread state: trials may train in parallel threads, each with its own tape.
thread_local std::uint64_t next_sequence = 0;
thread_local bool grad_mode = true;

std::shared_ptr<Node> new_node(Tensor value, std::string op) {
  auto node = std::make_shared<Node>();
  node->value = std::move(value);
  node->op = std::move(op);
  node->sequence = next_sequence++;
  return node;
}

}  // namespace

Var::Var(Tensor value, bool requires_grad) : node_(new_node(std::move(value), "leaf")) {
  node_->requires_grad = requires_grad;
}

Var Var::from_op(Tensor value, const std::vector<Var>& parents, std::string op,
                 BackwardFn backward) {
  auto node = new_node(std::move(value), std::move(op));
  bool needs_grad = false;
  for (const Var& parent : parents) {
    node->parents.push_back(parent.node_);  // kept even without grad: losses look back
    needs_grad = needs_grad || parent.requires_grad();
  }
  node->requires_grad = grad_mode && needs_grad;
  if (node->requires_grad) node->backward = std::move(backward);
  return Var(std::move(node));
}

const Tensor& Var::grad() const {
  if (!node_->has_grad && node_->grad.shape() != node_->value.shape()) {
    node_->grad = xt::zeros<float>(node_->value.shape());
  } else if (!node_->has_grad) {
    node_->grad.fill(0.0f);
  }
  return node_->grad;
}

Var Var::parent(std::size_t i) const {
  if (i >= node_->parents.size()) {
    throw Error("Var::parent: op '" + node_->op + "' has " +
                count_of(node_->parents.size(), "input") + ", asked for " + std::to_string(i));
  }
  return Var(node_->parents[i]);
}

float Var::item() const {
  if (node_->value.size() != 1) {
    throw ShapeError("Var::item: needs a (1, 1) value, got " + shape_string(node_->value));
  }
  return node_->value(0, 0);
}

Tensor& Var::grad_accumulator() const {
  if (!node_->has_grad) {
    if (node_->grad.shape() != node_->value.shape()) {
      node_->grad = xt::zeros<float>(node_->value.shape());
    } else {
      node_->grad.fill(0.0f);
    }
    node_->has_grad = true;
  }
  return node_->grad;
}

Tensor& Var::grad_to_write(bool& add) const {
  add = node_->has_grad;
  if (!add && node_->grad.shape() != node_->value.shape()) {
    node_->grad = Tensor::from_shape(node_->value.shape());
  }
  node_->has_grad = true;
  return node_->grad;
}

void Var::accumulate_product(const Tensor& A, const Tensor& B, bool trans_a, bool trans_b) const {
  if (node_->sink != nullptr) return node_->sink->add_product(*node_, A, B, trans_a, trans_b);
  bool add = false;  // otherwise overwrite: beta = 0, nothing to zero first
  Tensor& grad = grad_to_write(add);
  gemm(A, B, grad, trans_a, trans_b, 1.0f, add ? 1.0f : 0.0f);  // grad (+)= op(A)·op(B)
}

void Var::accumulate_row_sum(const Tensor& dy) const {
  if (node_->sink != nullptr) return node_->sink->add_row_sum(*node_, dy);
  Tensor& grad = grad_accumulator();  // (1, n)
  for (std::size_t r = 0; r < dy.shape()[0]; ++r) {
    for (std::size_t c = 0; c < dy.shape()[1]; ++c) grad(0, c) += dy(r, c);  // grad += Σ_rows dy
  }
}

// book:begin backward
void Var::backward() const {
  if (node_->value.shape() != std::array<std::size_t, 2>{1, 1}) {
    throw ShapeError("backward: the loss must be a (1, 1) scalar, got " +
                     shape_string(node_->value));
  }
  if (!node_->requires_grad) {
    throw Error(
        "backward: the loss depends on nothing that needs a gradient (made under a "
        "NoGradGuard, or from leaves without requires_grad)");
  }
  // Every node the gradient can reach, found by depth-first search. Ops start from no
  // gradient; leaves keep theirs, so calls add up there (as in PyTorch).
  std::vector<Node*> nodes;
  std::unordered_set<Node*> seen{node_.get()};
  std::vector<Node*> stack{node_.get()};
  while (!stack.empty()) {
    Node* node = stack.back();
    stack.pop_back();
    nodes.push_back(node);
    if (node->backward) node->has_grad = false;
    for (const auto& parent : node->parents) {
      if (parent->requires_grad && seen.insert(parent.get()).second) stack.push_back(parent.get());
    }
  }
  // ∂loss/∂loss = 1.
  node_->grad = xt::ones<float>({1, 1});
  node_->has_grad = true;
  // Newest first: a node is made after its inputs, so all its users have run before it.
  std::sort(nodes.begin(), nodes.end(),
            [](const Node* a, const Node* b) { return a->sequence > b->sequence; });
  for (Node* node : nodes) {
    if (node->backward && node->has_grad) node->backward(node->value, node->grad);
  }
}
// book:end backward

NoGradGuard::NoGradGuard() : previous_(grad_mode) { grad_mode = false; }
NoGradGuard::~NoGradGuard() { grad_mode = previous_; }
bool grad_enabled() { return grad_mode; }

Var add(const Var& a, const Var& b) {
  if (a.value().shape() != b.value().shape()) {
    throw ShapeError("add: shapes differ: " + shape_string(a.value()) + " and " +
                     shape_string(b.value()));
  }
  Tensor y = a.value() + b.value();
  return Var::from_op(std::move(y), {a, b}, "add", [a, b](const Tensor&, const Tensor& dy) {
    if (a.requires_grad()) a.accumulate_grad(dy);  // da += dy
    if (b.requires_grad()) b.accumulate_grad(dy);  // db += dy
  });
}

Var operator+(const Var& a, const Var& b) { return add(a, b); }

Var scale(const Var& a, float k) {
  Tensor y = k * a.value();
  return Var::from_op(std::move(y), {a}, "scale", [a, k](const Tensor&, const Tensor& dy) {
    a.accumulate_grad(k * dy);  // da += k·dy
  });
}

Var operator*(float k, const Var& a) { return scale(a, k); }

Var concat(const std::vector<Var>& parts) {
  if (parts.empty()) throw ShapeError("concat: no parts");
  const std::size_t rows = parts[0].rows();
  std::size_t cols = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (parts[i].rows() != rows) {
      throw ShapeError("concat: part " + std::to_string(i) + " is " +
                       shape_string(parts[i].value()) + " but part 0 is " +
                       shape_string(parts[0].value()) + " (the batch sizes must agree)");
    }
    cols += parts[i].cols();
  }
  // y = [x0 | x1 | ...]: (rows, cols)
  Tensor y = Tensor::from_shape({rows, cols});
  std::size_t offset = 0;
  for (const Var& part : parts) {
    const Tensor& x = part.value();
    for (std::size_t r = 0; r < rows && x.shape()[1] > 0; ++r) {
      std::copy_n(&x(r, 0), x.shape()[1], &y(r, offset));
    }
    offset += x.shape()[1];
  }
  return Var::from_op(std::move(y), parts, "concat", [parts](const Tensor&, const Tensor& dy) {
    std::size_t offset = 0;
    for (const Var& part : parts) {
      const std::size_t width = part.cols();
      if (part.requires_grad()) {
        Tensor& dx = part.grad_accumulator();  // dx += dy[:, offset : offset + width]
        for (std::size_t r = 0; r < dx.shape()[0]; ++r) {
          for (std::size_t c = 0; c < width; ++c) dx(r, c) += dy(r, offset + c);
        }
      }
      offset += width;
    }
  });
}

}  // namespace nn

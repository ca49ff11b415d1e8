// Mistake: takes the mean of y as the bias, forgetting to subtract w · mean of x.
#include "exercises/03_regression_mlp/normal_equations.h"

#include <cmath>
#include <string>

namespace exercises {

Matrix cholesky(const Matrix& A) {
  const std::size_t k = A.size();
  for (const std::vector<double>& row : A) {
    if (row.size() != k) {
      throw nn::ShapeError("cholesky: A has " + std::to_string(k) + " rows but a row of " +
                           std::to_string(row.size()) + " entries");
    }
  }
  Matrix L(k, std::vector<double>(k, 0.0));
  for (std::size_t j = 0; j < k; ++j) {
    double pivot = A[j][j];
    for (std::size_t m = 0; m < j; ++m) pivot -= L[j][m] * L[j][m];
    if (!(pivot > 1e-12 * A[j][j])) {
      throw nn::ValueError("cholesky: A is not positive definite: the pivot of column " +
                           std::to_string(j) + " is " + std::to_string(pivot) +
                           " (a combination of the earlier columns?)");
    }
    L[j][j] = std::sqrt(pivot);
    for (std::size_t i = j + 1; i < k; ++i) {
      double sum = A[i][j];
      for (std::size_t m = 0; m < j; ++m) sum -= L[i][m] * L[j][m];
      L[i][j] = sum / L[j][j];
    }
  }
  return L;
}

LinearFit fit_normal_equations(const nn::Tensor& x, const nn::Tensor& y) {
  const std::size_t n = x.shape(0), k = x.shape(1);
  if (y.shape(0) != n || y.shape(1) != 1) {
    throw nn::ShapeError("fit_normal_equations: x " + nn::shape_string(x) + " and y " +
                         nn::shape_string(y) + ": y must be (" + std::to_string(n) + ", 1)");
  }
  if (n == 0) throw nn::ValueError("fit_normal_equations: no rows");
  // The column means, in double.
  std::vector<double> x_mean(k, 0.0);
  double y_mean = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < k; ++j) x_mean[j] += x(i, j);
    y_mean += y(i, 0);
  }
  for (double& m : x_mean) m /= static_cast<double>(n);
  y_mean /= static_cast<double>(n);
  // A = XᵀX and c = Xᵀy on the centred data.
  Matrix A(k, std::vector<double>(k, 0.0));
  std::vector<double> c(k, 0.0);
  std::vector<double> row(k);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < k; ++j) row[j] = x(i, j) - x_mean[j];
    const double t = y(i, 0) - y_mean;
    for (std::size_t a = 0; a < k; ++a) {
      c[a] += row[a] * t;
      for (std::size_t b = 0; b < k; ++b) A[a][b] += row[a] * row[b];
    }
  }
  const Matrix L = cholesky(A);
  std::vector<double> u(k), w(k);
  for (std::size_t i = 0; i < k; ++i) {  // L u = c, top down
    double sum = c[i];
    for (std::size_t m = 0; m < i; ++m) sum -= L[i][m] * u[m];
    u[i] = sum / L[i][i];
  }
  for (std::size_t i = k; i-- > 0;) {  // Lᵀ w = u, bottom up
    double sum = u[i];
    for (std::size_t m = i + 1; m < k; ++m) sum -= L[m][i] * w[m];
    w[i] = sum / L[i][i];
  }
  double b = y_mean;

  return {w, b};
}

}  // namespace exercises

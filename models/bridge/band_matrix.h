// Symmetric band matrices: the girder's K and M in the time loop.
//
// A girder's DOFs follow x, so K and M couple a DOF only with DOFs of the
// neighbouring nodes: A(i, j) = 0 for |i - j| > b (b = 3 for the bending
// DOFs w, theta). Stored by full band rows, a product costs n (2b + 1)
// multiplications, and the factor A = L D L^T (L unit lower) keeps the band:
//   L(i, j) = (A(i, j) - sum_{k = max(0, i - b)}^{j - 1} L(i, k) D(k) L(j, k)) / D(j),
//   D(i)    = A(i, i) - sum_k L(i, k)^2 D(k),
// A solve is a forward sweep (L z = r), a scaling (y = z / D) and a backward
// sweep (L^T x = y) of n b each, on rows kept contiguous for both sweeps; the
// unit diagonal keeps the sweeps' serial chain to one multiply-subtract per row.
#pragma once

#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <vector>

namespace lifeline::bridge {

class SymmetricBandMatrix {
 public:
  // A symmetric sparse matrix; b is its widest entry.
  explicit SymmetricBandMatrix(const Eigen::SparseMatrix<double>& matrix);

  int size() const { return size_; }
  int half_bandwidth() const { return half_bandwidth_; }
  // A(i, j), zero outside the band.
  double at(int i, int j) const;
  // y += A x
  void MultiplyAdd(const Eigen::VectorXd& x, Eigen::VectorXd& y) const;

 private:
  int size_ = 0;
  int half_bandwidth_ = 0;
  std::vector<double> rows_;  // row i: A(i, i - b) .. A(i, i + b), zero outside the matrix
};

// A = L D L^T of a symmetric positive-definite band matrix.
class BandCholesky {
 public:
  // A matrix that is not positive definite is an Error.
  explicit BandCholesky(const SymmetricBandMatrix& matrix);
  // Overwrites rhs with A^-1 rhs.
  void SolveInPlace(Eigen::VectorXd& rhs) const;

 private:
  int size_ = 0;
  int half_bandwidth_ = 0;
  std::vector<double> lower_;             // row i: L(i, i - b) .. L(i, i - 1)
  std::vector<double> upper_;             // row i: L(i + 1, i) .. L(i + b, i)
  std::vector<double> inverse_diagonal_;  // 1 / D(i)
};

}  // namespace lifeline::bridge

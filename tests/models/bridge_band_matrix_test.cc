// Tests for models/bridge/band_matrix: products and solves against dense Eigen.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <Eigen/SparseCore>
#include <random>
#include <vector>

#include "engine/error.h"
#include "models/bridge/band_matrix.h"

namespace lifeline::bridge {
namespace {

// A symmetric, diagonally dominant (so positive-definite) band matrix.
Eigen::SparseMatrix<double> RandomBand(int n, int b, unsigned seed) {
  std::mt19937 generator(seed);
  std::uniform_real_distribution<double> value(-1.0, 1.0);
  std::vector<Eigen::Triplet<double>> entries;
  for (int i = 0; i < n; ++i) {
    entries.emplace_back(i, i, 4.0 * b + 1.0);
    for (int j = std::max(0, i - b); j < i; ++j) {
      const double v = value(generator);
      entries.emplace_back(i, j, v);
      entries.emplace_back(j, i, v);
    }
  }
  Eigen::SparseMatrix<double> matrix(n, n);
  matrix.setFromTriplets(entries.begin(), entries.end());
  return matrix;
}

class BandMatrix : public ::testing::TestWithParam<int> {};

TEST_P(BandMatrix, MatchesDenseProductAndSolve) {
  const int n = 40;
  const int b = GetParam();
  const Eigen::SparseMatrix<double> sparse = RandomBand(n, b, 7u + static_cast<unsigned>(b));
  const Eigen::MatrixXd dense(sparse);
  const SymmetricBandMatrix band(sparse);
  EXPECT_EQ(band.half_bandwidth(), b);
  const Eigen::VectorXd x = Eigen::VectorXd::LinSpaced(n, -1.0, 2.0);

  Eigen::VectorXd product = Eigen::VectorXd::Ones(n);
  band.MultiplyAdd(x, product);
  EXPECT_LT((product - (dense * x + Eigen::VectorXd::Ones(n))).norm(), 1e-12 * product.norm());

  Eigen::VectorXd solution = x;
  BandCholesky(band).SolveInPlace(solution);
  EXPECT_LT((solution - dense.llt().solve(x)).norm(), 1e-12 * solution.norm());
}

// b = 3 is the girder's band (compiled with its width fixed); the others take the general path.
INSTANTIATE_TEST_SUITE_P(HalfBandwidths, BandMatrix, ::testing::Values(1, 2, 3, 5));

TEST(BandMatrixFactor, RefusesAnIndefiniteMatrix) {
  Eigen::SparseMatrix<double> matrix = RandomBand(6, 1, 3u);
  matrix.coeffRef(4, 4) = -1.0;
  EXPECT_THROW(BandCholesky{SymmetricBandMatrix(matrix)}, Error);
}

}  // namespace
}  // namespace lifeline::bridge

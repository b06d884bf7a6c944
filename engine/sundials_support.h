// What the KINSOL and IDA adapters share: RAII ownership of SUNDIALS objects,
// flag checking that names the call, the copy of an Eigen Jacobian into a
// SUNDIALS sparse matrix (telling when its pattern changed, so KLU re-analyses),
// and the capture of C++ exceptions thrown inside C callbacks.
//
// Internal to engine/: steady_solver.cc, dae_solver.cc and this file are the
// only files that include SUNDIALS headers.
#pragma once

#include <nvector/nvector_serial.h>
#include <sundials/sundials_context.h>
#include <sundials/sundials_linearsolver.h>
#include <sundials/sundials_matrix.h>

#include <exception>
#include <memory>
#include <span>
#include <string>
#include <type_traits>

#include "engine/error.h"
#include "engine/sparse.h"

namespace lifeline::sundials {

static_assert(std::is_same_v<sunindextype, std::int64_t>,
              "the bridge expects SUNDIALS built with 64-bit indices, as Debian ships it");

struct ContextDeleter {
  void operator()(SUNContext context) const;
};
struct VectorDeleter {
  void operator()(N_Vector vector) const;
};
struct MatrixDeleter {
  void operator()(SUNMatrix matrix) const;
};
struct LinearSolverDeleter {
  void operator()(SUNLinearSolver solver) const;
};
using ContextPtr = std::unique_ptr<std::remove_pointer_t<SUNContext>, ContextDeleter>;
using VectorPtr = std::unique_ptr<std::remove_pointer_t<N_Vector>, VectorDeleter>;
using MatrixPtr = std::unique_ptr<std::remove_pointer_t<SUNMatrix>, MatrixDeleter>;
using LinearSolverPtr = std::unique_ptr<std::remove_pointer_t<SUNLinearSolver>, LinearSolverDeleter>;

ContextPtr MakeContext();
VectorPtr MakeVector(int size, SUNContext context);
std::span<double> Values(N_Vector vector);
std::span<const double> ConstValues(N_Vector vector);

// Throws an Error "<call> failed: <flag name> (<flag>)" for a negative flag.
void Check(int flag, const char* call, const char* flag_name = nullptr);

// The text of a SUNDIALS flag-name string, which the caller must free.
std::string TakeFlagName(char* name);

// Copies a compressed Eigen matrix into a CSC SUNSparseMatrix, reallocating
// when it has more non-zeros. Returns true when the pattern differs from what
// the SUNSparseMatrix held before (the factorisation must be re-analysed).
bool CopyToSundials(const SparseMatrix& source, SUNMatrix target);

// Holds the first exception a callback threw until the SUNDIALS call returns.
class CallbackGuard {
 public:
  // Runs body; on an exception stores it and returns -1 (unrecoverable for SUNDIALS).
  template <typename Body>
  int Run(Body&& body) noexcept {
    try {
      return body();
    } catch (...) {
      if (!pending_) pending_ = std::current_exception();
      return -1;
    }
  }
  // Rethrows the stored exception, if any.
  void RethrowPending();

 private:
  std::exception_ptr pending_;
};

// Collects SUNDIALS' own error text for the next Error message.
struct ErrorText {
  std::string last;
};
void RecordErrorText(const char* module, const char* function, const char* message, void* text);

}  // namespace lifeline::sundials

// KINSOL adapter: SolveSteady (see steady_solver.h).
//
// Newton's method x <- x - J(x)^-1 F(x) with KINSOL's line search; the
// Jacobian is rebuilt every iteration (msbset = 1, exact Newton) and factored
// by KLU, which keeps its symbolic analysis while the pattern is unchanged.
#include "engine/steady_solver.h"

#include <fmt/format.h>
#include <kinsol/kinsol.h>
#include <sunlinsol/sunlinsol_klu.h>
#include <sunmatrix/sunmatrix_sparse.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/sundials_support.h"

namespace lifeline {
namespace {

struct KinsolMemoryDeleter {
  void operator()(void* memory) const { KINFree(&memory); }
};

// What the C callbacks reach through user_data.
struct SteadyCallbackData {
  const SteadyProblem* problem = nullptr;
  SparseMatrix jacobian;
  SUNLinearSolver linear_solver = nullptr;
  sundials::CallbackGuard guard;
};

int KinsolResidual(N_Vector x, N_Vector residual, void* user_data) {
  auto* data = static_cast<SteadyCallbackData*>(user_data);
  return data->guard.Run([&] {
    const std::span<double> r = sundials::Values(residual);
    if (!data->problem->Residual(sundials::ConstValues(x), r)) return 1;
    return std::all_of(r.begin(), r.end(), [](double v) { return std::isfinite(v); }) ? 0 : 1;
  });
}

int KinsolJacobian(N_Vector x, N_Vector, SUNMatrix jacobian, void* user_data, N_Vector, N_Vector) {
  auto* data = static_cast<SteadyCallbackData*>(user_data);
  return data->guard.Run([&] {
    data->problem->Jacobian(sundials::ConstValues(x), data->jacobian);
    if (sundials::CopyToSundials(data->jacobian, jacobian)) {
      sundials::Check(SUNLinSol_KLUReInit(data->linear_solver, jacobian, data->jacobian.nonZeros(),
                                          SUNKLU_REINIT_PARTIAL),
                      "SUNLinSol_KLUReInit");
    }
    return 0;
  });
}

// The equation with the largest |F_i| at x, for error messages.
Error WorstEquationError(const SteadyProblem& problem, std::span<const double> x,
                         const std::string& what, double time_s) {
  std::vector<double> r(x.size(), 0.0);
  const bool evaluated = problem.Residual(x, r);
  int worst = 0;
  for (int i = 1; i < static_cast<int>(r.size()); ++i) {
    const double candidate = std::isfinite(r[i]) ? std::abs(r[i]) : HUGE_VAL;
    const double current = std::isfinite(r[worst]) ? std::abs(r[worst]) : HUGE_VAL;
    if (candidate > current) worst = i;
  }
  const ElementRef element = problem.EquationElement(worst);
  const std::string residual_text =
      evaluated ? fmt::format("largest residual {:.3e} in equation {} of this element", r[worst], worst)
                : "the residual could not be evaluated at the last iterate";
  return Error::AtElement(element.system, element.id, fmt::format("{}; {}", what, residual_text))
      .AtTime(time_s);
}

}  // namespace

SteadyReport SolveSteady(const SteadyProblem& problem, std::span<double> x,
                         const SteadyOptions& options) {
  const int n = problem.size();
  if (static_cast<int>(x.size()) != n) {
    throw Error(fmt::format("SolveSteady: initial guess has {} entries for {} unknowns", x.size(), n));
  }
  SteadyReport report;
  if (n == 0) return report;

  sundials::ContextPtr context = sundials::MakeContext();
  sundials::VectorPtr u = sundials::MakeVector(n, context.get());
  sundials::VectorPtr scale = sundials::MakeVector(n, context.get());
  N_VConst(1.0, scale.get());
  std::copy(x.begin(), x.end(), sundials::Values(u.get()).begin());

  const auto estimated_nnz = static_cast<sunindextype>(std::max(5 * n, 1));
  sundials::MatrixPtr matrix(SUNSparseMatrix(n, n, estimated_nnz, CSC_MAT, context.get()));
  if (!matrix) throw Error("SUNSparseMatrix failed");
  sundials::LinearSolverPtr linear_solver(SUNLinSol_KLU(u.get(), matrix.get(), context.get()));
  if (!linear_solver) throw Error("SUNLinSol_KLU failed");

  std::unique_ptr<void, KinsolMemoryDeleter> kinsol(KINCreate(context.get()));
  if (!kinsol) throw Error("KINCreate failed");
  void* mem = kinsol.get();
  sundials::ErrorText error_text;
  SteadyCallbackData data;
  data.problem = &problem;
  data.linear_solver = linear_solver.get();

  auto handler = [](int, const char* module, const char* function, char* message, void* text) {
    sundials::RecordErrorText(module, function, message, text);
  };
  sundials::Check(KINInit(mem, KinsolResidual, u.get()), "KINInit");
  sundials::Check(KINSetErrHandlerFn(mem, handler, &error_text), "KINSetErrHandlerFn");
  sundials::Check(KINSetUserData(mem, &data), "KINSetUserData");
  sundials::Check(KINSetLinearSolver(mem, linear_solver.get(), matrix.get()), "KINSetLinearSolver");
  sundials::Check(KINSetJacFn(mem, KinsolJacobian), "KINSetJacFn");
  sundials::Check(KINSetFuncNormTol(mem, options.residual_tolerance), "KINSetFuncNormTol");
  sundials::Check(KINSetScaledStepTol(mem, options.step_tolerance), "KINSetScaledStepTol");
  sundials::Check(KINSetNumMaxIters(mem, options.max_iterations), "KINSetNumMaxIters");
  sundials::Check(KINSetMaxSetupCalls(mem, 1), "KINSetMaxSetupCalls");

  const int flag = KINSol(mem, u.get(), options.line_search ? KIN_LINESEARCH : KIN_NONE,
                          scale.get(), scale.get());
  data.guard.RethrowPending();
  std::copy_n(sundials::ConstValues(u.get()).begin(), n, x.begin());
  KINGetNumNonlinSolvIters(mem, &report.iterations);

  // Converged means: KINSOL says so and the residual really is below the tolerance
  // (KIN_STEP_LT_STPTOL alone can mean a stalled iteration).
  std::vector<double> r(n, 0.0);
  const bool evaluated = problem.Residual(x, r);
  report.residual_norm = 0.0;
  for (double value : r) report.residual_norm = std::max(report.residual_norm, std::abs(value));
  const bool converged = flag >= 0 && evaluated && report.residual_norm <= options.residual_tolerance;
  if (!converged) {
    const std::string flag_name = sundials::TakeFlagName(KINGetReturnFlagName(flag));
    std::string what = fmt::format("KINSol did not converge ({}, {} iterations)", flag_name,
                                   report.iterations);
    if (flag < 0 && !error_text.last.empty()) what += ": " + error_text.last;
    throw WorstEquationError(problem, x, what, options.time_s);
  }
  return report;
}

}  // namespace lifeline

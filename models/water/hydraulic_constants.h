// EPANET's numerical constants of the gradient method, converted to SI.
//
// EPANET works in ft and cfs; its tolerances and limiting coefficients are
// stated there. Reproducing its answers (and its status decisions) needs the
// same values, so they are converted here once, exactly:
//   head      1 ft = 0.3048 m
//   flow      1 cfs = 0.3048^3 m3/s
//   gradient  1 ft/cfs = 0.3048 / 0.3048^3 s/m2 (head loss per flow)
#pragma once

namespace lifeline::water {

inline constexpr double kFoot_m = 0.3048;
inline constexpr double kCfs_m3_per_s = kFoot_m * kFoot_m * kFoot_m;
inline constexpr double kFtPerCfs_s_per_m2 = kFoot_m / kCfs_m3_per_s;

// Status decisions: head (Htol) and flow (Qtol) tolerances.
inline constexpr double kHeadTolerance_m = 0.0005 * kFoot_m;
inline constexpr double kFlowTolerance_m3_per_s = 0.0001 * kCfs_m3_per_s;
// Flow given to a closed link at the start (QZERO).
inline constexpr double kZeroFlow_m3_per_s = 1e-6 * kCfs_m3_per_s;
// Head loss gradients: the smallest allowed for friction (RQtol), and the
// huge/tiny gradients of closed and fully open links (CBIG, CSMALL).
inline constexpr double kMinGradient_s_per_m2 = 1e-7 * kFtPerCfs_s_per_m2;
inline constexpr double kBigGradient_s_per_m2 = 1e8 * kFtPerCfs_s_per_m2;
inline constexpr double kSmallGradient_s_per_m2 = 1e-6 * kFtPerCfs_s_per_m2;
// CBIG as a conductance (1e8 cfs/ft): the diagonal term that pins a head.
inline constexpr double kBigConductance_m2_per_s = 1e8 / kFtPerCfs_s_per_m2;
// Floors of GPV curves (TINY): flow and gradient.
inline constexpr double kTinyFlow_m3_per_s = 1e-6 * kCfs_m3_per_s;
inline constexpr double kTinyGradient_s_per_m2 = 1e-6 * kFtPerCfs_s_per_m2;
// Initial velocity of open pipes and valves (1 ft/s).
inline constexpr double kInitialVelocity_m_per_s = 1.0 * kFoot_m;

}  // namespace lifeline::water

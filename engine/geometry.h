// Points in the city frame: x east, y north, z up, all in metres.
// Buried assets have z below the ground surface (negative in a local datum
// whose zero is the street level).
#pragma once

#include <cmath>

namespace lifeline {

struct Point3 {
  double x_m = 0.0;  // east
  double y_m = 0.0;  // north
  double z_m = 0.0;  // up
};

// How a distance between two points is measured.
enum class DistanceMetric {
  kPlan,   // horizontal distance only (hazard radii on a map)
  kSpace,  // full 3D distance
};

inline double Distance_m(const Point3& a, const Point3& b, DistanceMetric metric) {
  const double dx = a.x_m - b.x_m, dy = a.y_m - b.y_m;
  const double dz = metric == DistanceMetric::kSpace ? a.z_m - b.z_m : 0.0;
  return std::sqrt(dx * dx + dy * dy + dz * dz);
}

// Distance from point p to the straight segment a-b.
inline double DistanceToSegment_m(const Point3& p, const Point3& a, const Point3& b,
                                  DistanceMetric metric) {
  const double abx = b.x_m - a.x_m, aby = b.y_m - a.y_m;
  const double abz = metric == DistanceMetric::kSpace ? b.z_m - a.z_m : 0.0;
  const double apx = p.x_m - a.x_m, apy = p.y_m - a.y_m;
  const double apz = metric == DistanceMetric::kSpace ? p.z_m - a.z_m : 0.0;
  const double length2 = abx * abx + aby * aby + abz * abz;
  double s = length2 > 0.0 ? (apx * abx + apy * aby + apz * abz) / length2 : 0.0;
  s = s < 0.0 ? 0.0 : (s > 1.0 ? 1.0 : s);
  const Point3 closest{a.x_m + s * (b.x_m - a.x_m), a.y_m + s * (b.y_m - a.y_m),
                       a.z_m + s * (b.z_m - a.z_m)};
  return Distance_m(p, closest, metric);
}

}  // namespace lifeline

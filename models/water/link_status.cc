// Link status rules (see link_status.h).
#include "models/water/link_status.h"

#include <cmath>

#include "models/water/hydraulic_constants.h"

namespace lifeline::water {

LinkState CheckValveStatus(LinkState current, double dh, double q) {
  if (std::abs(dh) > kHeadTolerance_m) {
    if (dh < -kHeadTolerance_m) return LinkState::kClosed;
    if (q < -kFlowTolerance_m3_per_s) return LinkState::kClosed;
    return LinkState::kOpen;
  }
  if (q < -kFlowTolerance_m3_per_s) return LinkState::kClosed;
  return current;
}

LinkState PumpStatus(double head_gain_m, double max_head_m, bool constant_power, double flow) {
  if (constant_power && flow < kTinyFlow_m3_per_s) return LinkState::kTempClosed;
  return head_gain_m > max_head_m + kHeadTolerance_m ? LinkState::kClosedForHead : LinkState::kOpen;
}

LinkState PrvStatus(LinkState s, double hset, double h1, double h2, double q, double minor_resistance) {
  const double htol = kHeadTolerance_m;
  const double hml = minor_resistance * q * q;  // head loss when fully open
  switch (s) {
    case LinkState::kActive:
      if (q < -kFlowTolerance_m3_per_s) return LinkState::kClosed;
      if (h1 - hml < hset - htol) return LinkState::kOpen;
      return LinkState::kActive;
    case LinkState::kOpen:
      if (q < -kFlowTolerance_m3_per_s) return LinkState::kClosed;
      if (h2 >= hset + htol) return LinkState::kActive;
      return LinkState::kOpen;
    case LinkState::kClosed:
      if (h1 >= hset + htol && h2 < hset - htol) return LinkState::kActive;
      if (h1 < hset - htol && h1 > h2 + htol) return LinkState::kOpen;
      return LinkState::kClosed;
    case LinkState::kPressureOpen:
      if (q < -kFlowTolerance_m3_per_s) return LinkState::kClosed;
      return s;
    default: return s;
  }
}

LinkState PsvStatus(LinkState s, double hset, double h1, double h2, double q, double minor_resistance) {
  const double htol = kHeadTolerance_m;
  const double hml = minor_resistance * q * q;
  switch (s) {
    case LinkState::kActive:
      if (q < -kFlowTolerance_m3_per_s) return LinkState::kClosed;
      if (h2 + hml > hset + htol) return LinkState::kOpen;
      return LinkState::kActive;
    case LinkState::kOpen:
      if (q < -kFlowTolerance_m3_per_s) return LinkState::kClosed;
      if (h1 < hset - htol) return LinkState::kActive;
      return LinkState::kOpen;
    case LinkState::kClosed:
      if (h2 > hset + htol && h1 > h2 + htol) return LinkState::kOpen;
      if (h1 >= hset + htol && h1 > h2 + htol) return LinkState::kActive;
      return LinkState::kClosed;
    case LinkState::kPressureOpen:
      if (q < -kFlowTolerance_m3_per_s) return LinkState::kClosed;
      return s;
    default: return s;
  }
}

LinkState FcvStatus(LinkState s, double h1, double h2, double q, double setting) {
  if (h1 - h2 < -kHeadTolerance_m) return LinkState::kFcvOpen;
  if (q < -kFlowTolerance_m3_per_s) return LinkState::kFcvOpen;
  if (s == LinkState::kFcvOpen && q >= setting) return LinkState::kActive;
  return s;
}

}  // namespace lifeline::water

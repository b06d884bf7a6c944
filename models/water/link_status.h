// Link status rules of the gradient method, as EPANET 2.3 applies them (hydstatus.c).
//
// Between iterations the solver revisits the status of links whose law is
// piecewise: check valves close on reverse flow, pumps close when asked for
// more head than their shutoff head, PRVs/PSVs switch between active
// (holding their pressure), open and closed, and FCVs give up their flow
// setting when the head across them reverses. All comparisons use EPANET's
// head and flow tolerances (hydraulic_constants.h), so that the same
// decisions are taken at the same iterations.
#pragma once

namespace lifeline::water {

// In EPANET's order: every state up to kClosed is closed.
enum class LinkState {
  kClosedForHead,  // XHEAD: pump cannot deliver the head asked of it
  kTempClosed,     // TEMPCLOSED: link to a full or empty tank
  kClosed,
  kOpen,
  kActive,         // a valve regulating to its setting
  kFcvOpen,        // XFCV: FCV that cannot hold its flow, fully open
  kPressureOpen,   // XPRESSURE: PRV/PSV that cannot hold its pressure, fully open
};

inline bool IsClosed(LinkState state) { return state <= LinkState::kClosed; }

// Check valve pipe: head loss dh = H_from - H_to (m), flow Q (m3/s).
LinkState CheckValveStatus(LinkState current, double head_loss_m, double flow_m3_per_s);

// An open pump delivering head_gain_m against a shutoff head of max_head_m
// (speed-adjusted). A constant-power pump whose flow has dropped below
// EPANET's TINY (1e-6 cfs) is closed for the trial (EPANET 2.3).
LinkState PumpStatus(double head_gain_m, double max_head_m, bool constant_power, double flow_m3_per_s);

// PRV / PSV with head setting hset (elevation + pressure setting), end heads
// h1 (upstream) and h2, flow Q and the minor loss resistance m (m Q^2 when open).
LinkState PrvStatus(LinkState current, double hset_m, double h1_m, double h2_m, double flow_m3_per_s,
                    double minor_resistance_s2_per_m5);
LinkState PsvStatus(LinkState current, double hset_m, double h1_m, double h2_m, double flow_m3_per_s,
                    double minor_resistance_s2_per_m5);

// FCV with flow setting; current is the status before this check.
LinkState FcvStatus(LinkState current, double h1_m, double h2_m, double flow_m3_per_s, double setting_m3_per_s);

}  // namespace lifeline::water

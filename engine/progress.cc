// Terminal progress bar (see progress.h).
#include "engine/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>

namespace lifeline {

ProgressBar::ProgressBar(std::string label, double start_s, double end_s, bool enabled)
    : label_(std::move(label)), start_s_(start_s), end_s_(end_s),
      active_(enabled && isatty(STDERR_FILENO) == 1 && end_s > start_s) {}

ProgressBar::~ProgressBar() { Finish(); }

void ProgressBar::Update(double time_s) {
  if (!active_) return;
  const double fraction = std::clamp((time_s - start_s_) / (end_s_ - start_s_), 0.0, 1.0);
  const int percent = static_cast<int>(fraction * 100.0);
  if (percent == shown_percent_) return;
  shown_percent_ = percent;
  constexpr int kWidth = 40;
  const int filled = percent * kWidth / 100;
  fmt::print(stderr, "\r{} [{}{}] {:3d}%", label_, std::string(static_cast<size_t>(filled), '#'),
             std::string(static_cast<size_t>(kWidth - filled), ' '), percent);
  std::fflush(stderr);
}

void ProgressBar::Finish() {
  if (!active_) return;
  Update(end_s_);
  fmt::print(stderr, "\n");
  active_ = false;
}

}  // namespace lifeline

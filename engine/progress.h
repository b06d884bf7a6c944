// A one-line progress bar on stderr for long runs; silent when stderr is not a
// terminal (CI logs, pipes) or when disabled.
#pragma once

#include <string>

namespace lifeline {

class ProgressBar {
 public:
  ProgressBar(std::string label, double start_s, double end_s, bool enabled = true);
  ~ProgressBar();
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  // Redraws when the shown percentage changes.
  void Update(double time_s);
  // Completes the line.
  void Finish();

 private:
  std::string label_;
  double start_s_, end_s_;
  bool active_;
  int shown_percent_ = -1;
};

}  // namespace lifeline

// Off-screen snapshots of the twin: render a scene into a PNG without a window.
//
// Rendering needs an X display with GLX (a desktop, or Xvfb on a headless
// machine: `xvfb-run -a lifeline view snapshot ...`); the picture comes from an
// OpenGL pbuffer read back after one frame. Camera presets frame the networks'
// bounds:
//   plan        - straight down from above, north up
//   oblique     - from the south-east, 40 degrees above the horizon
//   underground - from below the ground, looking up at the buried networks
#pragma once

#include <osg/Matrixd>
#include <osg/Node>
#include <memory>
#include <string>

#include "viewer/hud.h"
#include "viewer/scene_builder.h"

namespace lifeline::viewer {

enum class CameraPreset { kPlan, kOblique, kUnderground };

// "plan", "oblique", "underground"; anything else is an Error.
CameraPreset ParseCameraPreset(const std::string& name);

struct SnapshotOptions {
  int width_px = 1280;
  int height_px = 800;
  CameraPreset preset = CameraPreset::kOblique;
  double vertical_exaggeration = 5.0;  // must match the scene's
  HudText hud;                         // title and legend drawn over the view
};

struct CameraSetup {
  osg::Matrixd view;
  osg::Matrixd projection;
};

// The camera a preset gives for a scene with these bounds.
CameraSetup FrameScene(const SceneSummary& summary, const SnapshotOptions& options);

// Pixel (x right, y down from the top-left) where a true-position point lands.
struct Pixel {
  int x = 0, y = 0;
};
Pixel ProjectToPixel(const Point3& position_m, const CameraSetup& camera, const SnapshotOptions& options);

// An off-screen view that renders frames of one scene (snapshots, frame timing).
// No display or no GL context is an Error saying so.
class OffscreenView {
 public:
  OffscreenView(osg::Node* scene, const SceneSummary& summary, const SnapshotOptions& options);
  ~OffscreenView();
  OffscreenView(const OffscreenView&) = delete;
  OffscreenView& operator=(const OffscreenView&) = delete;

  // Draws one frame and reads it back.
  void RenderFrame();
  // Writes the last frame; an unwritable path is an Error.
  void WritePng(const std::string& png_path) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Renders one frame of the scene and writes png_path.
void RenderSnapshot(osg::Node* scene, const SceneSummary& summary, const SnapshotOptions& options,
                    const std::string& png_path);

}  // namespace lifeline::viewer

// Off-screen rendering to PNG through an OpenGL pbuffer (see snapshot.h).
#include "viewer/snapshot.h"

#include <fmt/format.h>
#include <osg/Camera>
#include <osg/GraphicsContext>
#include <osg/Image>
#include <osgDB/WriteFile>
#include <osgViewer/Viewer>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "engine/error.h"

namespace lifeline::viewer {
namespace {

// Copies the frame buffer into an image after the camera has drawn.
class ReadBack : public osg::Camera::DrawCallback {
 public:
  ReadBack(osg::Image* image, int width, int height) : image_(image), width_(width), height_(height) {}
  void operator()(osg::RenderInfo&) const override {
    image_->readPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE);
  }

 private:
  osg::ref_ptr<osg::Image> image_;
  int width_, height_;
};

}  // namespace

CameraPreset ParseCameraPreset(const std::string& name) {
  if (name == "plan") return CameraPreset::kPlan;
  if (name == "oblique") return CameraPreset::kOblique;
  if (name == "underground") return CameraPreset::kUnderground;
  throw Error(fmt::format("unknown camera preset '{}' (plan, oblique, underground)", name));
}

CameraSetup FrameScene(const SceneSummary& summary, const SnapshotOptions& options) {
  const double e = options.vertical_exaggeration;
  const osg::Vec3d low(summary.min_m.x_m, summary.min_m.y_m, summary.min_m.z_m * e);
  const osg::Vec3d high(summary.max_m.x_m, summary.max_m.y_m, summary.max_m.z_m * e);
  const osg::Vec3d centre = (low + high) * 0.5;
  const double radius = std::max((high - low).length() * 0.5, 1.0);
  constexpr double kFieldOfView_deg = 30.0;
  // distance at which a sphere of this radius fills the narrower field of view
  const double aspect = static_cast<double>(options.width_px) / options.height_px;
  const double half_angle = 0.5 * kFieldOfView_deg * M_PI / 180.0 * std::min(1.0, aspect);
  const double distance = radius / std::sin(half_angle);

  osg::Vec3d eye, up(0.0, 0.0, 1.0);
  switch (options.preset) {
    case CameraPreset::kPlan:
      eye = centre + osg::Vec3d(0.0, 0.0, distance);
      up = {0.0, 1.0, 0.0};
      break;
    case CameraPreset::kOblique: {
      const double elevation = 40.0 * M_PI / 180.0;
      osg::Vec3d direction(std::cos(elevation) * 0.6, -std::cos(elevation) * 0.8, std::sin(elevation));
      eye = centre + direction * distance;
      break;
    }
    case CameraPreset::kUnderground: {
      const double elevation = -25.0 * M_PI / 180.0;
      osg::Vec3d direction(std::cos(elevation) * 0.6, -std::cos(elevation) * 0.8, std::sin(elevation));
      eye = centre + direction * distance;
      break;
    }
  }
  CameraSetup camera;
  camera.view.makeLookAt(eye, centre, up);
  camera.projection.makePerspective(kFieldOfView_deg, aspect, distance * 0.01, distance * 4.0);
  return camera;
}

Pixel ProjectToPixel(const Point3& position_m, const CameraSetup& camera, const SnapshotOptions& options) {
  const osg::Vec3d world(position_m.x_m, position_m.y_m, position_m.z_m * options.vertical_exaggeration);
  const osg::Vec3d ndc = world * camera.view * camera.projection;  // perspective divide included
  const double x = (ndc.x() * 0.5 + 0.5) * options.width_px;
  const double y = (ndc.y() * 0.5 + 0.5) * options.height_px;
  return {static_cast<int>(std::lround(x)), static_cast<int>(std::lround(options.height_px - y))};
}

struct OffscreenView::Impl {
  osgViewer::Viewer viewer;
  osg::ref_ptr<osg::Image> image = new osg::Image;
};

OffscreenView::OffscreenView(osg::Node* scene, const SceneSummary& summary, const SnapshotOptions& options)
    : impl_(std::make_unique<Impl>()) {
  if (std::getenv("DISPLAY") == nullptr) {
    throw Error("snapshot: no X display (DISPLAY is not set); on a headless machine run it under `xvfb-run -a`");
  }
  osg::ref_ptr<osg::GraphicsContext::Traits> traits = new osg::GraphicsContext::Traits;
  traits->readDISPLAY();
  traits->setUndefinedScreenDetailsToDefaultScreen();
  traits->x = 0;
  traits->y = 0;
  traits->width = options.width_px;
  traits->height = options.height_px;
  traits->red = traits->green = traits->blue = 8;
  traits->depth = 24;
  traits->pbuffer = true;
  traits->doubleBuffer = false;
  osg::ref_ptr<osg::GraphicsContext> context = osg::GraphicsContext::createGraphicsContext(traits.get());
  if (!context || !context->valid()) {
    throw Error(fmt::format("snapshot: cannot create an off-screen OpenGL context on display '{}'",
                            std::getenv("DISPLAY")));
  }

  osgViewer::Viewer& viewer = impl_->viewer;
  viewer.setThreadingModel(osgViewer::Viewer::SingleThreaded);
  osg::ref_ptr<osg::Group> root = new osg::Group;
  root->addChild(scene);
  root->addChild(BuildHud(summary, options.hud, options.width_px, options.height_px));
  viewer.setSceneData(root.get());
  osg::Camera* camera = viewer.getCamera();
  camera->setGraphicsContext(context.get());
  camera->setViewport(0, 0, options.width_px, options.height_px);
  camera->setClearColor({0.06f, 0.07f, 0.10f, 1.0f});
  camera->setComputeNearFarMode(osg::CullSettings::DO_NOT_COMPUTE_NEAR_FAR);
  // a lone alarm marker has a zero-radius bound: small-feature culling would drop it
  camera->setCullingMode(camera->getCullingMode() & ~osg::CullSettings::SMALL_FEATURE_CULLING);
  const CameraSetup setup = FrameScene(summary, options);
  camera->setProjectionMatrix(setup.projection);
  camera->setViewMatrix(setup.view);
  camera->setDrawBuffer(GL_FRONT);
  camera->setReadBuffer(GL_FRONT);
  camera->setFinalDrawCallback(new ReadBack(impl_->image.get(), options.width_px, options.height_px));
  viewer.realize();
}

OffscreenView::~OffscreenView() = default;

void OffscreenView::RenderFrame() { impl_->viewer.frame(); }

void OffscreenView::WritePng(const std::string& png_path) const {
  if (!impl_->image->data()) throw Error("snapshot: nothing was read back from the OpenGL context");
  if (!osgDB::writeImageFile(*impl_->image, png_path)) {
    throw Error(fmt::format("{}: cannot write the snapshot PNG", png_path));
  }
}

void RenderSnapshot(osg::Node* scene, const SceneSummary& summary, const SnapshotOptions& options,
                    const std::string& png_path) {
  OffscreenView view(scene, summary, options);
  view.RenderFrame();
  view.WritePng(png_path);
}

}  // namespace lifeline::viewer

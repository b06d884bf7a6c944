// A real Eclipse Mosquitto broker for tests and benchmarks: started on a free loopback port with a
// temporary configuration (persistence in a temporary folder), stopped and restarted on demand. Every
// wait is bounded. Used by mqtt_ingest_test.cc and bench/live_bench.cc.
#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>

namespace lifeline::live::testing {

inline constexpr const char* kMosquittoProgram = "/usr/sbin/mosquitto";

// Polls condition every 5 ms until it holds or timeout passes; returns whether it held.
inline bool WaitFor(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return true;
}

inline sockaddr_in LoopbackAddress(int port) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  return address;
}

// A port the kernel just handed out on loopback (free now; a race with other processes is possible
// but unlikely).
inline int FreeLoopbackPort() {
  const int socket_fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address = LoopbackAddress(0);
  socklen_t length = sizeof(address);
  if (socket_fd < 0 || bind(socket_fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
      getsockname(socket_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (socket_fd >= 0) close(socket_fd);
    throw std::runtime_error("no free loopback port");
  }
  close(socket_fd);
  return ntohs(address.sin_port);
}

inline bool PortAcceptsConnections(int port) {
  const int socket_fd = socket(AF_INET, SOCK_STREAM, 0);
  const sockaddr_in address = LoopbackAddress(port);
  const bool accepted = connect(socket_fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0;
  close(socket_fd);
  return accepted;
}

class MosquittoBroker {
 public:
  // Writes the configuration into a fresh folder named after `name` in the temporary folder.
  explicit MosquittoBroker(const std::string& name)
      : folder_((std::filesystem::temp_directory_path() /
                 ("lifeline-mosquitto-" + std::to_string(getpid()) + "-" + name))
                    .string()),
        port_(FreeLoopbackPort()) {
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    std::ofstream config(folder_ + "/mosquitto.conf");
    config << "listener " << port_ << " 127.0.0.1\n"
           << "allow_anonymous true\n"
           << "persistence true\n"
           << "persistence_location " << folder_ << "/\n"
           << "max_queued_messages 100000\n"
           << "log_dest none\n";
    if (geteuid() == 0) config << "user root\n";  // keep root: the persistence folder is root's
  }
  ~MosquittoBroker() {
    Stop();
    std::error_code ignored;
    std::filesystem::remove_all(folder_, ignored);
  }
  MosquittoBroker(const MosquittoBroker&) = delete;
  MosquittoBroker& operator=(const MosquittoBroker&) = delete;

  // Starts the broker and waits (at most 5 s) until it accepts connections; throws when it does not.
  void Start() {
    if (!std::filesystem::exists(kMosquittoProgram)) {
      throw std::runtime_error(std::string(kMosquittoProgram) +
                               " is not installed (./dev setup installs it)");
    }
    const std::string config = folder_ + "/mosquitto.conf";
    pid_ = fork();
    if (pid_ < 0) throw std::runtime_error("fork failed");
    if (pid_ == 0) {
      execl(kMosquittoProgram, kMosquittoProgram, "-c", config.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    if (!WaitFor([&] { return PortAcceptsConnections(port_); }, std::chrono::seconds(5))) {
      Stop();
      throw std::runtime_error("mosquitto did not start on port " + std::to_string(port_));
    }
  }

  // Stops the broker with SIGTERM (it saves its persistence file), SIGKILL after 5 s.
  void Stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    if (!WaitFor([&] { return waitpid(pid_, &status, WNOHANG) == pid_; }, std::chrono::seconds(5))) {
      kill(pid_, SIGKILL);
      waitpid(pid_, &status, 0);
    }
    pid_ = -1;
  }

  std::string uri() const { return "tcp://127.0.0.1:" + std::to_string(port_); }

 private:
  std::string folder_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace lifeline::live::testing

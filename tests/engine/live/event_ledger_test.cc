// Tests for engine/live/event_ledger.cc: the life cycle, illegal transitions refused, queries, nothing
// deleted, and a ledger that survives a killed process.
#include "engine/live/event_ledger.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/error.h"
#include "live_test_support.h"

namespace lifeline::live {
namespace {

using ::testing::HasSubstr;
using S = EventState;

class EventLedgerTest : public ::testing::Test {
 protected:
  long Open(const std::string& sensor_id, WarningLevel level, double time_s) {
    LedgerAlarm alarm;
    alarm.sensor_id = sensor_id;
    alarm.time_s = time_s;
    alarm.value = 21.0;
    alarm.level = level;
    alarm.cause = "threshold";
    alarm.message = sensor_id + " alarm";
    return ledger_.OpenEvent(*registry_.Find(sensor_id), alarm, "live pipeline");
  }
  SensorRegistry registry_ = testing::SmallRegistry();
  std::string path_ = testing::TempPath("ledger.sqlite");
  EventLedger ledger_{path_};
};

TEST_F(EventLedgerTest, FollowsTheLifeCycleToClosure) {
  const long id = Open("GAS-A", WarningLevel::kIII, 100.0);
  EXPECT_EQ(ledger_.Get(id).state, S::kAlarm);
  EXPECT_EQ(ledger_.Get(id).level, WarningLevel::kIII);
  ledger_.Transition(id, {S::kVerified}, 110, "duty officer Li", "confirmed on CCTV");
  ledger_.Transition(id, {S::kWarning, S::kDisposing}, 120, "duty officer Li", "gas company crew 3",
                     WarningLevel::kII);
  ledger_.Transition(id, {S::kFeedback}, 900, "crew 3", "valve closed, manhole ventilated");
  ledger_.Transition(id, {S::kChecked}, 1000, "inspector Wang", "readings below 1 %LEL");
  ledger_.Transition(id, {S::kClosed}, 1100, "inspector Wang", "closed");

  const LedgerEvent event = ledger_.Get(id);
  EXPECT_EQ(event.state, S::kClosed);
  EXPECT_EQ(event.level, WarningLevel::kII);  // the dispatched level
  const std::vector<LedgerTransition> transitions = ledger_.Transitions(id);
  ASSERT_EQ(transitions.size(), 8u);
  EXPECT_FALSE(transitions[0].from.has_value());
  EXPECT_EQ(transitions[0].to, S::kDetected);
  EXPECT_EQ(transitions[3].to, S::kWarning);
  EXPECT_THAT(transitions[3].note, HasSubstr("level II"));
  EXPECT_EQ(transitions[5].actor, "crew 3");
  EXPECT_DOUBLE_EQ(transitions[7].time_s, 1100);
}

TEST_F(EventLedgerTest, RefusesIllegalTransitionsAndChangesNothing) {
  const long id = Open("GAS-A", WarningLevel::kIV, 0.0);
  try {
    ledger_.Transition(id, {S::kClosed}, 1, "someone", "skip ahead");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_THAT(e.what(), HasSubstr("cannot go from ALARM to CLOSED (allowed: VERIFIED)"));
  }
  // A chain whose second step is illegal leaves the first undone too.
  EXPECT_THROW(ledger_.Transition(id, {S::kVerified, S::kFeedback}, 1, "someone", ""), Error);
  EXPECT_EQ(ledger_.Get(id).state, S::kAlarm);
  EXPECT_EQ(ledger_.Transitions(id).size(), 2u);
  ledger_.Transition(id, {S::kVerified}, 2, "someone", "");
  EXPECT_THAT([&] { ledger_.Transition(id, {S::kWarning}, 3, "someone", ""); },
              ::testing::ThrowsMessage<Error>(HasSubstr("a WARNING needs a level")));
  EXPECT_THROW(ledger_.Transition(id, {S::kVerified}, 3, "", ""), Error);
  EXPECT_THROW(ledger_.Get(999), Error);
}

TEST_F(EventLedgerTest, AFalseAlarmClosesAtVerification) {
  const long id = Open("GAS-B", WarningLevel::kIV, 0.0);
  ledger_.Transition(id, {S::kVerified, S::kClosed}, 5, "duty officer", "false alarm: calibration gas");
  EXPECT_EQ(ledger_.Get(id).state, S::kClosed);
  EXPECT_THROW(ledger_.Transition(id, {S::kVerified}, 6, "duty officer", ""), Error);
}

TEST_F(EventLedgerTest, QueriesByStateLevelSystemAndArea) {
  const long gas = Open("GAS-A", WarningLevel::kIII, 0.0);
  const long far = Open("GAS-FAR", WarningLevel::kIV, 1.0);
  const long tank = Open("LVL-T1", WarningLevel::kIV, 2.0);
  ledger_.Transition(far, {S::kVerified}, 3, "op", "");
  const auto ids = [](const std::vector<LedgerEvent>& events) {
    std::vector<long> result;
    for (const LedgerEvent& event : events) result.push_back(event.id);
    return result;
  };
  EXPECT_EQ(ids(ledger_.List({})), (std::vector<long>{gas, far, tank}));
  EXPECT_EQ(ids(ledger_.List({.state = S::kAlarm})), (std::vector<long>{gas, tank}));
  EXPECT_EQ(ids(ledger_.List({.level = WarningLevel::kIV})), (std::vector<long>{far, tank}));
  EXPECT_EQ(ids(ledger_.List({.system = "gas"})), (std::vector<long>{gas, far}));
  EXPECT_EQ(ids(ledger_.List({.area = Area{-10, -10, 100, 100}})), (std::vector<long>{gas}));
  EXPECT_EQ(ids(ledger_.List({.state = S::kAlarm, .system = "water"})), (std::vector<long>{tank}));
}

TEST_F(EventLedgerTest, FurtherAlarmsRaiseTheLevelUntilDispatch) {
  const long id = Open("GAS-A", WarningLevel::kIV, 0.0);
  ledger_.AddAlarm({id, "GAS-B", 5.0, 26.0, WarningLevel::kII, "threshold", "GAS-B level II"});
  EXPECT_EQ(ledger_.Get(id).level, WarningLevel::kII);
  ASSERT_EQ(ledger_.Alarms(id).size(), 2u);
  EXPECT_EQ(ledger_.Alarms(id)[1].sensor_id, "GAS-B");
  ledger_.Transition(id, {S::kVerified, S::kWarning}, 6, "op", "", WarningLevel::kIII);
  ledger_.AddAlarm({id, "GAS-B", 7.0, 60.0, WarningLevel::kI, "threshold", "GAS-B level I"});
  EXPECT_EQ(ledger_.Get(id).level, WarningLevel::kIII);  // an operator's decision is not overridden
}

TEST_F(EventLedgerTest, NothingIsEverDeleted) {
  const long id = Open("GAS-A", WarningLevel::kIV, 0.0);
  sqlite3* database = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &database), SQLITE_OK);
  for (const char* sql : {"DELETE FROM transitions", "DELETE FROM events", "DELETE FROM alarms",
                          "UPDATE transitions SET note = 'rewritten'"}) {
    char* message = nullptr;
    EXPECT_NE(sqlite3_exec(database, sql, nullptr, nullptr, &message), SQLITE_OK) << sql;
    sqlite3_free(message);
  }
  sqlite3_close(database);
  EXPECT_EQ(ledger_.Transitions(id).size(), 2u);
  EXPECT_EQ(ledger_.Transitions(id)[0].note, "GAS-A alarm");
}

TEST_F(EventLedgerTest, SurvivesAKilledProcess) {
  const long before = Open("GAS-A", WarningLevel::kIV, 0.0);
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // A second writer process records, then dies without closing anything.
    EventLedger writer(path_);
    writer.Transition(before, {S::kVerified}, 10, "child", "verified before the crash");
    LedgerAlarm alarm{0, "GAS-B", 11.0, 30.0, WarningLevel::kII, "threshold", "opened before the crash"};
    writer.OpenEvent(*registry_.Find("GAS-B"), alarm, "child");
    raise(SIGKILL);
  }
  int status = 0;
  ASSERT_EQ(waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFSIGNALED(status));
  const EventLedger reopened(path_);
  EXPECT_EQ(reopened.Get(before).state, S::kVerified);
  const std::vector<LedgerEvent> events = reopened.List({});
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].sensor_id, "GAS-B");
  EXPECT_EQ(events[1].level, WarningLevel::kII);
  EXPECT_EQ(reopened.Transitions(events[1].id).size(), 2u);
}

}  // namespace
}  // namespace lifeline::live

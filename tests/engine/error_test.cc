// Tests for engine/error.cc.
#include "engine/error.h"

#include <gtest/gtest.h>

namespace lifeline {
namespace {

TEST(Error, LineLocationLeadsTheMessage) {
  const Error e = Error::AtLine("net.inp", 42, "unknown section [FOO]");
  EXPECT_STREQ(e.what(), "net.inp:42: unknown section [FOO]");
  ASSERT_TRUE(e.file().has_value());
  EXPECT_EQ(e.file()->line, 42);
  EXPECT_FALSE(e.element().has_value());
}

TEST(Error, ElementAndTimeAreNamed) {
  const Error e = Error::AtElement("water", "P-17", "negative length").AtTime(3600.0);
  EXPECT_STREQ(e.what(), "water element 'P-17': at t = 3600.000 s: negative length");
  EXPECT_EQ(e.element()->id, "P-17");
  EXPECT_DOUBLE_EQ(*e.time_s(), 3600.0);
  EXPECT_EQ(e.message(), "negative length");
}

TEST(Error, PlainMessageStaysPlain) { EXPECT_STREQ(Error("boom").what(), "boom"); }

}  // namespace
}  // namespace lifeline

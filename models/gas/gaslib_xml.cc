// A small XML reader (see gaslib_xml.h).
#include "models/gas/gaslib_xml.h"

#include <fmt/format.h>

#include <cctype>

#include "engine/error.h"

namespace lifeline::gas {
namespace {

class Parser {
 public:
  Parser(const std::string& text, const std::string& source) : text_(text), source_(source) {}

  XmlElement Document() {
    SkipMisc();
    if (!StartsWith("<")) throw Fail("no root element");
    XmlElement root = Element();
    SkipMisc();
    if (position_ < text_.size()) throw Fail("content after the root element");
    return root;
  }

 private:
  // 1-based line of position_; positions only grow, so count on from the last call
  int Line() {
    for (; counted_ < position_ && counted_ < text_.size(); ++counted_) line_ += text_[counted_] == '\n' ? 1 : 0;
    return line_;
  }

  Error Fail(const std::string& message) { return Error::AtLine(source_, Line(), message); }

  bool StartsWith(std::string_view prefix) const { return text_.compare(position_, prefix.size(), prefix) == 0; }

  void SkipTo(std::string_view end) {
    const size_t at = text_.find(end, position_);
    if (at == std::string::npos) throw Fail(fmt::format("missing '{}'", end));
    position_ = at + end.size();
  }

  // whitespace, text, comments, <?...?> and <!...> until the next element tag
  void SkipMisc() {
    while (position_ < text_.size()) {
      if (StartsWith("<!--")) {
        SkipTo("-->");
      } else if (StartsWith("<?")) {
        SkipTo("?>");
      } else if (StartsWith("<!")) {
        SkipTo(">");
      } else if (text_[position_] == '<') {
        return;
      } else {
        ++position_;
      }
    }
  }

  std::string Name() {
    const size_t start = position_;
    while (position_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[position_])) ||
                                        text_[position_] == ':' || text_[position_] == '_' ||
                                        text_[position_] == '-' || text_[position_] == '.')) {
      ++position_;
    }
    if (position_ == start) throw Fail("expected a name");
    return text_.substr(start, position_ - start);
  }

  void SkipSpace() {
    while (position_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[position_]))) ++position_;
  }

  static std::string Decode(std::string value) {
    static const std::pair<const char*, const char*> kEntities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}, {"&amp;", "&"}};
    for (const auto& [entity, character] : kEntities) {
      for (size_t at; (at = value.find(entity)) != std::string::npos;) value.replace(at, std::string_view(entity).size(), character);
    }
    return value;
  }

  XmlElement Element() {
    XmlElement element;
    element.line = Line();
    ++position_;  // '<'
    element.name = Name();
    for (;;) {
      SkipSpace();
      if (StartsWith("/>")) {
        position_ += 2;
        return element;
      }
      if (StartsWith(">")) {
        ++position_;
        break;
      }
      const std::string key = Name();
      SkipSpace();
      if (!StartsWith("=")) throw Fail(fmt::format("attribute '{}' of <{}> has no value", key, element.name));
      ++position_;
      SkipSpace();
      const char quote = position_ < text_.size() ? text_[position_] : '\0';
      if (quote != '"' && quote != '\'') throw Fail(fmt::format("attribute '{}' of <{}> is not quoted", key, element.name));
      const size_t end = text_.find(quote, position_ + 1);
      if (end == std::string::npos) throw Fail(fmt::format("attribute '{}' of <{}> is not closed", key, element.name));
      element.attributes[key] = Decode(text_.substr(position_ + 1, end - position_ - 1));
      position_ = end + 1;
    }
    for (;;) {
      SkipMisc();
      if (position_ >= text_.size()) throw Fail(fmt::format("<{}> is not closed", element.name));
      if (StartsWith("</")) {
        position_ += 2;
        const std::string closing = Name();
        if (closing != element.name) throw Fail(fmt::format("</{}> closes <{}>", closing, element.name));
        SkipSpace();
        if (!StartsWith(">")) throw Fail(fmt::format("</{}> is not closed", closing));
        ++position_;
        return element;
      }
      element.children.push_back(Element());
    }
  }

  const std::string& text_;
  const std::string& source_;
  size_t position_ = 0;
  size_t counted_ = 0;  // Line() has counted newlines before this position
  int line_ = 1;
};

}  // namespace

std::string_view XmlElement::local_name() const {
  const size_t colon = name.find(':');
  return colon == std::string::npos ? std::string_view(name) : std::string_view(name).substr(colon + 1);
}

const XmlElement* XmlElement::Child(std::string_view local) const {
  for (const XmlElement& child : children) {
    if (child.local_name() == local) return &child;
  }
  return nullptr;
}

XmlElement ParseXml(const std::string& text, const std::string& source_name) {
  return Parser(text, source_name).Document();
}

}  // namespace lifeline::gas

#pragma once

#include <QString>

namespace ops::reason {

// The rule every dangerous action's reason follows (the sandbox applies the same rule):
// - normalised() keeps line breaks (CR LF and CR become LF), turns tabs into spaces, drops other
//   control characters and bidi embedding/override/isolate controls (they
//   only change how text is displayed, so an audit record could otherwise read differently from
//   what was typed) and trims surrounding whitespace;
// - visibleLength() counts grapheme clusters of the normalised text that contain at least one
//   letter, number, punctuation or symbol: spaces, zero-width characters and lone combining marks
//   do not count; "é" written as e + U+0301 counts once; an emoji (with skin tone, ZWJ sequence or
//   a flag) counts once.
inline constexpr int MinimumVisibleLength = 20;

[[nodiscard]] QString normalised(const QString &text);
[[nodiscard]] int visibleLength(const QString &text);
[[nodiscard]] inline bool isSufficient(const QString &text)
{
    return visibleLength(text) >= MinimumVisibleLength;
}

} // namespace ops::reason

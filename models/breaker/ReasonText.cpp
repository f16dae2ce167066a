#include "breaker/ReasonText.h"

#include <QList>
#include <QTextBoundaryFinder>

namespace ops::reason {

namespace {

bool isBidiControl(char32_t ucs)
{
    return (ucs >= 0x202A && ucs <= 0x202E) || (ucs >= 0x2066 && ucs <= 0x2069);
}

bool isVisible(char32_t ucs)
{
    switch (QChar::category(ucs)) {
    case QChar::Letter_Uppercase:
    case QChar::Letter_Lowercase:
    case QChar::Letter_Titlecase:
    case QChar::Letter_Modifier:
    case QChar::Letter_Other:
    case QChar::Number_DecimalDigit:
    case QChar::Number_Letter:
    case QChar::Number_Other:
    case QChar::Punctuation_Connector:
    case QChar::Punctuation_Dash:
    case QChar::Punctuation_Open:
    case QChar::Punctuation_Close:
    case QChar::Punctuation_InitialQuote:
    case QChar::Punctuation_FinalQuote:
    case QChar::Punctuation_Other:
    case QChar::Symbol_Math:
    case QChar::Symbol_Currency:
    case QChar::Symbol_Modifier:
    case QChar::Symbol_Other:
        return true;
    default:
        return false;
    }
}

} // namespace

QString normalised(const QString &text)
{
    QString out;
    out.reserve(text.size());
    const QList<uint> code = text.toUcs4();
    for (qsizetype i = 0; i < code.size(); ++i) {
        const char32_t ucs = code[i];
        // Line breaks stay line breaks and tabs become spaces, so words never run together.
        if (ucs == U'\r') {
            if (i + 1 >= code.size() || code[i + 1] != U'\n')
                out.append(QLatin1Char('\n'));
            continue;
        }
        if (ucs == U'\n') {
            out.append(QLatin1Char('\n'));
            continue;
        }
        if (ucs == U'\t' || ucs == U'\v' || ucs == U'\f') {
            out.append(QLatin1Char(' '));
            continue;
        }
        if (QChar::category(ucs) == QChar::Other_Control || isBidiControl(ucs))
            continue;
        out.append(QString::fromUcs4(&ucs, 1));
    }
    return out.trimmed();
}

int visibleLength(const QString &text)
{
    const QString clean = normalised(text);
    QTextBoundaryFinder finder(QTextBoundaryFinder::Grapheme, clean);
    int count = 0;
    qsizetype start = 0;
    for (qsizetype end = finder.toNextBoundary(); end != -1; end = finder.toNextBoundary()) {
        const QString cluster = clean.mid(start, end - start);
        start = end;
        for (const char32_t ucs : cluster.toUcs4()) {
            if (isVisible(ucs)) {
                ++count;
                break;
            }
        }
    }
    return count;
}

} // namespace ops::reason

#include "audit/Masking.h"

#include <QJsonArray>
#include <QJsonObject>

#include <array>

// One rule, two implementations that must agree (tests/e2e/tst_csv_export.cpp proves it against a
// real PostgreSQL, on hand-picked and on random documents):
//
//   Every object member, at any depth, whose key contains one of kWords (ASCII letters compared
//   without case; other characters exactly) has its value replaced by the string "***", whatever
//   that value is (string, number, boolean, null, array or object; nothing inside it survives).
//   Every other key and value stays as it was.
//
// The comparison is deliberately ASCII-only: QString's and PostgreSQL's Unicode case folding
// differ (the Kelvin sign, the long s, locale-dependent dotted I), and the rule must not depend on
// the database's collation or on the client's locale.

namespace ops::masking {

namespace {

constexpr std::array<const char *, 9> kWords = {
    "token", "secret", "password", "api_key", "authorization", "key_hash", "recipient", "email", "phone",
};

const QString kMask = QStringLiteral("***");

QString asciiLower(const QString &s)
{
    QString out = s;
    for (QChar &c : out) {
        if (c.unicode() >= u'A' && c.unicode() <= u'Z')
            c = QChar(char16_t(c.unicode() + (u'a' - u'A')));
    }
    return out;
}

// --- SQL -----------------------------------------------------------------------------------------

// The word list as a PostgreSQL ARE: letters as two-case bracket classes ("[tT][oO]..."), so the
// match is the same ASCII-only rule in every collation and locale.
QString sqlWordsRegex()
{
    QStringList alternatives;
    for (const char *word : kWords) {
        QString alt;
        for (const char *p = word; *p; ++p) {
            const QChar c = QLatin1Char(*p);
            if (c.isLetter())
                alt += QLatin1Char('[') + c + c.toUpper() + QLatin1Char(']');
            else
                alt += c; // '_'
        }
        alternatives << alt;
    }
    return QStringLiteral("(?:%1)").arg(alternatives.join(QLatin1Char('|')));
}

// An E'' string literal: independent of standard_conforming_strings.
QString eLiteral(const QString &s)
{
    QString out = s;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    out.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QStringLiteral("E'") + out + QLatin1Char('\'');
}

} // namespace

bool isSensitiveKey(const QString &key)
{
    const QString lower = asciiLower(key);
    for (const char *word : kWords) {
        if (lower.contains(QLatin1String(word)))
            return true;
    }
    return false;
}

QJsonValue masked(const QJsonValue &value)
{
    if (value.isObject()) {
        const QJsonObject in = value.toObject();
        QJsonObject out;
        for (auto it = in.constBegin(); it != in.constEnd(); ++it)
            out.insert(it.key(), isSensitiveKey(it.key()) ? QJsonValue(kMask) : masked(it.value()));
        return out;
    }
    if (value.isArray()) {
        const QJsonArray in = value.toArray();
        QJsonArray out;
        for (const QJsonValue &v : in)
            out.append(masked(v));
        return out;
    }
    return value;
}

// PostgreSQL prints jsonb canonically: `{"key": value, "key": [value, value]}`, strings with `"`
// and `\` escaped (and control characters as \n, \t, \uXXXX). In that text:
//
//  * A string token is `"(?:[^"\\]|\\.)*"`: escapes are consumed in pairs, so the token ends at the
//    first unescaped quote.
//  * A key is a string token followed by `: `; a value never is (it is followed by `,`, `}` or `]`).
//    A match cannot begin inside a string value and end as a key: a quote inside a string is
//    always escaped (`\"`), a match starting there parses the rest of that string in step with the
//    real parse, ends at its real closing quote and finds `,`, `}` or `]` after it. A match that
//    starts inside a *key* ends at that key's real closing quote, and its sensitive word is then
//    part of the real key too, so the replacement is the same. A sensitive word cannot be formed
//    across an escape (`\t` + "oken"): the key pattern consumes escapes as pairs.
//
// Three branches, so the common case costs one DFA scan:
//  1. no sensitive word anywhere in the text: the text as it is;
//  2. a sensitive key followed by `{` or `[` (possibly a false positive, which is harmless): a
//     structural walk (recursive CTE over jsonb_each / jsonb_array_elements, jsonb_set per hit),
//     exact for any document;
//  3. otherwise every sensitive key has a scalar value: one regexp_replace of
//     `"<sensitive key>": <scalar>` by `"<key>": "***"`.
// Branches 2 and 3 give the same text for a document both can handle (jsonb_set's output is
// printed by the same jsonb printer).
QString sqlMaskedJsonText(const QString &jsonbColumn)
{
    const QString words = sqlWordsRegex();
    const QString keyChars = QStringLiteral("(?:[^\"\\\\]|\\\\.)*");
    const QString stringToken = QStringLiteral("\"") + keyChars + QStringLiteral("\"");
    const QString sensitiveKey = QStringLiteral("\"") + keyChars + words + keyChars + QStringLiteral("\"");
    const QString scalar = QStringLiteral("(?:%1|-?[0-9][-+.0-9eE]*|true|false|null)").arg(stringToken);

    // COLLATE "C" only where a boolean comes out: the result carries no explicit collation.
    const QString text = QStringLiteral("CAST(%1 AS text)").arg(jsonbColumn);
    const QString textC = QStringLiteral("(CAST(%1 AS text) COLLATE \"C\")").arg(jsonbColumn);
    const QString hasWord = eLiteral(words);
    const QString hasContainer = eLiteral(sensitiveKey + QStringLiteral(": (?:\\{|\\[)"));
    const QString scalarPattern = eLiteral(QStringLiteral("(") + sensitiveKey + QStringLiteral("): ") + scalar);
    const QString scalarReplacement = eLiteral(QStringLiteral("\\1: \"***\""));

    // Aliases are prefixed so they cannot shadow a qualified column passed in (e.g. "a.details").
    const QString structural = QStringLiteral(
        "(WITH RECURSIVE ops_mw(path, val, hide) AS ("
        " SELECT CAST('{}' AS text[]), %1, false"
        " UNION ALL"
        " SELECT ops_mw.path || ops_me.k, ops_me.v, ops_me.is_key AND (ops_me.k COLLATE \"C\") ~ %2"
        " FROM ops_mw CROSS JOIN LATERAL ("
        "  SELECT ops_mo.key, ops_mo.value, true"
        "  FROM jsonb_each(CASE WHEN jsonb_typeof(ops_mw.val) = 'object' THEN ops_mw.val END) AS ops_mo"
        "  UNION ALL"
        "  SELECT CAST(ops_ma.n - 1 AS text), ops_ma.v, false"
        "  FROM jsonb_array_elements(CASE WHEN jsonb_typeof(ops_mw.val) = 'array' THEN ops_mw.val END)"
        "   WITH ORDINALITY AS ops_ma(v, n)"
        " ) AS ops_me(k, v, is_key)"
        " WHERE NOT ops_mw.hide),"
        " ops_mt(n, path) AS (SELECT row_number() OVER (), path FROM ops_mw WHERE hide),"
        " ops_mm(n, doc) AS ("
        " SELECT CAST(0 AS bigint), %1"
        " UNION ALL"
        " SELECT ops_mm.n + 1, jsonb_set(ops_mm.doc, ops_mt.path, '\"***\"')"
        " FROM ops_mm JOIN ops_mt ON ops_mt.n = ops_mm.n + 1)"
        " SELECT CAST(ops_mm.doc AS text) FROM ops_mm ORDER BY ops_mm.n DESC LIMIT 1)")
        .arg(jsonbColumn, hasWord);

    return QStringLiteral("(CASE WHEN %1 !~ %2 THEN %7"
                          " WHEN %1 ~ %3 THEN %4"
                          " ELSE regexp_replace(%7, %5, %6, 'g') END)")
        .arg(textC, hasWord, hasContainer, structural, scalarPattern, scalarReplacement, text);
}

} // namespace ops::masking

#pragma once

#include <QList>

#include <algorithm>

namespace ops::rowsync {

// Brings a model's list `current` to `next` with row-level operations, so that a periodic
// refresh keeps the view's selection and scroll position: rows that stayed are updated in place,
// rows that went are removed, new rows are inserted where they belong.
//
// Both lists must be strictly ordered by `before(a, b)` ("a is shown above b"); `sameRow(a, b)`
// says two entries are the same row (same id and same place in the order). The callbacks perform
// the change on `current` with the model's begin/end calls:
//   insert(row, items)       items go in before `row`
//   remove(first, last)      rows first..last go
//   update(row, item)        row becomes item (only called when it differs)
template <typename T, typename Before, typename SameRow, typename Insert, typename Remove, typename Update>
void apply(const QList<T> &current, const QList<T> &next, Before before, SameRow sameRow, Insert insert,
           Remove remove, Update update)
{
    qsizetype i = 0;
    qsizetype j = 0;
    while (j < next.size()) {
        if (i < current.size() && sameRow(current.at(i), next.at(j))) {
            if (!(current.at(i) == next.at(j)))
                update(i, next.at(j));
            ++i;
            ++j;
        } else if (i < current.size() && before(current.at(i), next.at(j))) {
            // current[i] is above next[j] and every later entry of next: it is gone. Remove the run.
            qsizetype last = i;
            while (last + 1 < current.size() && before(current.at(last + 1), next.at(j))
                   && !sameRow(current.at(last + 1), next.at(j)))
                ++last;
            remove(i, last);
        } else {
            QList<T> run;
            qsizetype k = j;
            while (k < next.size()
                   && !(i < current.size() && (sameRow(current.at(i), next.at(k)) || before(current.at(i), next.at(k))))) {
                run.append(next.at(k));
                ++k;
            }
            insert(i, run);
            i += run.size();
            j = k;
        }
    }
    if (i < current.size())
        remove(i, current.size() - 1);
}

// `items` sorted by `before`, keeping the first of entries that are the same row.
template <typename T, typename Before, typename SameRow>
QList<T> ordered(QList<T> items, Before before, SameRow sameRow)
{
    std::stable_sort(items.begin(), items.end(), before);
    QList<T> out;
    out.reserve(items.size());
    for (const T &item : items)
        if (out.isEmpty() || !sameRow(out.constLast(), item))
            out.append(item);
    return out;
}

} // namespace ops::rowsync

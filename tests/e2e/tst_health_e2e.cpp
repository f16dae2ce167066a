#include <QtTest>
class T : public QObject { Q_OBJECT private slots: void placeholder() { QFAIL("not written yet"); } };
QTEST_GUILESS_MAIN(T)
#include "tst_health_e2e.moc"

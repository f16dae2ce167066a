// ops-bench-minimal-window: the reference of the start-up benchmark (docs/PERFORMANCE.md). The
// smallest Qt Widgets window worth the name, built by the same CMake with the same flags and the
// same Qt as ops-console: a QMainWindow of the console's default size with a label in it.
#include <QApplication>
#include <QLabel>
#include <QMainWindow>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QMainWindow window;
    auto *label = new QLabel(QStringLiteral("Hello"), &window);
    label->setObjectName(QStringLiteral("referenceContent"));
    label->setAlignment(Qt::AlignCenter);
    window.setCentralWidget(label);
    window.resize(1280, 820); // ops::MainWindow's default size
    window.show();
    return QApplication::exec();
}

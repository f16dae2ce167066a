#pragma once

#include <QWidget>

class QLabel;

namespace ops {

struct ConnectionProfile;

// A strip across the top of the window naming the environment in its colour. Production is
// unmistakable: red, hatched, and spelled out in capitals.
class EnvironmentBanner final : public QWidget
{
    Q_OBJECT

public:
    explicit EnvironmentBanner(const ConnectionProfile &profile, QWidget *parent = nullptr);

    [[nodiscard]] QString text() const;
    [[nodiscard]] bool isProduction() const { return m_production; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QLabel *m_label;
    QColor m_colour;
    bool m_production;
};

} // namespace ops

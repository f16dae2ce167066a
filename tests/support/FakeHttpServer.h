#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

namespace ops::test {

// A tiny scripted HTTP/1.1 server on 127.0.0.1 for unit and GUI tests: each path answers with
// a configured status, content type and body, optionally late, never, or a byte at a time.
// The sandbox is the realistic peer; this one exists to make exact byte-level cases easy.
class FakeHttpServer final : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Normal, Hang, Drip, CloseWithoutAnswer };
    struct Response
    {
        int status = 200;
        QByteArray contentType = "application/json";
        QByteArray body;
        int delayMs = 0;
        Mode mode = Mode::Normal;
        QList<QByteArray> extraHeaders;
    };

    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    bool listen();
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] QUrl url(const QString &path) const;

    void setResponse(const QString &path, const Response &response);
    void setJson(const QString &path, const QByteArray &json, int status = 200);
    [[nodiscard]] int requestCount(const QString &path) const { return m_counts.value(path); }
    [[nodiscard]] QList<QByteArray> lastRequestHeaders() const { return m_lastHeaders; }

    // Stops listening (connection refused) or starts again on the same port.
    void stopListening();
    bool resumeListening();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Response &response);

    QTcpServer m_server;
    quint16 m_port = 0;
    QHash<QString, Response> m_responses;
    QHash<QString, int> m_counts;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QByteArray> m_lastHeaders;
    QList<QPointer<QTcpSocket>> m_held;
};

} // namespace ops::test

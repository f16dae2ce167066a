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
// A response may also be set for one method only (it wins over the path's general response).
// Every request is recorded (method, path with query, header lines, body) for assertions.
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
    struct Request
    {
        QByteArray method;         // "GET", "POST", ...
        QString path;              // as in the request line, query included
        QList<QByteArray> headers; // raw header lines, without the request line
        QByteArray body;           // Content-Length bytes

        // The value of the first header with this name (case-insensitive), trimmed; null when absent.
        [[nodiscard]] QByteArray header(const QByteArray &name) const;
        [[nodiscard]] bool hasHeader(const QByteArray &name) const;
    };

    explicit FakeHttpServer(QObject *parent = nullptr);
    ~FakeHttpServer() override;

    bool listen();
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] QUrl url(const QString &path) const;

    void setResponse(const QString &path, const Response &response);
    void setJson(const QString &path, const QByteArray &json, int status = 200);
    // Only for requests with this method; wins over setResponse(path, ...).
    void setMethodResponse(const QByteArray &method, const QString &path, const Response &response);
    void setMethodJson(const QByteArray &method, const QString &path, const QByteArray &json, int status = 200);
    [[nodiscard]] int requestCount(const QString &path) const { return m_counts.value(path); }
    [[nodiscard]] int requestCount(const QByteArray &method, const QString &path) const;
    [[nodiscard]] QList<QByteArray> lastRequestHeaders() const { return m_lastHeaders; }
    // Every request received so far, oldest first (optionally only one method and path).
    [[nodiscard]] const QList<Request> &requests() const { return m_requests; }
    [[nodiscard]] QList<Request> requests(const QByteArray &method, const QString &path) const;
    void clearRequests();

    // Stops listening (connection refused) or starts again on the same port.
    void stopListening();
    bool resumeListening();

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void answer(QTcpSocket *socket, const Response &response);
    [[nodiscard]] static QString methodKey(const QByteArray &method, const QString &path);

    QTcpServer m_server;
    quint16 m_port = 0;
    QHash<QString, Response> m_responses;
    QHash<QString, Response> m_methodResponses; // key: methodKey()
    QList<Request> m_requests;
    QHash<QString, int> m_counts;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QByteArray> m_lastHeaders;
    QList<QPointer<QTcpSocket>> m_held;
};

} // namespace ops::test

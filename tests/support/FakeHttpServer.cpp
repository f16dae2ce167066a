#include "FakeHttpServer.h"

#include <QTcpSocket>
#include <QTimer>

namespace ops::test {

FakeHttpServer::FakeHttpServer(QObject *parent)
    : QObject(parent)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FakeHttpServer::onNewConnection);
}

FakeHttpServer::~FakeHttpServer()
{
    for (const QPointer<QTcpSocket> &s : std::as_const(m_held))
        if (s)
            s->abort();
}

bool FakeHttpServer::listen()
{
    if (!m_server.listen(QHostAddress::LocalHost, m_port))
        return false;
    m_port = m_server.serverPort();
    return true;
}

QUrl FakeHttpServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path));
}

void FakeHttpServer::setResponse(const QString &path, const Response &response)
{
    m_responses.insert(path, response);
}

void FakeHttpServer::setJson(const QString &path, const QByteArray &json, int status)
{
    Response r;
    r.status = status;
    r.body = json;
    setResponse(path, r);
}

void FakeHttpServer::setMethodResponse(const QByteArray &method, const QString &path, const Response &response)
{
    m_methodResponses.insert(methodKey(method, path), response);
}

void FakeHttpServer::setMethodJson(const QByteArray &method, const QString &path, const QByteArray &json, int status)
{
    Response r;
    r.status = status;
    r.body = json;
    setMethodResponse(method, path, r);
}

QString FakeHttpServer::methodKey(const QByteArray &method, const QString &path)
{
    return QString::fromLatin1(method.toUpper()) + QLatin1Char(' ') + path;
}

int FakeHttpServer::requestCount(const QByteArray &method, const QString &path) const
{
    return int(requests(method, path).size());
}

QList<FakeHttpServer::Request> FakeHttpServer::requests(const QByteArray &method, const QString &path) const
{
    QList<Request> out;
    for (const Request &r : m_requests)
        if (r.method.compare(method, Qt::CaseInsensitive) == 0 && r.path == path)
            out.append(r);
    return out;
}

void FakeHttpServer::clearRequests()
{
    m_requests.clear();
}

QByteArray FakeHttpServer::Request::header(const QByteArray &name) const
{
    for (const QByteArray &line : headers) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

bool FakeHttpServer::Request::hasHeader(const QByteArray &name) const
{
    return !header(name).isNull();
}

void FakeHttpServer::stopListening()
{
    m_server.close();
}

bool FakeHttpServer::resumeListening()
{
    return listen();
}

void FakeHttpServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        socket->setParent(this);
        m_held.append(socket);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this, socket] { m_buffers.remove(socket); });
    }
}

void FakeHttpServer::onReadyRead(QTcpSocket *socket)
{
    QByteArray &buffer = m_buffers[socket];
    buffer += socket->readAll();
    const qsizetype end = buffer.indexOf("\r\n\r\n");
    if (end < 0)
        return;
    QList<QByteArray> lines = buffer.left(end).split('\n');
    for (QByteArray &line : lines)
        line = line.trimmed();
    Request request;
    request.headers = lines.mid(1);
    // Wait for the whole body (Content-Length) before answering.
    const qsizetype length = std::max<qsizetype>(0, request.header("Content-Length").toLongLong());
    if (buffer.size() < end + 4 + length)
        return;
    request.body = buffer.mid(end + 4, length);
    buffer.remove(0, end + 4 + length);
    const QList<QByteArray> requestLine = lines.value(0).split(' ');
    request.method = requestLine.value(0);
    const QString path = QString::fromLatin1(requestLine.value(1));
    request.path = path;
    m_lastHeaders = request.headers;
    m_counts[path] += 1;
    m_requests.append(request);
    Response response;
    if (m_methodResponses.contains(methodKey(request.method, path))) {
        response = m_methodResponses.value(methodKey(request.method, path));
    } else if (m_responses.contains(path)) {
        response = m_responses.value(path);
    } else {
        response.status = 404;
        response.contentType = "text/plain";
        response.body = "not found";
    }
    if (response.delayMs > 0) {
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(response.delayMs, this, [this, guard, response] {
            if (guard)
                answer(guard, response);
        });
    } else {
        answer(socket, response);
    }
}

void FakeHttpServer::answer(QTcpSocket *socket, const Response &r)
{
    switch (r.mode) {
    case Mode::Hang:
        return;
    case Mode::CloseWithoutAnswer:
        socket->abort();
        return;
    default:
        break;
    }
    QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + " X\r\n";
    head += "Content-Type: " + r.contentType + "\r\n";
    head += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
    for (const QByteArray &h : r.extraHeaders)
        head += h + "\r\n";
    head += "Connection: close\r\n\r\n";
    socket->write(head);
    if (r.mode == Mode::Drip) {
        auto *timer = new QTimer(socket);
        auto sent = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, socket, [socket, timer, sent, body = r.body] {
            if (*sent >= body.size()) {
                timer->stop();
                socket->disconnectFromHost();
                return;
            }
            socket->write(body.mid(*sent, 1));
            ++*sent;
        });
        timer->start(1000);
        return;
    }
    socket->write(r.body);
    socket->disconnectFromHost();
}

} // namespace ops::test

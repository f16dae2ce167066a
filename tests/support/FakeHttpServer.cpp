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
    const QList<QByteArray> lines = buffer.left(end).split('\n');
    buffer.clear();
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    const QString path = QString::fromLatin1(requestLine.value(1));
    m_lastHeaders = lines.mid(1);
    m_counts[path] += 1;
    Response response;
    if (m_responses.contains(path)) {
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

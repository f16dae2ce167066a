#include "HandlerServer.h"

#include <QtNetwork/QTcpServer>
#include <QtNetwork/QTcpSocket>

namespace opssandbox {

HandlerServer::HandlerServer(Handler handler, QObject *parent)
    : QAbstractHttpServer(parent), m_handler(std::move(handler))
{
}

HandlerServer::~HandlerServer() = default;

void HandlerServer::shutdown()
{
    const auto listeners = servers();
    for (QTcpServer *server : listeners) {
        server->close();
        const auto sockets = server->findChildren<QTcpSocket *>();
        for (QTcpSocket *socket : sockets)
            socket->abort();
    }
}

bool HandlerServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_handler(request, socket, makeResponder(request, socket));
    return true;
}

void HandlerServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // handleRequest() always claims the request; answer defensively should that ever change.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace opssandbox

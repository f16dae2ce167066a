#pragma once

#include <QtHttpServer/QAbstractHttpServer>
#include <QtHttpServer/QHttpServerResponder>

#include <functional>

class QTcpSocket;

namespace opssandbox {

// A QAbstractHttpServer that hands every request, whatever its path, to one callback together
// with a responder the callback may keep (to answer later, drip, or never). Internal.
class HandlerServer final : public QAbstractHttpServer
{
    Q_OBJECT
public:
    using Handler = std::function<void(const QHttpServerRequest &, QTcpSocket *,
                                       QHttpServerResponder &&)>;

    explicit HandlerServer(Handler handler, QObject *parent = nullptr);
    ~HandlerServer() override;

    // Stops listening and aborts every open connection at once (used for the "down" fault).
    void shutdown();

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Handler m_handler;
};

} // namespace opssandbox

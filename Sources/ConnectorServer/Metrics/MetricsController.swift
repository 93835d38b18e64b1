import Hummingbird
import NIOCore
import Prometheus

/// `GET /metrics`: the process's metrics in Prometheus's text format.
struct MetricsController {
    let registry: PrometheusCollectorRegistry

    func addRoutes(to router: Router<BasicRequestContext>) {
        router.get("metrics") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer())))
        }
    }
}

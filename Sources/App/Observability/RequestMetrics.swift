import Foundation
import Prometheus

/// Request counters and latency histograms per service and operation, in Prometheus form.
public struct RequestMetrics: Sendable {
    /// The registry that `/metrics` renders.
    public let registry: PrometheusCollectorRegistry
    private static let buckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]

    /// Creates the metrics over a registry.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
    }

    /// Records one finished request.
    public func record(service: String, operation: String, status: Int, duration: Duration) {
        registry.makeCounter(
            name: "hikeshi_requests_total",
            labels: [("service", service), ("operation", operation), ("status", String(status))]
        ).increment()
        registry.makeDurationHistogram(
            name: "hikeshi_request_duration_seconds",
            labels: [("service", service), ("operation", operation)],
            buckets: Self.buckets
        ).recordNanoseconds(duration.nanoseconds)
    }

    /// The registry in the Prometheus text format.
    public func render() -> String {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}

extension Duration {
    /// The duration in whole nanoseconds.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

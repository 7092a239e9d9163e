import Logging
import Testing

@testable import App

/// An error whose description the line shows.
struct LogLineRefusal: Error, CustomStringConvertible {
    var description: String { "refused" }
}

@Suite("Log lines")
struct LineLogHandlerTests {
    @Test("a line carries the logger's, the provider's and the event's metadata, keys in order, the later winning")
    func metadataMerge() {
        var handler = LineLogHandler(label: "hikeshi")
        handler.metadataProvider = Logger.MetadataProvider { ["trace.id": "t1", "aws.account": "from-provider"] }
        handler[metadataKey: "request.id"] = "r1"
        handler[metadataKey: "aws.account"] = "111111111111"
        handler.metadata["zone"] = "Asia/Tokyo"
        let event = LogEvent(
            level: .warning, message: "page not sent", error: LogLineRefusal(), metadata: ["aws.account": "222222222222"],
            source: "Paging", file: #fileID, function: #function, line: #line)
        let line = handler.render(event, timestamp: "2026-12-07T00:00:00+0000")
        #expect(
            line
                == "2026-12-07T00:00:00+0000 warning hikeshi: aws.account=222222222222 error.message=refused "
                + "error.type=AppTests.LogLineRefusal request.id=r1 trace.id=t1 zone=Asia/Tokyo [Paging] page not sent\n")
        #expect(handler[metadataKey: "request.id"] == "r1")
    }

    @Test("without metadata the line is the level, label, source and message, as StreamLogHandler writes it")
    func bareLine() {
        let handler = LineLogHandler(label: "hikeshi")
        let event = LogEvent(level: .info, message: "ready", metadata: nil, source: "App", file: #fileID, function: #function, line: #line)
        #expect(handler.render(event, timestamp: "T") == "T info hikeshi: [App] ready\n")
    }
}

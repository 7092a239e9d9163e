import Foundation
import HikeshiCore
import Testing

@testable import Console

@Suite("multipart/form-data bodies")
struct SupportMultipartTests {
    static func body(_ parts: [(headers: String, content: Data)], boundary: String = "XyZ") -> Data {
        var data = Data()
        for part in parts {
            data.append(Data("--\(boundary)\r\n\(part.headers)\r\n\r\n".utf8))
            data.append(part.content)
            data.append(Data("\r\n".utf8))
        }
        data.append(Data("--\(boundary)--\r\n".utf8))
        return data
    }

    @Test("the boundary is read from the content type, quoted or not; other types are not multipart")
    func boundary() {
        #expect(MultipartForm.boundary(contentType: "multipart/form-data; boundary=----abc") == "----abc")
        #expect(MultipartForm.boundary(contentType: #"Multipart/Form-Data; charset=utf-8; boundary="q q""#) == "q q")
        #expect(MultipartForm.boundary(contentType: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartForm.boundary(contentType: "multipart/form-data") == nil)
        #expect(MultipartForm.boundary(contentType: nil) == nil)
    }

    @Test("fields and files are read, binary content intact, an empty file input ignored")
    func fieldsAndFiles() throws {
        let binary = Data([0, 1, 2, 13, 10, 45, 45, 255])
        let data = Self.body([
            (#"Content-Disposition: form-data; name="_csrf""#, Data("tok".utf8)),
            (#"Content-Disposition: form-data; name="body""#, Data("こんにちは\r\nline 2".utf8)),
            ("Content-Disposition: form-data; name=\"files\"; filename=\"log.bin\"\r\nContent-Type: application/octet-stream", binary),
            ("Content-Disposition: form-data; name=\"files\"; filename=\"\"\r\nContent-Type: application/octet-stream", Data()),
        ])
        let form = try MultipartForm(body: data, boundary: "XyZ")
        #expect(form.fields["_csrf"] == "tok")
        #expect(form.fields["body"] == "こんにちは\r\nline 2")
        #expect(form.files == [MultipartForm.File(field: "files", fileName: "log.bin", contentType: "application/octet-stream", data: binary)])
        #expect(form.refused == [])
    }

    @Test("a file over 5 MB and a fourth file are left out and named, the rest is read")
    func limits() throws {
        var limits = MultipartForm.Limits()
        limits.maximumFileBytes = 10
        let file = { (name: String, size: Int) in
            ("Content-Disposition: form-data; name=\"files\"; filename=\"\(name)\"", Data(repeating: 65, count: size))
        }
        let data = Self.body([
            file("a.txt", 10), file("big.txt", 11), file("b.txt", 1), file("c.txt", 1), file("d.txt", 1),
            (#"Content-Disposition: form-data; name="_csrf""#, Data("tok".utf8)),
        ])
        let form = try MultipartForm(body: data, boundary: "XyZ", limits: limits)
        #expect(form.files.map(\.fileName) == ["a.txt", "b.txt", "c.txt"])
        #expect(form.refused == [.tooLarge("big.txt"), .tooManyFiles("d.txt")])
        #expect(form.fields["_csrf"] == "tok")
        #expect(MultipartForm.Limits().maximumFileBytes == 5 * 1024 * 1024 && MultipartForm.Limits().maximumFiles == 3)
    }

    @Test("hostile file names lose their paths, quotes, markup and control characters")
    func hostileNames() throws {
        #expect(MultipartForm.safeFileName("../../etc/passwd") == "passwd")
        #expect(MultipartForm.safeFileName(#"C:\Users\me\report.pdf"#) == "report.pdf")
        #expect(MultipartForm.safeFileName("\"><img src=x onerror=alert(2)>.png") == "img src=x onerror=alert(2).png")
        #expect(MultipartForm.safeFileName("a\r\nContent-Type: x.txt") == "aContent-Type x.txt")
        #expect(MultipartForm.safeFileName("...") == "attachment")
        #expect(MultipartForm.safeFileName(".hidden") == "hidden")
        #expect(MultipartForm.safeFileName(String(repeating: "x", count: 300)).count == 200)
        let data = Self.body([(#"Content-Disposition: form-data; name="files"; filename="..\\evil\"; x=\"y.sh""#, Data("x".utf8))])
        let form = try MultipartForm(body: data, boundary: "XyZ")
        #expect(form.files.map(\.fileName) == [#"evil; x=y.sh"#])
    }

    @Test("malformed bodies are refused: no delimiter, no end, a part without a name, too many parts")
    func malformed() {
        #expect(throws: MultipartForm.Failure.malformed) { try MultipartForm(body: Data("nothing".utf8), boundary: "XyZ") }
        #expect(throws: MultipartForm.Failure.malformed) {
            try MultipartForm(body: Data("--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nvalue".utf8), boundary: "XyZ")
        }
        #expect(throws: MultipartForm.Failure.malformed) {
            try MultipartForm(body: Self.body([("Content-Type: text/plain", Data("x".utf8))]), boundary: "XyZ")
        }
        var limits = MultipartForm.Limits()
        limits.maximumParts = 2
        let three = Self.body((0..<3).map { (#"Content-Disposition: form-data; name="f\#($0)""#, Data()) })
        #expect(throws: MultipartForm.Failure.tooManyParts) { try MultipartForm(body: three, boundary: "XyZ", limits: limits) }
    }
}

import Foundation
import Testing
@testable import AttainData

/// SHA-256 against the NIST test vectors (FIPS 180-2 examples), and the short digests recorded with results.
struct InputDigestTests {
    @Test func sha256MatchesTheNISTTestVectors() {
        #expect(InputDigest.sha256Hex(of: Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(InputDigest.sha256Hex(of: Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(InputDigest.sha256Hex(of: Data("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(InputDigest.sha256Hex(of: Data(repeating: UInt8(ascii: "a"), count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func digestsKeepTwelveDigitsAndListEachReadableFileOnce() throws {
        #expect(InputDigest.shortDigest(of: Data("abc".utf8)) == "ba7816bf8f01")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("attain-digest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("a.csv").path
        try "abc".write(toFile: file, atomically: true, encoding: .utf8)
        let digests = InputDigest.of([(file, .data), (dir.path + "/./a.csv", .data), (dir.path + "/missing.csv", .data)])
        #expect(digests == [InputDigest(role: .data, file: file, sha256: "ba7816bf8f01")])
    }
}

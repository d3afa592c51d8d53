import Foundation
import Testing

@testable import IndiciaKit

/// Hostile spellings of fields and numbers: each is read as what it means, or refused with the code
/// that says why. Uses the fast-path test pack (`n` is an integer question from 0 to 500).
@Suite("CaseDecoder: escapes and numbers")
struct CaseDecoderTests {
    static func error(_ json: String) -> (code: String, message: String, path: String)? {
        guard let result = FastPathTests.result(json), result["ok"] as? Bool == false, let error = result["error"] as? [String: Any] else {
            return nil
        }
        return (error["code"] as? String ?? "", error["message"] as? String ?? "", error["path"] as? String ?? "")
    }

    @Test("keys written with escapes mean the plain key: \\u0069d is id, \\u0061nswers is answers")
    func escapedKeys() {
        let result = FastPathTests.result(#"{"\u0069d":"x","\u0061nswers":{"n":5}}"#)
        #expect(result?["ok"] as? Bool == true)
        #expect(result?["id"] as? String == "x")
        let unknown = Self.error(#"{"id":1,"answers":{},"\u0078tra":1}"#)
        #expect(unknown?.code == "unknown-field")
        #expect(unknown?.message.contains("'xtra'") == true)
        #expect(unknown?.path == "/xtra")
        // A second id, even spelled with escapes, is a duplicate.
        #expect(Self.error(#"{"id":1,"\u0069d":2,"answers":{}}"#)?.code == "duplicate-field")
    }

    @Test("a number too large to hold is above the maximum, or below the minimum when negative")
    func hugeNumbers() {
        let below = Self.error(#"{"id":1,"answers":{"n":-1e400}}"#)
        #expect(below?.code == "out-of-range")
        #expect(below?.message == "the answer to 'n' is below its minimum of 0")
        #expect(Self.error(#"{"id":1,"answers":{"n":1e400}}"#)?.message == "the answer to 'n' is above its maximum of 500")
    }

    @Test(
        "an integer question takes only numbers that are whole as written",
        arguments: ["1e-400", "0.99999999999999999999", "2.5", "25e-1", "1.0000000000000000001"])
    func notWhole(_ number: String) {
        let error = Self.error(#"{"id":1,"answers":{"n":\#(number)}}"#)
        #expect(error?.code == "wrong-type")
        #expect(error?.message == "the answer to 'n' must be a whole number")
    }

    @Test("whole numbers in any spelling are accepted", arguments: ["5", "5.0", "50e-1", "0.5e1", "5.000", "0", "-0", "0.0e10"])
    func whole(_ number: String) {
        let result = FastPathTests.result(#"{"id":1,"answers":{"n":\#(number)}}"#)
        #expect(result?["ok"] as? Bool == true, "\(number)")
    }

    @Test(
        "isWhole reads the digits as written",
        arguments: [
            ("1", true), ("10e-1", true), ("100e-2", true), ("150e-2", false), ("1.5e1", true), ("1.25e1", false), ("0.000", true), ("7E+2", true),
        ])
    func isWhole(_ literal: String, _ whole: Bool) {
        #expect(Array(literal.utf8).withUnsafeBufferPointer(CaseDecoder.isWhole) == whole)
    }
}

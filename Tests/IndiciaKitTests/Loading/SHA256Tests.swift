import Testing

@testable import IndiciaKit

@Suite("SHA-256 (FIPS 180-4 test vectors)")
struct SHA256Tests {
    @Test(
        "known digests",
        arguments: [
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ])
    func vectors(_ input: String, _ digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test("a million 'a's, fed in uneven pieces, gives the standard digest")
    func million() {
        var hash = SHA256()
        let piece = [UInt8](repeating: 0x61, count: 997)
        var fed = 0
        while fed + piece.count <= 1_000_000 {
            hash.update(piece)
            fed += piece.count
        }
        hash.update([UInt8](repeating: 0x61, count: 1_000_000 - fed))
        #expect(hash.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

import Foundation
import Testing
@testable import TwilioConnector

struct TrimmingSpacesTests {
    @Test(arguments: ["", " ", "\t", "+1415", " +1415 ", "\t+1415", "+1415\t", "\u{00A0}+1415\u{2003}", "é", " é ", "\n+1415\n", "a b", " \u{3000}"])
    func trimsAsFoundationTrimsWhitespace(text: String) {
        #expect(text.trimmingSpaces == text.trimmingCharacters(in: .whitespaces))
    }
}
